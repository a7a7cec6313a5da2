/**
 * The bench measures throughput, not the rate limits: it drives one person's token at hundreds of
 * requests a second, so it lifts every limit (unless the environment already sets one).
 */
import { RATE_LIMIT_ENV } from '../../api/src/http/rate-limit-config.js';

export function liftRateLimits(env: NodeJS.ProcessEnv = process.env): void {
  for (const [key, name] of Object.entries(RATE_LIMIT_ENV)) {
    if (key !== 'windowSeconds') env[name] ??= String(Number.MAX_SAFE_INTEGER);
  }
}
