import { groupSearchSchema, type GroupOption } from '@contracts';
import { useMemo } from 'react';
import type { ApiClient } from '../app/api-client';
import { componentsText } from './messages';
import { PagedPicker, type FieldControlProps, type PickedOption } from './PagedPicker';
import type { FetchPage } from './use-paged-search';

/** GET /api/groups?q=&limit= — Microsoft 365 groups by name; Graph's own paging is not resumable here, so one page. */
const groupsPage =
  (client: ApiClient): FetchPage<GroupOption> =>
  async ({ q, limit }, signal) => {
    const params = new URLSearchParams({ q, limit: String(limit) });
    const found = await client.request(`/api/groups?${params.toString()}`, groupSearchSchema, { signal });
    return { items: found.groups, nextCursor: null };
  };

interface Props extends FieldControlProps {
  client: ApiClient;
  selected: PickedOption | null;
  onSelect(group: PickedOption | null): void;
}

/** Pick a Microsoft 365 group or team by typing part of its name (no Object ID to paste). */
export function GroupPicker({ client, selected, onSelect, ...fieldProps }: Props) {
  const t = componentsText.useText();
  const fetchPage = useMemo(() => groupsPage(client), [client]);
  return (
    <PagedPicker
      fetchPage={fetchPage}
      toOption={(group) => ({ id: group.id, label: group.displayName, detail: group.isTeam ? t('group.team') : t('group.group') })}
      selected={selected}
      onSelect={onSelect}
      noun={{ one: t('group.one'), many: t('group.many') }}
      placeholder={t('group.placeholder')}
      {...fieldProps}
    />
  );
}
