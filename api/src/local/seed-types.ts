/** The shape of one tenant's demo data; see seed-contoso.ts and seed-fabrikam.ts. */
import type { Organisation, Role, Strategy } from '../shared/contracts.js';

export interface SeedPerson {
  id: string;
  displayName: string;
  teamId: string;
  roles: Role[];
  /** Sign-in name / email; derived from the display name and the tenant's domain when absent. */
  upn?: string;
  /** The company the person joined from in the merger. */
  formerCompany?: string;
}

/** "Inês Duarte" of "Contoso Logistics" → ines.duarte@contoso.example (example domains: never real mailboxes). */
export function seedUpn(displayName: string, tenantName: string): string {
  const plain = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const domain = plain(tenantName.split(' ')[0] ?? 'tenant');
  return `${plain(displayName).replace(/[^a-z]+/g, '.').replace(/^\.|\.$/g, '')}@${domain}.example`;
}

export interface SeedTask {
  id: string;
  ownerId: string;
  title: string;
  strategyId: string | null;
  howItServes: string;
}

export interface SeedTenant {
  id: string;
  name: string;
  organisation: Organisation;
  strategies: Strategy[];
  /** strategyIds: the strategies a leader mapped the team to. */
  teams: { id: string; name: string; strategyIds?: string[] }[];
  people: SeedPerson[];
  tasks: SeedTask[];
}

/** Fixed, readable GUIDs: `<prefix>-0000-4000-8000-<12-digit number>`. */
export function seedGuid(prefix: string, index: number): string {
  return `${prefix}-0000-4000-8000-${String(index).padStart(12, '0')}`;
}
