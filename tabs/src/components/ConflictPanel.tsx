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
import { useTextCellStyles } from './table-styles';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  table: { tableLayout: 'fixed', width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The warning at the top of every conflict: who saved a newer version, and when, if known. */
export function ConflictHeadline({ changedBy, changedWhen, changedAt, advice }: { changedBy?: string; changedWhen?: string; changedAt?: string; advice: string }) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Someone else changed this</MessageBarTitle>
        {changedBy ? `${changedBy} saved a newer version` : 'A newer version was saved'}
        {changedWhen && changedAt ? (
          <>
            {' '}
            on <time dateTime={changedAt}>{changedWhen}</time>
          </>
        ) : null}{' '}
        while you were editing. {advice}
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
  return (
    <section className={styles.panel} aria-label="Someone else changed this">
      <ConflictHeadline changedBy={changedBy} advice="Compare, then keep theirs or re-apply your change on top of it." />
      {rows.length > 0 ? (
        <Table size="small" className={styles.table} aria-label="Their version and yours">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Field</TableHeaderCell>
              <TableHeaderCell>Their version</TableHeaderCell>
              <TableHeaderCell>Yours</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((row) => (
              <TableRow key={row.label}>
                <TableCell className={cells.cell}>{row.label}</TableCell>
                <TableCell className={cells.cell}>{row.theirs}</TableCell>
                <TableCell className={cells.cell}>{row.yours}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      ) : (
        <p>Their version already has the same values as yours in the fields you changed.</p>
      )}
      <div className={styles.actions}>
        <Button onClick={onUseTheirs} disabled={busy}>
          Use theirs
        </Button>
        <Button appearance="primary" onClick={onReapplyMine} disabledFocusable={busy}>
          Re-apply mine
        </Button>
      </div>
    </section>
  );
}
