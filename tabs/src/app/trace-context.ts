/**
 * W3C trace context without an OpenTelemetry SDK (the home view's download is budgeted): each API
 * call starts a trace, each try of it is a new span of that trace, and the API continues it
 * (traceparent in; `traceId` in problem+json).
 */
const hex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, '0')).join('');

export const newTraceId = (): string => hex(16);

/** `00-<trace id>-<new span id>-01` (sampled: the API decides what it keeps). */
export const traceparentOf = (traceId: string): string => `00-${traceId}-${hex(8)}-01`;
