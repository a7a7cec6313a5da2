import { ApiError } from './api-client';

/** A failure explained the way a person can act on it. */
export function whatWentWrong(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong in the tab. Try again; if it keeps happening, reload the tab.';
  switch (error.kind) {
    case 'sign-in':
      return "Teams couldn't sign you in. Close and reopen the tab, then try again.";
    case 'network':
      return "We couldn't reach Line of Sight. Check your connection, then try again.";
    case 'response':
      return 'Line of Sight answered in a way this tab doesn’t understand. Reload the tab to get the latest version.';
    case 'http':
      break;
  }
  if (error.status === 401) {
    return error.code === 'tenant_not_onboarded'
      ? "Your organisation hasn't set up Line of Sight yet. Ask your Teams admin to onboard it."
      : 'Your sign-in has expired or was not accepted. Close and reopen the tab, then try again.';
  }
  if (error.status === 403 && error.code === 'group_not_yours') {
    return 'You can import only a group you belong to or own. Pick one of your groups, or ask an Admin to import this one.';
  }
  if (error.status === 403 && error.code === 'own_roles') return 'Nobody changes their own roles. Ask another Admin.';
  if (error.status === 403) return "You don't have permission to do that. Ask your admin if you think you should.";
  if (error.status === 429 && error.code === 'rate_limited') return 'You sent many requests in a short time. Wait a minute, then try again.';
  if (error.status === 429) return 'Line of Sight is busy right now. Wait a moment, then try again.';
  if (error.status >= 500) return 'Line of Sight had a problem on its side. Try again in a moment.';
  return `${error.message}. Check what you entered, then try again.`;
}
