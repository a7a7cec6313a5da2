import type { DevIdentity } from '@contracts';
import { describe, expect, it } from 'vitest';
import {
  DEMO_CHANNELS,
  contextReply,
  frameContextOf,
  surfaceFromKey,
  surfaceKey,
  tabUrlFor,
  describeLoadReport,
  groupByTenant,
  identityLabel,
  initializeReply,
  isTabRequest,
  principalNameFor,
} from '../../tabs/dev-host/host-protocol';

const ava: DevIdentity = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  tenantName: 'Northwind Traders',
  userId: '22222222-2222-4222-8222-222222222222',
  displayName: 'Åva Lindqvist',
  teamName: 'Platform',
  roles: ['Employee', 'Leader'],
};
const ben: DevIdentity = { ...ava, tenantId: '33333333-3333-4333-8333-333333333333', tenantName: 'Contoso', userId: '4', displayName: 'Ben', teamName: null, roles: ['Employee'] };

describe('the local Teams host protocol', () => {
  it('answers initialize with a content frame, a web client and a runtime that supports authentication', () => {
    const [frameContext, clientType, runtime, version] = initializeReply();
    expect([frameContext, clientType, version]).toEqual(['content', 'web', '2.58.0']);
    const parsed = JSON.parse(String(runtime)) as { apiVersion: number; supports: Record<string, unknown> };
    expect(parsed.apiVersion).toBe(4);
    expect(parsed.supports).toHaveProperty('authentication');
    expect(parsed.supports).toHaveProperty('app');
  });

  it('answers getContext with the legacy fields teams-js maps to user, tenant and theme', () => {
    const [context] = contextReply(ava, 'dark', 'session-1');
    expect(context).toMatchObject({
      theme: 'dark',
      userObjectId: ava.userId,
      tid: ava.tenantId,
      userPrincipalName: 'ava.lindqvist@northwind-traders.example',
      hostName: 'Teams',
      hostClientType: 'web',
      frameContext: 'content',
      entityId: 'home',
      appSessionId: 'session-1',
      locale: 'en-US',
    });
  });

  it('recognises teams-js requests and nothing else', () => {
    expect(isTabRequest({ id: 1, uuidAsString: 'u', func: 'initialize', args: [] })).toBe(true);
    expect(isTabRequest({ func: 'themeChange', args: ['dark'] })).toBe(false);
    expect(isTabRequest('initialize')).toBe(false);
    expect(isTabRequest(null)).toBe(false);
  });

  it('describes what the tab reported about its load', () => {
    expect(describeLoadReport('appInitialization.success')).toBe('Tab reported: success');
    expect(describeLoadReport('appInitialization.failure', ['AuthFailed', 'no token'])).toBe('Tab reported: failure (AuthFailed: no token)');
    expect(describeLoadReport('registerHandler', ['themeChange'])).toBeNull();
  });

  it('groups demo people by tenant and labels them with team and roles', () => {
    expect(groupByTenant([ava, ben, { ...ava, userId: '5' }]).map((g) => [g.tenantName, g.people.length])).toEqual([
      ['Northwind Traders', 2],
      ['Contoso', 1],
    ]);
    expect(identityLabel(ava)).toBe('Åva Lindqvist — Platform · Employee, Leader');
    expect(identityLabel(ben)).toBe('Ben — Employee');
    expect(principalNameFor(ben)).toBe('ben@contoso.example');
  });

  it('puts the tab in a channel: channel and team ids in context, the settings frame for the configuration page', () => {
    const channel = DEMO_CHANNELS[0]!;
    const config = surfaceFromKey(`config:${channel.key}`);
    expect(config).toEqual({ kind: 'config', channel });
    expect(initializeReply(frameContextOf(config))[0]).toBe('settings');
    expect(tabUrlFor(config)).toBe('/tab/index.html?view=config');
    const shown = surfaceFromKey(`channel:${channel.key}`, { [channel.key]: 'team-t1' });
    expect(tabUrlFor(shown)).toBe('/tab/index.html?view=channel');
    expect(surfaceKey(shown)).toBe(`channel:${channel.key}`);
    const [context] = contextReply(ava, 'default', 's', 'en-US', shown);
    expect(context).toMatchObject({
      frameContext: 'content',
      entityId: 'team-t1',
      channelId: channel.channelId,
      groupId: channel.teamsTeamId,
      teamName: channel.teamName,
    });
    expect(surfaceFromKey('nonsense')).toEqual({ kind: 'personal' });
    expect(describeLoadReport('settings.save.success')).toBe('Tab reported: settings saved');
  });
});
