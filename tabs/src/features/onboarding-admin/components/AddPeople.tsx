import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { PagedPicker, type PickedOption } from '../../../components/PagedPicker';
import { peoplePage } from '../../../components/people-page';
import type { Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi } from '../api/onboarding-admin-api';
import { adminText } from '../messages';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
});

/**
 * Adds one person from the organisation's directory, found by typing part of their name (searched and
 * paged on the server); they get the cohort's existing assignments too. Adding someone already in it changes nothing.
 */
export function AddPeople({ client, cohort, onChanged }: { client: ApiClient; cohort: Cohort; onChanged: (cohort: Cohort) => void }) {
  const t = adminText.useText();
  const styles = useStyles();
  const findPeople = useMemo(() => peoplePage(client), [client]);
  const [picked, setPicked] = useState<PickedOption | null>(null);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState('');

  const add = async () => {
    if (!picked) return;
    setBusy(true);
    try {
      const changed = await cohortsApi.addMembers(client, cohort.id, [picked.id]);
      setStatus(t(changed.memberCount > cohort.memberCount ? 'add.added' : 'add.already', { name: picked.label }));
      onChanged(changed);
      setPicked(null);
      setError(undefined);
    } catch (failure) {
      setError(whatWentWrong(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className={styles.row}>
      <Field className={styles.grow} label={t('add.label')} validationMessage={error} validationState={error ? 'error' : 'none'}>
        <PagedPicker
          fetchPage={findPeople}
          toOption={(person) => ({ id: person.id, label: person.displayName, detail: person.teamName ?? undefined })}
          selected={picked}
          onSelect={setPicked}
          noun={{ one: t('noun.person'), many: t('noun.people') }}
          placeholder={t('add.placeholder')}
        />
      </Field>
      <Button disabled={busy || !picked} onClick={() => void add()}>
        {t('add.button')}
      </Button>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
