import { webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { describe, expect, it } from 'vitest';
import { OUTSIDE_TEAMS_TOKENS } from '../../tabs/src/components/outside-teams-page';

// The outside-Teams page is plain CSS (no Fluent at run time), so its token values are copies: they must stay Fluent's.
describe('the outside-Teams page', () => {
  it("uses Fluent v9's token values, light and dark", () => {
    for (const [name, value] of Object.entries(OUTSIDE_TEAMS_TOKENS.light)) expect(value, name).toBe(webLightTheme[name as keyof typeof webLightTheme]);
    for (const [name, value] of Object.entries(OUTSIDE_TEAMS_TOKENS.dark)) expect(value, name).toBe(webDarkTheme[name as keyof typeof webDarkTheme]);
    for (const [name, value] of Object.entries(OUTSIDE_TEAMS_TOKENS.shared)) expect(value, name).toBe(webLightTheme[name as keyof typeof webLightTheme]);
  });
});
