import type { Person } from '@contracts';
import { Body1, Caption1, Subtitle1, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { attemptSave } from '../../../app/save-outcome';
import { SearchablePagedList } from '../../../components/SearchablePagedList';
import { usePagedSearch } from '../../../components/use-paged-search';
import { peoplePage } from '../../../components/people-page';
import { useActionToast } from '../../../components/ActionToaster';
import { formatList } from '../../../i18n';
import { teamsText } from '../messages';

const useStyles = makeStyles({
  section: { display: 'grid', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  item: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  who: { display: 'grid', minWidth: 0, overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/**
 * Admins grant or revoke Leader in the app, for organisations that don't use Entra app roles.
 * Roles that come from the token are shown but can't be changed here, and nobody changes their own
 * (`myId`): another Admin must.
 */
export function PeopleRoles({ client, myId }: { client: ApiClient; myId?: string }) {
  const styles = useStyles();
  const t = teamsText.useText();
  const people = usePagedSearch(useMemo(() => peoplePage(client), [client]));
  const reload = people.reload;
  const [busy, setBusy] = useState<string | null>(null);
  // Confirmed in the Teams area's toaster, like every other leader action there.
  const toast = useActionToast();

  const toggle = async (person: Person, leader: boolean) => {
    setBusy(person.id);
    const outcome = await attemptSave(
      () => client.send(`/api/people/${encodeURIComponent(person.id)}/granted-roles`, { method: 'PUT', body: { roles: leader ? ['Leader'] : [] }, ifMatch: person.etag }),
      ['roles'],
    );
    setBusy(null);
    await reload();
    if (outcome.kind === 'done') toast(t(leader ? 'granted' : 'revoked', { name: person.displayName }));
    else if (outcome.kind === 'conflict') toast(t('rolesConflict', { name: person.displayName }), { intent: 'error', body: t('rolesConflictBody') });
    else toast(t('roleFailed'), { intent: 'error', body: outcome.message ?? t('roleFailedBody') });
  };

  return (
    <section className={styles.section} aria-labelledby="people-roles-heading">
      <Subtitle1 as="h2" id="people-roles-heading" className={styles.heading}>
        {t('peopleRoles')}
      </Subtitle1>
      <SearchablePagedList
        search={people}
        label={t('searchPeople')}
        noun={{ one: t('noun.person.one'), many: t('noun.person.many') }}
        emptyText={t('nobodyInDirectory')}
      >
        {(shown) => (
          <ul className={styles.list} aria-label={t('peopleList')}>
            {shown.map((person) => {
              const fromToken = person.roles.includes('Leader') && !person.grantedRoles.includes('Leader');
              const isMe = person.id === myId;
              return (
                <li key={person.id} className={styles.item}>
                  <div className={styles.who}>
                    <Body1 dir="auto">{person.displayName}</Body1>
                    <Caption1 className={styles.muted}>
                      {[person.teamName, formatList(person.roles.map((role) => t('role', { role })), 'unit')].filter(Boolean).join(' · ')}
                      {fromToken && ` ${t('leaderFromToken')}`}
                      {isMe && ` ${t('itsYou')}`}
                    </Caption1>
                  </div>
                  <Switch
                    label={t('leaderSwitch', { name: person.displayName })}
                    checked={person.roles.includes('Leader')}
                    disabled={fromToken || isMe || busy !== null}
                    onChange={(_, data) => void toggle(person, data.checked)}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </SearchablePagedList>
    </section>
  );
}
