import { Button, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import { PagedPicker, type PickedOption } from '../../../components/PagedPicker';
import { peoplePage } from '../../../components/people-page';
import type { Cohort } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { cohortsApi } from '../api/onboarding-admin-api';

const useStyles = makeStyles({
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  grow: { flex: '1 1 14rem', minWidth: 0 },
});

/**
 * Adds one person from the organisation's directory, found by typing part of their name (searched and
 * paged on the server); they get the cohort's existing assignments too. Adding someone already in it changes nothing.
 */
export function AddPeople({ client, cohort, onChanged }: { client: ApiClient; cohort: Cohort; onChanged: (cohort: Cohort) => void }) {
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
      setStatus(changed.memberCount > cohort.memberCount ? `Added ${picked.label}.` : `${picked.label} is already in this cohort.`);
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
      <Field className={styles.grow} label="Add a person" validationMessage={error} validationState={error ? 'error' : 'none'}>
        <PagedPicker
          fetchPage={findPeople}
          toOption={(person) => ({ id: person.id, label: person.displayName, detail: person.teamName ?? undefined })}
          selected={picked}
          onSelect={setPicked}
          noun={{ one: 'person', many: 'people' }}
          placeholder="Type part of a name"
        />
      </Field>
      <Button disabled={busy || !picked} onClick={() => void add()}>
        Add person
      </Button>
      <div role="status" aria-live="polite">
        {status}
      </div>
    </div>
  );
}
