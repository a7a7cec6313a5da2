/**
 * Pulse announcements and reminders go through the outbox to the fake Graph: one per person of the
 * audience, exactly once however often the drain runs, with a deep link straight to the questions;
 * the reminder half way through the window; the pulse closes itself at its closing time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chainIdFor, pulseChainKey } from '../../../api/src/notifications/outbox.js';
import { getServices } from '../../../api/src/services.js';
import { adjustableClockFrom } from '../../support/clock.js';
import { CONTOSO_IDS, startPulseTestStack, TENANT, type PulseTestStack } from './pulse-test-support.js';
import { formatDay } from '../../../api/src/notifications/notification-format.js';

const clock = adjustableClockFrom();
let stack: PulseTestStack;

beforeAll(async () => {
  stack = await startPulseTestStack(clock);
});
afterAll(async () => stack?.close());

const feedOf = (pulseId: string, kind: 'pulse' | 'pulseReminder') => stack.kit.graph.feed(TENANT).filter((entry) => entry.chainId === chainIdFor(pulseChainKey(pulseId, kind)));

describe('pulse notifications', () => {
  it('announce a pulse once to each person of the chosen teams, with a deep link to its questions; remind once; close at closing time', async () => {
    const team = CONTOSO_IDS.teams.customerSuccess;
    const pulse = await stack.open('daniel', { audience: { teamIds: [team] }, closesAt: new Date(clock.now().getTime() + 4 * 86_400_000).toISOString() });
    await getServices().notifications.drainAll();
    await getServices().notifications.drainAll();

    const announced = feedOf(pulse.id, 'pulse');
    const members = [CONTOSO_IDS.people.daniel, CONTOSO_IDS.people.elena, CONTOSO_IDS.people.ines, CONTOSO_IDS.people.lucia].sort();
    expect(announced.map((entry) => entry.userId).sort()).toEqual(members);
    expect(announced.every((entry) => entry.deliveries === 1 && entry.activityType === 'pulseOpened')).toBe(true);
    const link = new URL(announced[0]!.webUrl);
    expect(JSON.parse(link.searchParams.get('context')!)).toEqual({ subEntityId: `pulse:${pulse.id}:notification` });
    expect(feedOf(pulse.id, 'pulseReminder')).toEqual([]);

    // Half way through the window: one reminder each, however many times the timer runs.
    clock.advance(2 * 86_400_000 + 60_000);
    await getServices().notifications.drainAll();
    await getServices().notifications.drainAll();
    const reminded = feedOf(pulse.id, 'pulseReminder');
    expect(reminded.map((entry) => entry.userId).sort()).toEqual(members);
    expect(reminded.every((entry) => entry.deliveries === 1 && entry.templateParameters.closesOn === formatDay(pulse.closesAt.slice(0, 10), 'en'))).toBe(true);

    expect(await stack.answer('elena', pulse)).toBe(201);
    clock.advance(2 * 86_400_000);
    await getServices().notifications.drainAll();
    const stored = (await stack.store.list('pulses', TENANT)).filter((doc) => doc.id === pulse.id || doc.pulseId === pulse.id);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ status: 'closed', summary: { tallies: { organisation: { respondents: 1 } } } });
    expect(stored[0]!.sealedAt).toBeTypeOf('string');
    expect(feedOf(pulse.id, 'pulse').every((entry) => entry.deliveries === 1)).toBe(true);
  });
});
