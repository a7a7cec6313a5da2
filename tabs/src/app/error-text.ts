import { ApiError } from './api-client';
import { appText } from './messages';

const t = appText.text;

/** A failure explained the way a person can act on it. */
export function whatWentWrong(error: unknown): string {
  if (!(error instanceof ApiError)) return t('error.tab');
  switch (error.kind) {
    case 'sign-in':
      return t('error.signIn');
    case 'network':
      return t('error.network');
    case 'response':
      return t('error.response');
    case 'http':
      break;
  }
  if (error.status === 401) {
    return error.code === 'tenant_not_onboarded'
      ? t('error.notOnboarded')
      : t('error.expired');
  }
  if (error.status === 403 && error.code === 'group_not_yours') {
    return t('error.groupNotYours');
  }
  if (error.status === 403 && error.code === 'own_roles') return t('error.ownRoles');
  if (error.status === 403) return t('error.forbidden');
  if (error.status === 429 && error.code === 'rate_limited') return t('error.rateLimited');
  if (error.status === 429) return t('error.busy');
  if (error.status >= 500) return t('error.server');
  return t('error.input', { detail: error.message });
}
