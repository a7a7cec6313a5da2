import { Body1, Button, Field, MessageBar, MessageBarActions, MessageBarBody, SearchBox, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { whatWentWrong } from '../app/error-text';
import { componentsText } from './messages';
import type { PagedSearch } from './use-paged-search';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalS, minWidth: 0 },
  search: { maxWidth: '24rem', width: '100%' },
  more: { justifySelf: 'start' },
  status: { color: tokens.colorNeutralForeground2 },
});

export interface SearchablePagedListProps<T> {
  search: PagedSearch<T>;
  /** The search box's label, e.g. "Search people". */
  label: string;
  placeholder?: string;
  /** What the items are, for the announcements: e.g. { one: 'person', many: 'people' }. */
  noun: { one: string; many: string };
  /** Shown when nothing exists yet (no search typed). */
  emptyText: string;
  /** A kinder word for a known failure (e.g. a 403); absent or null: the generic error. */
  explainError?(error: unknown): ReactNode | null;
  /** The loaded items, rendered as the list wants (a list, a table, cards). */
  children(items: T[]): ReactNode;
}

/** How many are shown and whether more exist, said once for screen readers and shown under the list. */
export function pagedStatus(search: Pick<PagedSearch<unknown>, 'status' | 'items' | 'hasMore' | 'searched'>, noun: { one: string; many: string }): string {
  const t = componentsText.text;
  const { one, many } = noun;
  if (search.status === 'loading') return t('paged.loading', { many });
  if (search.status === 'error') return t('paged.failed', { many });
  const count = search.items.length;
  const searched = search.searched;
  if (count === 0) return searched ? t('paged.noMatch', { many, searched }) : t('paged.none', { many });
  // The nouns come from the caller's catalogue; the count's plural form from this one.
  if (search.hasMore) return searched ? t('paged.firstMatching', { count, one, many, searched }) : t('paged.first', { count, one, many });
  return searched ? t('paged.allMatching', { count, one, many, searched }) : t('paged.all', { count, one, many });
}

/**
 * A list searched and paged on the server (issue 13): a search box, the items, "Load more", and a
 * polite live region that says what the list now shows; loading, empty and error states included.
 */
export function SearchablePagedList<T>({ search, label, placeholder, noun, emptyText, explainError, children }: SearchablePagedListProps<T>) {
  const styles = useStyles();
  const t = componentsText.useText();
  const status = pagedStatus(search, noun);
  return (
    <div className={styles.box}>
      <Field label={label} className={styles.search}>
        <SearchBox value={search.query} placeholder={placeholder} onChange={(_, data) => search.setQuery(data.value)} dismiss={{ 'aria-label': t('clearSearch') }} />
      </Field>
      {search.status === 'loading' && <Spinner size="small" label={t('paged.loading', { many: noun.many })} />}
      {search.status === 'error' && explainError?.(search.error)}
      {search.status === 'error' && !explainError?.(search.error) && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {t('paged.failedWhy', { many: noun.many, why: whatWentWrong(search.error) })}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void search.reload()}>{t('paged.tryAgain')}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {search.status === 'ready' && search.items.length === 0 && <Body1 as="p">{search.searched ? t('paged.noMatch', { many: noun.many, searched: search.searched }) : emptyText}</Body1>}
      {search.status === 'ready' && search.items.length > 0 && children(search.items)}
      <Body1 as="p" role="status" aria-live="polite" className={styles.status}>
        {search.status === 'ready' && search.items.length > 0 ? status : ''}
      </Body1>
      {search.status === 'ready' && search.hasMore && (
        <Button className={styles.more} disabledFocusable={search.loadingMore} icon={search.loadingMore ? <Spinner size="tiny" /> : undefined} onClick={() => void search.loadMore()}>
          {search.loadingMore ? t('paged.loadingMore', { many: noun.many }) : t('paged.loadMore', { many: noun.many })}
        </Button>
      )}
    </div>
  );
}
