import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { pageText } from '../format';
import { adminText } from '../messages';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  member: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
});

export interface CohortMembersProps {
  cohort: Cohort;
  busy: boolean;
  /** Shows another page of the people, or the matches of a search (from the first match). */
  onPage: (offset: number, search: string) => void;
  onRemove: (userId: string) => void;
}

/** One page of a cohort's people (the API answers them a page at a time), with a search and a pager. */
export function CohortMembers({ cohort, busy, onPage, onRemove }: CohortMembersProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const page = cohort.memberPage;
  const [search, setSearch] = useState(page.search);
  const hasPrevious = page.offset > 0;
  const hasNext = page.offset + cohort.members.length < page.total;

  return (
    <>
      {cohort.memberCount > page.limit && (
        <form
          className={styles.row}
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            onPage(0, search);
          }}
        >
          <Field className={styles.grow} label={t('members.find')}>
            <Input value={search} placeholder={t('members.findPlaceholder')} onChange={(_, data) => setSearch(data.value)} />
          </Field>
          <Button type="submit" disabled={busy}>
            {t('members.search')}
          </Button>
        </form>
      )}
      {cohort.memberCount === 0 && <Body1 as="p">{t('members.none')}</Body1>}
      {cohort.memberCount > 0 && (
        <Caption1 role="status" aria-live="polite">
          {pageText(page, cohort.members.length, page.search)}
        </Caption1>
      )}
      <ul className={styles.list} aria-label={t('members.list', { name: cohort.name })}>
        {cohort.members.map((member) => (
          <li key={member.userId} className={styles.member}>
            <Body1 dir="auto">
              {member.displayName} {member.upn && <Caption1>{t('members.upn', { upn: member.upn })}</Caption1>}
            </Body1>
            <Button size="small" icon={<Delete16Regular />} aria-label={t('members.remove', { name: member.displayName })} disabled={busy} onClick={() => onRemove(member.userId)} />
          </li>
        ))}
      </ul>
      {(hasPrevious || hasNext) && (
        <div className={styles.row}>
          <Button disabled={busy || !hasPrevious} onClick={() => onPage(Math.max(0, page.offset - page.limit), page.search)}>
            {t('members.previous')}
          </Button>
          <Button disabled={busy || !hasNext} onClick={() => onPage(page.offset + page.limit, page.search)}>
            {t('members.next')}
          </Button>
        </div>
      )}
    </>
  );
}
