import { teamsHighContrastTheme, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import type { TeamsTheme } from './teams-session';

/** Teams theme name → Fluent theme; the tab looks like the Teams around it. */
export function fluentThemeFor(theme: TeamsTheme): Theme {
  switch (theme) {
    case 'dark':
      return webDarkTheme;
    case 'contrast':
      return teamsHighContrastTheme;
    default:
      return webLightTheme;
  }
}

const RTL_LANGUAGES = new Set(['ar', 'he', 'fa', 'ur']);

/** Text direction for a locale such as "he-IL". */
export function directionFor(locale: string): 'ltr' | 'rtl' {
  return RTL_LANGUAGES.has(locale.split('-')[0]?.toLowerCase() ?? '') ? 'rtl' : 'ltr';
}
