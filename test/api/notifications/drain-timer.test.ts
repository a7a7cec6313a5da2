/**
 * The timer-triggered drain as the app registers it: the local stack (real functions-core
 * registrations, embedded Cosmos with demo tenants) configured to send to the fake Graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalStack, type LocalStack } from '../../../api/src/local/stack.js';
import { CONTOSO_IDS } from '../../../api/src/local/seed.js';
import { assignedContent, moduleDeepLink } from '../../../api/src/notifications/notification-content.js';
import { assignedChainKey, assignedIdempotencyKey, enqueueNotifications } from '../../../api/src/notifications/outbox.js';
import { DEFAULT_TEAMS_APP_ID, getServices } from '../../../api/src/services.js';
import { undeclaredCatalogAppId } from '../../../api/src/local/fake-m365/teams-apps.js';
import { runningClockFrom, TEST_TODAY } from '../../support/clock.js';
import { startFakeGraph, type FakeGraph } from '../../../api/src/local/fake-m365/fake-graph.js';
import { formatDay } from '../../../api/src/notifications/notification-format.js';

let graph: FakeGraph;
let stack: LocalStack;
beforeAll(async () => {
  graph = await startFakeGraph();
  Object.assign(process.env, {
    GRAPH_CLIENT_ID: graph.clientId,
    GRAPH_BASE_URL: graph.baseUrl,
    GRAPH_TENANT_AUTHORITY: graph.authority,
    GRAPH_CLIENT_ASSERTION: 'local-test-assertion',
  });
  stack = await startLocalStack({ port: 0, now: runningClockFrom() });
});
afterAll(async () => {
  await stack?.close();
  await graph?.close();
});

describe('notifications drain timer', () => {
  it('is registered with app.timer on a one-minute schedule', () => {
    expect(stack.timers.map((timer) => [timer.name, timer.schedule, timer.intervalMs])).toContainEqual(['notifications-drain-timer', '0 */1 * * * *', 60_000]);
  });

  it('sends what is queued in any tenant when it fires, and nothing twice when it fires again', async () => {
    const services = getServices();
    const people = Object.values(CONTOSO_IDS.people).slice(0, 3);
    const webUrl = moduleDeepLink('teams-app-id', 'assign-timer');
    await enqueueNotifications(
      services.outbox,
      CONTOSO_IDS.tenant,
      people.map((userId) => ({
        recipientUserId: userId,
        kind: 'assigned',
        assignmentId: 'assign-timer',
        idempotencyKey: assignedIdempotencyKey('assign-timer', userId),
        chainKey: assignedChainKey('assign-timer'),
        content: assignedContent('Our mission and why it matters', '2026-03-20', webUrl),
      })),
      services.now(),
    );
    const timer = stack.timers.find((candidate) => candidate.name === 'notifications-drain-timer')!;
    await timer.run();
    expect(graph.feed(CONTOSO_IDS.tenant).map((entry) => entry.userId).sort()).toEqual([...people].sort());
    await timer.run();
    expect(graph.deliveryCount()).toBe(3);
    // The deep link opens the app by the id the tenant's catalog gave it, not the one it was written with.
    const catalogAppId = undeclaredCatalogAppId(CONTOSO_IDS.tenant, DEFAULT_TEAMS_APP_ID);
    expect(graph.feed(CONTOSO_IDS.tenant)[0]).toMatchObject({ activityType: 'moduleAssigned', webUrl: webUrl.replace('/teams-app-id/', `/${catalogAppId}/`) });
  });

  it('queues and sends today\'s reminders from the registered source, once per person per day', async () => {
    const services = getServices();
    const today = TEST_TODAY;
    services.notifications.setReminderSource(async (tenantId) =>
      tenantId !== CONTOSO_IDS.tenant
        ? []
        : [
            {
              assignmentId: 'assign-due-today',
              dueDate: today,
              moduleTitle: 'How our strategies serve customers',
              webUrl: moduleDeepLink('teams-app-id', 'assign-due-today'),
              people: [
                { userId: CONTOSO_IDS.people.aisha, completed: false },
                { userId: CONTOSO_IDS.people.ben, completed: true },
              ],
            },
          ],
    );
    const timer = stack.timers.find((candidate) => candidate.name === 'notifications-drain-timer')!;
    await timer.run();
    await timer.run();
    const reminders = graph.feed(CONTOSO_IDS.tenant).filter((entry) => entry.activityType === 'moduleReminder');
    expect(reminders.map((entry) => [entry.userId, entry.deliveries, entry.templateParameters.dueDate])).toEqual([[CONTOSO_IDS.people.aisha, 1, formatDay(today, 'en')]]);
  });

  it('drains one tenant right away with drainNow', async () => {
    const services = getServices();
    await enqueueNotifications(services.outbox, CONTOSO_IDS.tenant, [
      {
        recipientUserId: CONTOSO_IDS.people.ines,
        kind: 'assigned',
        assignmentId: 'assign-now',
        idempotencyKey: assignedIdempotencyKey('assign-now', CONTOSO_IDS.people.ines),
        chainKey: assignedChainKey('assign-now'),
        content: assignedContent('Your first week: linking your tasks', '2026-03-20', moduleDeepLink('teams-app-id', 'assign-now')),
      },
    ], services.now());
    expect(services.notifications.enabled).toBe(true);
    expect(await services.notifications.drainNow(CONTOSO_IDS.tenant)).toMatchObject({ sent: 1 });
    expect(graph.calls.at(-1)).toMatchObject({ kind: 'single', status: 204 });
  });
});
