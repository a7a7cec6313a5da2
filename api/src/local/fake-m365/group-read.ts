/**
 * GET /v1.0/groups/{id} of the loopback fake Graph (a declared tenant's group): `id`, `displayName`
 * and `resourceProvisioningOptions` (["Team"] for a group with a team in Teams), as Graph answers it;
 * 404 Request_ResourceNotFound for a group the tenant does not have, 403 without a role that may read
 * groups. Linking an app team to a group reads it here first.
 */
import { graphError, refuseWithoutRole, type GraphArea } from './graph-context.js';
import { GROUP_READ_ROLES } from './groups.js';

const PATH = /^\/v1\.0\/groups\/([^/]+)$/;

export const groupReadArea: GraphArea = (request) => {
  const match = PATH.exec(request.url.pathname);
  if (request.method !== 'GET' || !match || !request.tenant) return false;
  if (refuseWithoutRole(request, GROUP_READ_ROLES)) return true;
  const groupId = decodeURIComponent(match[1]!);
  const group = request.tenant.groups.get(groupId);
  if (!group) {
    request.send(404, graphError('Request_ResourceNotFound', `Resource '${groupId}' does not exist or one of its queried reference-property objects are not present.`));
    return true;
  }
  request.send(200, {
    '@odata.context': `${request.baseUrl}/v1.0/$metadata#groups(id,displayName,resourceProvisioningOptions)/$entity`,
    id: groupId,
    displayName: group.displayName ?? groupId,
    resourceProvisioningOptions: group.isTeam ? ['Team'] : [],
  });
  return true;
};
