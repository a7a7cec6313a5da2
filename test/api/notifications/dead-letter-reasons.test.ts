/**
 * Dead-letter reasons in words a leader can act on, with Graph's answer kept for whoever runs the app;
 * and deep links that name the app by the id the tenant's catalog gave it. Pure: worked examples.
 */
import { describe, expect, it } from 'vitest';
import { installationFailureReason, REASONS, sendFailureReason } from '../../../api/src/notifications/dead-letter-reasons.js';
import { deepLinkForApp, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';

const failure = (status: number, code: string, graphMessage: string) => ({ ok: false as const, kind: 'permanent' as const, status, code, graphMessage, message: `Graph ${status}: {"error":{"code":"${code}"}}` });

describe('installationFailureReason', () => {
  it('tells a deleted person, a disabled account, a missing permission and a policy block apart', () => {
    expect(installationFailureReason(failure(404, 'Request_ResourceNotFound', "Resource 'x' does not exist"), 'check')).toBe(`${REASONS.personNotFound} (Graph 404 Request_ResourceNotFound: Resource 'x' does not exist)`);
    expect(installationFailureReason(failure(404, 'NotFound', 'The Teams app was not found'), 'install')).toMatch(new RegExp(`^${REASONS.appGone.replace(/[.()]/g, '\\$&')}`));
    expect(installationFailureReason(failure(403, 'Forbidden', 'The user account is disabled.'), 'install')).toMatch(/^This person's account is disabled/);
    expect(installationFailureReason(failure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.'), 'check')).toMatch(/^Line of Sight may not install itself/);
    expect(installationFailureReason(failure(403, 'Forbidden', 'Blocked by the app permission policy'), 'install')).toMatch(/^Your organisation's Teams app permission policy blocks Line of Sight/);
  });
});

describe('sendFailureReason', () => {
  it('says the app may not send when Graph answers 403, and keeps Graph\'s whole answer', () => {
    expect(sendFailureReason({ status: 403, message: 'Graph 403: Missing role TeamsActivity.Send' })).toBe(`${REASONS.sendNotAllowed} (Graph 403: Missing role TeamsActivity.Send)`);
    expect(sendFailureReason({ status: 400, message: 'Graph 400: bad topic' })).toBe(`${REASONS.sendRefused} (Graph 400: bad topic)`);
  });
});

describe('deepLinkForApp', () => {
  it('swaps the app id of a Teams entity link for the catalog id, keeping the tab and its context', () => {
    const link = moduleDeepLink('00000000-0000-4000-8000-00000000a11d', 'assign-1');
    expect(deepLinkForApp(link, 'b1c5353a-7aca-41b3-830f-27d5218fe0e5')).toBe(moduleDeepLink('b1c5353a-7aca-41b3-830f-27d5218fe0e5', 'assign-1'));
    expect(deepLinkForApp('https://example.com/other', 'b1c5353a')).toBe('https://example.com/other');
  });
});
