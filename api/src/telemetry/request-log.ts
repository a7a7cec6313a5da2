/**
 * The compact request log `npm start` prints, one line per request:
 *   GET /api/me/line-of-sight 200 12 ms trace=4bf92f3577b34da6a3ce929d0e0e4736
 * Route templates only (no ids, no query strings), so nothing personal reaches the terminal.
 * Off unless something (the local start script) sets a sink.
 */
export interface RequestLogEntry {
  method: string;
  route: string;
  status: number;
  ms: number;
  traceId: string | undefined;
}

type Sink = (line: string) => void;
let sink: Sink | undefined;

export function setRequestLogSink(next: Sink | undefined): void {
  sink = next;
}

export function formatRequestLogLine(entry: RequestLogEntry): string {
  return `${entry.method.padEnd(6)} ${entry.route.padEnd(40)} ${String(entry.status)} ${String(Math.round(entry.ms)).padStart(5)} ms trace=${entry.traceId ?? '-'}`;
}

export function logRequest(entry: RequestLogEntry): void {
  sink?.(formatRequestLogLine(entry));
}
