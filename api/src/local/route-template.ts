/**
 * Matches request paths against Functions route templates such as `me/tasks/{id}`.
 * Supports what this app uses and a little more: `{name}`, optional `{name?}`, constraints
 * `{name:guid}` (ignored) and a final catch-all `{*rest}`. Matching is case-insensitive for
 * literal segments, as in the Functions host.
 */
type Segment =
  | { kind: 'literal'; value: string }
  | { kind: 'param'; name: string; optional: boolean }
  | { kind: 'catchAll'; name: string };

export interface RouteTemplate {
  template: string;
  match(path: string): Record<string, string> | undefined;
}

function parseSegment(raw: string): Segment {
  const param = /^\{(\*?)([A-Za-z_][A-Za-z0-9_]*)(?::[^}?]*)?(\??)\}$/.exec(raw);
  if (!param) return { kind: 'literal', value: raw.toLowerCase() };
  const [, star, name = '', question] = param;
  if (star) return { kind: 'catchAll', name };
  return { kind: 'param', name, optional: question === '?' };
}

export function compileRouteTemplate(template: string): RouteTemplate {
  const segments = template.split('/').filter((part) => part !== '').map(parseSegment);
  return {
    template,
    match(path) {
      const parts = path.split('/').filter((part) => part !== '');
      const params: Record<string, string> = {};
      for (let index = 0; index < segments.length; index += 1) {
        const segment = segments[index];
        const part = parts[index];
        if (!segment) return undefined;
        if (segment.kind === 'catchAll') {
          params[segment.name] = parts.slice(index).map(safeDecode).join('/');
          return params;
        }
        if (part === undefined) {
          if (segment.kind === 'param' && segment.optional) continue;
          return undefined;
        }
        if (segment.kind === 'literal') {
          if (part.toLowerCase() !== segment.value) return undefined;
        } else {
          params[segment.name] = safeDecode(part);
        }
      }
      return parts.length <= segments.length ? params : undefined;
    },
  };
}

/** A malformed percent-escape is kept as is; the handler's own validation then rejects it. */
function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
