/**
 * The Microsoft Graph permissions the app registration requests (aad.manifest.json), each with why
 * and the Graph requests that need it. One list for the registration, the deployment notes and the
 * first-run consent check: test/deploy keeps aad.manifest.json equal to it, and every Graph request
 * the API code makes listed under a permission here.
 *
 * Application permissions ('Role') for what the API does as the app (client credentials, per
 * customer tenant, after that tenant's admin consents). Delegated permissions ('Scope') only where
 * the API acts on one person's behalf (on-behalf-of, with their consent): their own Planner and
 * To Do tasks. A person's name, UPN and object id come from the SSO token's claims. Each is the
 * least privileged permission Graph's reference lists for its requests.
 */

export interface GraphPermission {
  /**
   * 'Role': an application permission (app-only token, admin consent in each customer tenant).
   * 'Scope': a delegated permission (a token on a person's behalf, their consent or an admin's).
   */
  readonly type: 'Role' | 'Scope';
  /** What it lets the app do for its users, in words an admin consenting to it can check. */
  readonly why: string;
  /** Graph v1.0 requests the code makes today: "METHOD /path", `{id}` standing for any id. */
  readonly requests: readonly string[];
  /** Requests of the issue 9 features still being built (sign-up, directory sync, notifications). */
  readonly planned?: readonly string[];
}

export const GRAPH_PERMISSIONS = {
  'TeamsActivity.Send': {
    type: 'Role',
    why: 'Sends onboarding notifications (module assigned, reminders) to people\'s Teams activity feed.',
    requests: ['POST /teamwork/sendActivityNotificationToRecipients', 'POST /users/{id}/teamwork/sendActivityNotification'],
  },
  'GroupMember.Read.All': {
    type: 'Role',
    why: 'Lists the organisation\'s Microsoft 365 groups and teams (at sign-up an admin picks which become app teams) and reads the members and owners of groups: a cohort built from a group (and whether the leader importing it owns it), and app teams linked to a group or a team in Teams whose members sync from Graph.',
    requests: ['GET /groups', 'GET /groups/{id}', 'GET /groups/{id}/transitiveMembers/microsoft.graph.user', 'GET /groups/{id}/owners/microsoft.graph.user'],
  },
  'User.Read.All': {
    type: 'Role',
    why: 'Syncs the directory: display name, mail and UPN, department, job title, manager and whether the account is enabled, with delta queries, so people and leaders need no CSV.',
    requests: ['GET /users/delta'],
  },
  'TeamsAppInstallation.ReadWriteSelfForUser.All': {
    type: 'Role',
    why: 'Installs Line of Sight (and only it) for a person who does not have it yet, because Teams delivers activity notifications only to people with the app installed.',
    requests: ['GET /users/{id}/teamwork/installedApps', 'POST /users/{id}/teamwork/installedApps'],
  },
  'AppCatalog.Read.All': {
    type: 'Role',
    why: 'Finds the id the organisation\'s app catalog gave Line of Sight (it differs from the manifest id), which installing the app and sending notifications need.',
    requests: ['GET /appCatalogs/teamsApps'],
  },
  'Tasks.Read': {
    type: 'Scope',
    why: 'Reads the signed-in person\'s own Planner tasks and Microsoft To Do lists, on their behalf and only when they bring them in, so the tasks appear in their line of sight and stay in sync.',
    requests: ['GET /me/planner/tasks', 'GET /planner/plans/{id}', 'GET /planner/tasks/{id}', 'GET /me/todo/lists', 'GET /me/todo/lists/{id}/tasks', 'GET /me/todo/lists/{id}/tasks/delta', 'GET /me/todo/lists/{id}/tasks/{id}'],
  },
  'Tasks.ReadWrite': {
    type: 'Scope',
    why: 'Only for people who turn on write-back: completes (or reopens) their Planner or To Do task when they mark it done in Line of Sight, checking its ETag so no change made there is overwritten.',
    requests: ['PATCH /planner/tasks/{id}', 'PATCH /me/todo/lists/{id}/tasks/{id}'],
  },
} as const satisfies Record<string, GraphPermission>;

/** The application permissions (app roles), which an administrator consents to for the organisation. */
export const APPLICATION_PERMISSIONS = Object.entries(GRAPH_PERMISSIONS).filter(([, permission]) => permission.type === 'Role').map(([name]) => name);

export type GraphPermissionName = keyof typeof GRAPH_PERMISSIONS;

/** Microsoft Graph's application id, the resourceAppId of these permissions. */
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
