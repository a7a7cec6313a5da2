import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { MemberImportPreview } from '../../../../../api/src/shared/onboarding-cohort-contracts';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const STATUS_TEXT = { add: 'Will be added', already_member: 'Already a member', duplicate: 'Repeated in the file', error: 'Error' } as const;

/** Row by row: who will be added, who is already in, and what is wrong with the rest. */
export function ImportPreviewTable({ preview, caption }: { preview: MemberImportPreview; caption: string }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Row</TableHeaderCell>
            <TableHeaderCell>Value</TableHeaderCell>
            <TableHeaderCell>Result</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <TableRow key={`${row.row}-${row.value}`}>
              <TableCell>{row.row}</TableCell>
              <TableCell>{row.value}</TableCell>
              <TableCell>
                {row.status === 'error' ? (
                  <span className={styles.error}>Error: {row.error ?? 'not recognised'}</span>
                ) : (
                  <Caption1>
                    {STATUS_TEXT[row.status]}
                    {row.displayName ? ` — ${row.displayName}` : ''}
                  </Caption1>
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
