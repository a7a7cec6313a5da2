import { webLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './teams-session';

/**
 * Teams theme name → Fluent theme; the tab looks like the Teams around it. Light is in the first
 * download; dark and high contrast are a chunk of their own (a few KB each), loaded when Teams asks.
 */
export async function loadFluentTheme(theme: TeamsTheme): Promise<Theme> {
  if (theme === 'default') return webLightTheme;
  const { webDarkTheme, teamsHighContrastTheme } = await import('./other-themes');
  return theme === 'dark' ? webDarkTheme : teamsHighContrastTheme;
}
