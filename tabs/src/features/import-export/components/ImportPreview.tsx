import type { ImportResult } from '@contracts';
import {
  Badge,
  Body1,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useTextCellStyles } from '../../../components/table-styles';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  scroll: { overflowX: 'auto' },
  heading: { margin: 0 },
});

const KIND_COLOURS = { create: 'success', update: 'brand', archive: 'warning', unchanged: 'informative' } as const;
const KIND_LABELS = { create: 'Create', update: 'Update', archive: 'Archive', unchanged: 'Unchanged' } as const;

const shown = (value: unknown) => (typeof value === 'string' ? value : value === undefined || value === null ? '—' : JSON.stringify(value));

/** The dry run, in full: every change and every error by row and field, before anything is written. */
export function ImportPreview({ result }: { result: ImportResult }) {
  const styles = useStyles();
  const cells = useTextCellStyles();
  const changes = result.changes.filter((change) => change.kind !== 'unchanged');
  const { summary } = result;
  return (
    <div className={styles.box}>
      <Body1 as="p" role="status">
        {result.errors.length > 0
          ? `${result.errors.length} ${result.errors.length === 1 ? 'error' : 'errors'} to fix before importing.`
          : `Ready to import: ${summary.create} to create, ${summary.update} to update, ${summary.archive} to archive, ${summary.unchanged} unchanged.`}
      </Body1>
      {result.errors.length > 0 && (
        <section aria-labelledby="import-errors-heading" className={styles.scroll}>
          <Subtitle2 as="h3" id="import-errors-heading" className={styles.heading}>
            Errors
          </Subtitle2>
          <Table size="small" aria-labelledby="import-errors-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Row</TableHeaderCell>
                <TableHeaderCell>Field</TableHeaderCell>
                <TableHeaderCell>Problem</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.errors.map((error, index) => (
                <TableRow key={`${error.row}-${error.field}-${index}`}>
                  <TableCell className={cells.cell}>{error.row ?? '—'}</TableCell>
                  <TableCell className={cells.cell}>{error.field || '—'}</TableCell>
                  <TableCell className={cells.cell}>{error.message}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
      <section aria-labelledby="import-changes-heading" className={styles.scroll}>
        <Subtitle2 as="h3" id="import-changes-heading" className={styles.heading}>
          Changes
        </Subtitle2>
        {changes.length === 0 ? (
          <Body1 as="p">Nothing would change.</Body1>
        ) : (
          <Table size="small" aria-labelledby="import-changes-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Change</TableHeaderCell>
                <TableHeaderCell>Item</TableHeaderCell>
                <TableHeaderCell>Fields</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {changes.map((change, index) => (
                <TableRow key={`${change.id ?? 'new'}-${index}`}>
                  <TableCell className={cells.cell}>
                    <Badge appearance="tint" color={KIND_COLOURS[change.kind]}>
                      {KIND_LABELS[change.kind]}
                    </Badge>
                  </TableCell>
                  <TableCell className={cells.cell}>
                    {change.entityType === 'organisation' ? 'Organisation' : 'Strategy'}: {change.title}
                    {change.row !== null ? ` (row ${change.row})` : ''}
                  </TableCell>
                  <TableCell className={cells.cell}>
                    {change.fields.map((field) => `${field.field}: ${shown(field.before)} → ${shown(field.after)}`).join('\n') || '—'}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>
    </div>
  );
}
