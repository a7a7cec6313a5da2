/**
 * The clock tests give the API and the browser: it starts at a fixed instant and runs at real
 * speed, so every date-based decision (due dates, "overdue", reminders, "what changed since your
 * last visit") gives the same answer whatever today's date is, while writes keep their order.
 */
export const TEST_EPOCH = '2026-03-02T09:00:00.000Z';

/** The test day as the API sees it (YYYY-MM-DD), for due dates relative to "today". */
export const TEST_TODAY = TEST_EPOCH.slice(0, 10);

export function runningClockFrom(iso: string = TEST_EPOCH): () => Date {
  const origin = Date.parse(iso);
  const startedAt = performance.now();
  return () => new Date(origin + (performance.now() - startedAt));
}

/** `days` after the test day, as YYYY-MM-DD. */
export function testDayPlus(days: number): string {
  return new Date(Date.parse(`${TEST_TODAY}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** A running clock from the test instant that a test can move forward (e.g. past a drain's lease). */
export interface AdjustableClock {
  now: () => Date;
  advance(ms: number): void;
}

export function adjustableClockFrom(iso: string = TEST_EPOCH): AdjustableClock {
  const running = runningClockFrom(iso);
  let offset = 0;
  return { now: () => new Date(running().getTime() + offset), advance: (ms) => void (offset += ms) };
}
