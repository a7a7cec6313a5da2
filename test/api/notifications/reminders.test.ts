/**
 * Reminders: the pure planner, then "once per person per day" end to end through the outbox
 * (real embedded Cosmos) and the fake Graph.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueueNotifications } from '../../../api/src/notifications/outbox.js';
import { planReminders, type ReminderAssignment } from '../../../api/src/notifications/reminder-planner.js';
import { newTenantId, startNotificationKit, type NotificationKit } from './notification-kit.js';

const webUrl = 'https://teams.microsoft.com/l/entity/app/line-of-sight-home';
const mission: ReminderAssignment = {
  assignmentId: 'assign-mission',
  dueDate: '2026-03-10',
  moduleTitle: 'Our mission and why it matters',
  webUrl,
  people: [
    { userId: 'ana', completed: false },
    { userId: 'ben', completed: true },
    { userId: 'cho', completed: false },
  ],
};
const strategies: ReminderAssignment = {
  assignmentId: 'assign-strategies',
  dueDate: '2026-03-09',
  moduleTitle: 'How our strategies serve customers',
  webUrl,
  people: [{ userId: 'ana', completed: false }],
};
const at = (day: string) => new Date(`${day}T08:00:00.000Z`);

describe('reminder planner', () => {
  it('reminds on the configured days before the due date and on it, not on other days', () => {
    const settings = { daysBefore: [3, 1] };
    const days = ['2026-03-06', '2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10', '2026-03-11'];
    const reminded = days.filter((day) => planReminders([mission], at(day), settings).length > 0);
    expect(reminded).toEqual(['2026-03-07', '2026-03-09', '2026-03-10']);
  });

  it('skips people who completed, and anything whose scheduled start has not come', () => {
    expect(planReminders([mission], at('2026-03-10')).map((request) => request.recipientUserId).sort()).toEqual(['ana', 'cho']);
    expect(planReminders([{ ...mission, startAt: '2026-03-10T09:00:00.000Z' }], at('2026-03-10'))).toEqual([]);
  });

  it('sends one reminder per person per day, about the assignment due first', () => {
    const requests = planReminders([mission, strategies], at('2026-03-09'), { daysBefore: [1] });
    const forAna = requests.filter((request) => request.recipientUserId === 'ana');
    expect(forAna).toHaveLength(1);
    expect(forAna[0]).toMatchObject({
      kind: 'reminder',
      assignmentId: 'assign-strategies',
      idempotencyKey: 'reminder:ana:2026-03-09',
      content: {
        activityType: 'moduleReminder',
        templateParameters: { moduleTitle: 'How our strategies serve customers', dueDate: 'March 9, 2026' },
        previewText: 'Reminder: How our strategies serve customers is due today (March 9, 2026).',
        message: { activityType: 'moduleReminder', moduleTitle: 'How our strategies serve customers', dueDate: '2026-03-09', day: '2026-03-09' },
      },
    });
  });
});

describe('reminders through the outbox', () => {
  let kit: NotificationKit;
let tenant: string;
beforeEach(() => {
  tenant = newTenantId();
  kit?.graph.clearFaults();
});
  beforeAll(async () => {
    kit = await startNotificationKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('never reaches a person twice on one day, however often the planner runs', async () => {
    const morning = at('2026-03-09');
    expect(await enqueueNotifications(kit.outbox, tenant, planReminders([mission], morning), morning)).toEqual({ created: 2, alreadyQueued: 0 });
    // Later the same day, with another assignment now due as well: nothing new for ana or cho.
    const afternoon = new Date('2026-03-09T15:00:00.000Z');
    expect(await enqueueNotifications(kit.outbox, tenant, planReminders([mission, strategies], afternoon, { daysBefore: [1] }), afternoon)).toEqual({
      created: 0,
      alreadyQueued: 2,
    });
    kit.clock.advance(Date.parse('2026-03-10T00:00:00.000Z') - kit.clock.now());
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 2 });
    const reminders = kit.graph.feed(tenant).filter((entry) => entry.activityType === 'moduleReminder');
    expect(reminders.map((entry) => entry.userId).sort()).toEqual(['ana', 'cho']);

    // The next day (the due date) is a new day: one more each, as a separate notification.
    const dueDay = at('2026-03-10');
    expect(await enqueueNotifications(kit.outbox, tenant, planReminders([mission], dueDay), dueDay)).toEqual({ created: 2, alreadyQueued: 0 });
    kit.clock.advance(9 * 3600_000);
    expect(await kit.drain().drain([tenant])).toMatchObject({ sent: 2 });
    const perPerson = kit.graph.feed(tenant).filter((entry) => entry.userId === 'ana' && entry.activityType === 'moduleReminder');
    expect(perPerson).toHaveLength(2);
    expect(perPerson.every((entry) => entry.deliveries === 1)).toBe(true);
  });
});
