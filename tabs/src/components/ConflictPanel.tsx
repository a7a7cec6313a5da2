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

export interface ConflictPanelProps {
  rows: { label: string; theirs: string; yours: string }[];
  /** Who changed it, when known, e.g. "Daniel Okafor". */
  changedBy?: string;
  busy?: boolean;
  onUseTheirs(): void;
  onReapplyMine(): void;
}

/**
 * A save met a newer version (412): show theirs and mine side by side, and let the person choose.
 * Nothing is lost silently — "Re-apply mine" sends my change again on top of their version.
 */
export function ConflictPanel({ rows, changedBy, busy = false, onUseTheirs, onReapplyMine }: ConflictPanelProps) {
  const styles = useStyles();
  const cells = useTextCellStyles();
  return (
    <section className={styles.panel} aria-label="Someone else changed this">
      <MessageBar intent="warning" layout="multiline" role="alert">
        <MessageBarBody>
          <MessageBarTitle>Someone else changed this</MessageBarTitle>
          {changedBy ? `${changedBy} saved a newer version while you were editing.` : 'A newer version was saved while you were editing.'}{' '}
          Compare, then keep theirs or re-apply your change on top of it.
        </MessageBarBody>
      </MessageBar>
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
