/**
 * Reads one Microsoft 365 group of the tenant before an app team is linked to it:
 * `GET /groups/{id}?$select=id,displayName,resourceProvisioningOptions` (GroupMember.Read.All).
 * A group whose resourceProvisioningOptions include "Team" has a team in Teams with the same id.
 */
import type { DirectoryGraph } from './graph-reader.js';

export type GroupLookup = { ok: true; displayName: string; isTeam: boolean } | { ok: false; reason: 'not_found' | 'unavailable'; detail: string };

export async function lookUpGroup(graph: DirectoryGraph, tenantId: string, groupId: string): Promise<GroupLookup> {
  if (!graph.configured) return { ok: false, reason: 'unavailable', detail: 'Microsoft Graph is not configured (GRAPH_CLIENT_ID).' };
  const read = await graph.get(tenantId, `${graph.baseUrl}/v1.0/groups/${encodeURIComponent(groupId)}?$select=id,displayName,resourceProvisioningOptions`);
  if (read.kind === 'not_found') return { ok: false, reason: 'not_found', detail: 'Your organisation has no group with this id.' };
  if (read.kind !== 'ok') return { ok: false, reason: 'unavailable', detail: read.kind === 'failed' ? read.detail : 'Microsoft Graph is busy; try again in a minute.' };
  const options = read.body.resourceProvisioningOptions;
  const displayName = typeof read.body.displayName === 'string' && read.body.displayName.trim() !== '' ? read.body.displayName.trim() : groupId;
  return { ok: true, displayName, isTeam: Array.isArray(options) && options.includes('Team') };
}
