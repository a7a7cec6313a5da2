/**
 * Idempotency-Key per user action. Every POST carries a key (the API stores its first answer for 24 h
 * and replays it to a retry with the same key, without a second write). A key stays with its action
 * until the action has a definite answer: the client's own retries reuse it, and so does the person
 * resubmitting the very same request after a network error (a create that did reach the server is
 * then answered, not repeated). A success or a definite refusal ends the action: the next submit,
 * even of the same input, is a new action with a new key.
 */

export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  // randomUUID needs a secure context; getRandomValues does not (a tab opened over plain http on a LAN address).
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What identifies "the same request" for reusing its key: method, path (with query) and body as sent. */
export interface ActionRequest {
  method: string;
  path: string;
  body: string | undefined;
}

export interface ActionKeys {
  /** The key of an action already under way for this very request, else a new one (remembered until settled). */
  keyFor(request: ActionRequest): string;
  /** The action has a definite answer (success or refusal): forget its key. */
  settled(request: ActionRequest, key: string): void;
}

/** Unsettled actions kept at most; the oldest is forgotten first. */
const MAX_OPEN_ACTIONS = 50;

export function createActionKeys(newKey: () => string = newIdempotencyKey): ActionKeys {
  const open = new Map<string, string>();
  const idOf = ({ method, path, body }: ActionRequest) => JSON.stringify([method.toUpperCase(), path, body ?? null]);
  return {
    keyFor(request) {
      const id = idOf(request);
      const existing = open.get(id);
      if (existing !== undefined) return existing;
      const key = newKey();
      open.set(id, key);
      if (open.size > MAX_OPEN_ACTIONS) open.delete(open.keys().next().value!);
      return key;
    },
    settled(request, key) {
      const id = idOf(request);
      if (open.get(id) === key) open.delete(id);
    },
  };
}

/** One memory for the whole page: a dialog closed and opened again still finds its unsettled action. */
export const pageActionKeys: ActionKeys = createActionKeys();
