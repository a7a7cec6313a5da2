import {
  Button,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { componentsText } from './messages';
import { useTextCellStyles } from './table-styles';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { tableLayout: 'fixed', width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The warning at the top of every conflict: who saved a newer version, and when, if known. */
export function ConflictHeadline({ changedBy, changedWhen, changedAt, advice }: { changedBy?: string; changedWhen?: string; changedAt?: string; advice: string }) {
  const t = componentsText.useText();
  const when = changedWhen && changedAt ? changedWhen : undefined;
  const key = changedBy ? (when ? 'conflict.byWhen' : 'conflict.by') : when ? 'conflict.when' : 'conflict.someone';
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{t('conflict.title')}</MessageBarTitle>
        {t(key, { name: changedBy, when, advice })}
      </MessageBarBody>
    </MessageBar>
  );
}

export interface ConflictPanelProps {
  rows: { label: string; theirs: string; yours: string }[];
  /** Who changed it, when known, e.g. "Daniel Okafor". */
  changedBy?: string;
  busy?: boolean;
  onUseTheirs(): void;
  onReapplyMine(): void;
}

/**
 * A save met a newer version (412) of a one-field document (a team's name or strategies): show theirs
 * and mine side by side. "Re-apply mine" sends my change again on top of their version. The strategy
 * map's forms use FieldConflictPanel, which decides field by field.
 */
export function ConflictPanel({ rows, changedBy, busy = false, onUseTheirs, onReapplyMine }: ConflictPanelProps) {
  const styles = useStyles();
  const cells = useTextCellStyles();
  const t = componentsText.useText();
  return (
    <section className={styles.panel} aria-label={t('conflict.title')}>
      <ConflictHeadline changedBy={changedBy} advice={t('conflict.compareAdvice')} />
      {rows.length > 0 ? (
        <Table size="small" className={styles.table} aria-label={t('conflict.tableLabel')}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>{t('conflict.field')}</TableHeaderCell>
              <TableHeaderCell>{t('conflict.theirVersion')}</TableHeaderCell>
              <TableHeaderCell>{t('conflict.yours')}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell className={cells.cell}>{row.label}</TableCell>
                <TableCell className={cells.cell} dir="auto">{row.theirs}</TableCell>
                <TableCell className={cells.cell} dir="auto">{row.yours}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p>{t('conflict.sameValues')}</p>
      )}
      <div className={styles.actions}>
        <Button onClick={onUseTheirs} disabled={busy}>
          {t('conflict.useTheirs')}
        </Button>
        <Button appearance="primary" onClick={onReapplyMine} disabledFocusable={busy}>
          {t('conflict.reapplyMine')}
        </Button>
      </div>
    </section>
  );
}
