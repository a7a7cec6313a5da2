/**
 * Where the tab may be framed. Microsoft Teams, Microsoft 365 (office.com, cloud.microsoft) and
 * Outlook host personal tabs; nobody else may put the tab in a frame (clickjacking).
 * Used by the local host's static server and mirrored in tabs/public/staticwebapp.config.json
 * (a test keeps the two equal).
 */
export const TEAMS_FRAME_ANCESTORS = [
  'teams.microsoft.com',
  '*.teams.microsoft.com',
  '*.cloud.microsoft',
  '*.microsoft365.com',
  '*.office.com',
  'outlook.office.com',
  'outlook.office365.com',
] as const;

/**
 * The CSP `frame-ancestors` directive for the tab. `extraSources` adds e.g. `'self'` in dev mode,
 * where the local Teams host page at / frames the tab at /tab/ on the same origin.
 */
export function frameAncestorsDirective(extraSources: readonly string[] = []): string {
  return ['frame-ancestors', ...extraSources, ...TEAMS_FRAME_ANCESTORS].join(' ');
}
