import { Caption1, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles, tokens } from '@fluentui/react-components';
import type { MemberImportPreview } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { adminText } from '../messages';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  error: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

/** Row by row: who will be added, who is already in, and what is wrong with the rest. */
export function ImportPreviewTable({ preview, caption }: { preview: MemberImportPreview; caption: string }) {
  const t = adminText.useText();
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('import.row')}</TableHeaderCell>
            <TableHeaderCell>{t('import.value')}</TableHeaderCell>
            <TableHeaderCell>{t('import.result')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {preview.rows.map((row) => (
            <TableRow key={`${row.row}-${row.value}`}>
              <TableCell>{row.row}</TableCell>
              <TableCell dir="auto">{row.value}</TableCell>
              <TableCell>
                {row.status === 'error' ? (
                  <span className={styles.error}>{row.error ? t('import.error', { error: row.error }) : t('import.errorUnknown')}</span>
                ) : (
                  <Caption1>
                    {row.displayName ? t('import.statusNamed', { status: row.status, name: row.displayName }) : t('import.status', { status: row.status })}
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
