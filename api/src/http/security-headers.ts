/**
 * Security headers. API responses are JSON that no browser should render, frame or cache;
 * the tab's pages must be frameable only by the Teams / Microsoft 365 / Outlook hosts.
 */
import { frameAncestorsDirective } from '../shared/hosting.js';

const COMMON_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Strict-Transport-Security': 'max-age=31536000; includeSubDomains',
} as const;

export const API_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  ...COMMON_HEADERS,
  'Cache-Control': 'no-store',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'X-Frame-Options': 'DENY',
};

/**
 * Headers for the tab's static files. `extraFrameAncestors` adds the local Teams host page in dev.
 * Scripts, styles and API calls stay on the tab's own origin.
 */
export function tabSecurityHeaders(extraFrameAncestors: readonly string[] = []): Record<string, string> {
  return {
    ...COMMON_HEADERS,
    'Content-Security-Policy': [
      "default-src 'self'",
      "script-src 'self'",
      // Fluent UI (Griffel) injects style elements at run time.
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self' data:",
      // teams-js fetches its list of valid host domains from the Office CDN.
      "connect-src 'self' https://res.cdn.office.net",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      // The same list tabs/public/staticwebapp.config.json sends in Azure (shared/hosting.ts).
      frameAncestorsDirective(extraFrameAncestors),
    ].join('; '),
  };
}
