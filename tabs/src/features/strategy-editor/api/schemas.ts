/** The editor's view of the strategy-map routes: the shared contracts, plus labels the editor shows. */
import type {
  ArchiveStrategyInput,
  AuditEntry,
  CreateStrategyInput,
  EditableOrganisation,
  EditableStrategy,
  EditableStrategyMap,
  Person,
  PersonNames,
  StrategyProgress,
  UpdateOrganisationInput,
} from '@contracts';

export { editableStrategyMapSchema, historySchema } from '@contracts';
export type { EditableOrganisation, EditableStrategy, EditableStrategyMap, Person, PersonNames };

export type Progress = StrategyProgress;
export const PROGRESS: readonly Progress[] = ['not_started', 'on_track', 'at_risk', 'off_track'];

export type HistoryEntry = AuditEntry;
export type OrganisationInput = UpdateOrganisationInput;
export type StrategyInput = CreateStrategyInput;
export type ArchiveInput = ArchiveStrategyInput;
