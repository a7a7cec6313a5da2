import { z } from 'zod';
import type { ApiClient } from '../../../app/api-client';
import {
  editableStrategyMapSchema,
  historySchema,
  type ArchiveInput,
  type EditableOrganisation,
  type EditableStrategy,
  type EditableStrategyMap,
  type HistoryEntry,
  type OrganisationInput,
  type StrategyInput,
} from './schemas';

const anything = z.unknown();
const strategyPath = (id: string) => `/api/strategies/${encodeURIComponent(id)}`;

/** Whose history: the organisation (vision, mission…) or one strategy. */
export type HistorySubject = { kind: 'organisation' } | { kind: 'strategy'; strategy: EditableStrategy };

const historyPath = (subject: HistorySubject) =>
  subject.kind === 'organisation' ? '/api/organisation/history' : `${strategyPath(subject.strategy.id)}/history`;

export interface StrategyEditorApi {
  /** The map, each strategy with its owner's name: the editor never loads the whole directory. */
  load(signal?: AbortSignal): Promise<EditableStrategyMap>;
  /** Every write carries the etag it is based on: a stale one answers 412 with the current version. */
  saveOrganisation(input: OrganisationInput, etag: string): Promise<void>;
  createStrategy(input: StrategyInput): Promise<void>;
  updateStrategy(id: string, input: Partial<StrategyInput>, etag: string): Promise<void>;
  reorder(order: { id: string; etag: string }[]): Promise<void>;
  archive(strategy: EditableStrategy, input: ArchiveInput): Promise<void>;
  restore(strategy: EditableStrategy): Promise<void>;
  /** One page of history, newest first, with the names of the people it names; pass the previous page's `next` for older entries. */
  history(subject: HistorySubject, cursor: string | null, signal?: AbortSignal): Promise<HistoryPage>;
  restoreVersion(subject: HistorySubject, entry: HistoryEntry, currentEtag: string): Promise<void>;
}

// Writes don't read their answers: the editor reloads the map afterwards, as one consistent picture.
export function createStrategyEditorApi(client: ApiClient): StrategyEditorApi {
  return {
    load: (signal) => client.request('/api/strategy-map', editableStrategyMapSchema, { signal }),
    saveOrganisation: (input, etag) => client.send('/api/organisation', { method: 'PUT', body: input, ifMatch: etag }),
    createStrategy: (input) => client.request('/api/strategies', anything, { method: 'POST', body: input }).then(() => undefined),
    updateStrategy: (id, input, etag) => client.send(strategyPath(id), { method: 'PATCH', body: input, ifMatch: etag }),
    reorder: (order) => client.send('/api/strategies/order', { method: 'PUT', body: { order } }),
    archive: (strategy, input) =>
      client.send(`${strategyPath(strategy.id)}/archive`, { method: 'POST', body: input, ifMatch: strategy.etag }),
    restore: (strategy) => client.send(`${strategyPath(strategy.id)}/restore`, { method: 'POST', body: {}, ifMatch: strategy.etag }),
    history: (subject, cursor, signal) =>
      client.request(cursor ? `${historyPath(subject)}?cursor=${encodeURIComponent(cursor)}` : historyPath(subject), historySchema, { signal }),
    restoreVersion: (subject, entry, currentEtag) =>
      client.send(`${historyPath(subject)}/${encodeURIComponent(entry.id)}/restore`, { method: 'POST', body: {}, ifMatch: currentEtag }),
  };
}

export type { EditableOrganisation };
export type HistoryPage = z.infer<typeof historySchema>;
