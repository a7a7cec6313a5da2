import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TEAMS_FRAME_ANCESTORS, frameAncestorsDirective } from '../../api/src/shared/hosting';

const config = JSON.parse(readFileSync(new URL('../../tabs/public/staticwebapp.config.json', import.meta.url), 'utf8')) as {
  globalHeaders: Record<string, string>;
  routes: { route: string; headers?: Record<string, string> }[];
  navigationFallback: { rewrite: string; exclude: string[] };
};

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name!, sources]),
  );
}

describe('tabs/public/staticwebapp.config.json', () => {
  const csp = directives(config.globalHeaders['Content-Security-Policy'] ?? '');

  it('lets exactly the Teams, Microsoft 365 and Outlook hosts frame the tab', () => {
    expect(csp.get('frame-ancestors')).toEqual([...TEAMS_FRAME_ANCESTORS]);
  });

  it('keeps scripts to our own origin and lets teams-js fetch its valid-domains list', () => {
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('connect-src')).toContain('https://res.cdn.office.net');
  });

  it('shows onboarding images by https address only (never http:), and keeps scripts and frames out of them', () => {
    expect(csp.get('img-src')).toEqual(["'self'", 'data:', 'https:']);
  });

  it('sends the other security headers', () => {
    expect(config.globalHeaders['X-Content-Type-Options']).toBe('nosniff');
    expect(config.globalHeaders['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
  });

  it('falls back to the tab page for navigation but not for missing assets', () => {
    expect(config.navigationFallback.rewrite).toBe('/tab/index.html');
    expect(config.navigationFallback.exclude).toContain('/tab/assets/*');
  });
});

describe('frameAncestorsDirective', () => {
  it('adds dev sources ahead of the Teams hosts', () => {
    expect(frameAncestorsDirective(["'self'"])).toBe(`frame-ancestors 'self' ${TEAMS_FRAME_ANCESTORS.join(' ')}`);
    expect(frameAncestorsDirective()).toBe(`frame-ancestors ${TEAMS_FRAME_ANCESTORS.join(' ')}`);
  });

  it('caches the hashed assets for a year as immutable and has index.html revalidated, as the local host does', () => {
    const headersOf = (route: string) => config.routes.find((candidate) => candidate.route === route)?.headers ?? {};
    expect(headersOf('/tab/assets/*')['Cache-Control']).toBe('public, max-age=31536000, immutable');
    expect(headersOf('/tab/index.html')['Cache-Control']).toBe('no-cache');
  });
});
