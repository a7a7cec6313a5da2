/**
 * Runs the app's timer-triggered functions locally, the way the Functions host would: the real
 * registration (from the functions-core stand-in) called with a Timer and an InvocationContext.
 * `npm start` runs them on their schedule; tests call `run()` directly.
 */
import azureFunctions, { type Timer } from '@azure/functions';
import type { RegisteredFunction } from './functions-core-stand-in.js';

const { InvocationContext } = azureFunctions;

export interface LocalTimer {
  name: string;
  schedule: string;
  /** Milliseconds between runs, read from the schedule. */
  intervalMs: number;
  run(): Promise<void>;
}

/**
 * Reads the period of the common NCRONTAB shapes ("{second} {minute} {hour} ..."): "*\/N" in the
 * seconds, minutes or hours field, or a fixed time of day (daily); anything else runs every minute.
 */
export function intervalOf(schedule: string): number {
  const fields = schedule.trim().split(/\s+/);
  // "{s} {m} {h} * * *": once a day at that time (the nightly recount).
  if (fields.length === 6 && fields.slice(0, 3).every((field) => /^\d+$/.test(field)) && fields.slice(3).every((field) => field === '*')) return 86_400_000;
  const units = [1_000, 60_000, 3_600_000];
  for (let i = 0; i < Math.min(3, fields.length); i += 1) {
    const every = /^\*\/(\d+)$/.exec(fields[i]!);
    if (every) return Number(every[1]) * units[i]!;
  }
  return 60_000;
}

export function localTimers(functions: readonly RegisteredFunction[]): LocalTimer[] {
  return functions.flatMap((fn) =>
    Object.entries(fn.metadata.bindings)
      .filter(([, binding]) => binding.type.toLowerCase() === 'timertrigger')
      .map(([bindingName, binding]) => {
        const schedule = String(binding.schedule ?? '');
        return {
          name: fn.metadata.name,
          schedule,
          intervalMs: intervalOf(schedule),
          async run() {
            const timer: Timer = { isPastDue: false, schedule: { adjustForDST: true }, scheduleStatus: { last: '', next: '', lastUpdated: '' } };
            const context = new InvocationContext({
              functionName: fn.metadata.name,
              invocationId: crypto.randomUUID(),
              options: { trigger: { ...binding, name: bindingName, type: 'timerTrigger' } as never, extraInputs: [], extraOutputs: [] },
            });
            await fn.handler(timer, context);
          },
        };
      }),
  );
}

/** Starts every timer on its interval; a run still going when the next is due is skipped. Returns stop(). */
export function scheduleTimers(timers: readonly LocalTimer[]): () => Promise<void> {
  const running = new Map<string, Promise<void>>();
  const handles = timers.map((timer) =>
    setInterval(() => {
      if (running.has(timer.name)) return;
      const run = timer
        .run()
        .catch((error: unknown) => console.error(`Timer ${timer.name} failed`, error))
        .finally(() => running.delete(timer.name));
      running.set(timer.name, run);
    }, timer.intervalMs),
  );
  return async () => {
    for (const handle of handles) clearInterval(handle);
    await Promise.allSettled([...running.values()]);
  };
}
