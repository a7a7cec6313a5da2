/**
 * Microsoft Entra built-in directory roles the API recognises in a token's `wids` claim (their role
 * template ids, the same in every tenant). The SSO token carries `wids` for users who hold a
 * directory role; the app registration asks for it by default in v2 tokens.
 */

/** Global Administrator. */
export const GLOBAL_ADMINISTRATOR_ROLE = '62e90394-69f5-4237-9190-012177145e10';
/** Teams Administrator. */
export const TEAMS_ADMINISTRATOR_ROLE = '69091246-20e8-4a56-aa4d-066075b2a7a8';

/** Directory roles that may sign their organisation up (besides the app role Admin), with their names. */
export const SIGNUP_DIRECTORY_ROLES: Readonly<Record<string, string>> = {
  [GLOBAL_ADMINISTRATOR_ROLE]: 'Global Administrator',
  [TEAMS_ADMINISTRATOR_ROLE]: 'Teams Administrator',
};
