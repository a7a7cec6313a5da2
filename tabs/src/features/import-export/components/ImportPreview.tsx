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
import { FieldChangeView } from '../../../components/FieldChangeView';
import { fieldChange, isEmptyValue, labelOf } from '../../../components/strategy-map-labels';
import { useTextCellStyles } from '../../../components/table-styles';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  scroll: { overflowX: 'auto' },
  heading: { margin: 0 },
  fields: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
});

const KIND_COLOURS = { create: 'success', update: 'brand', archive: 'warning', unchanged: 'informative' } as const;
const KIND_LABELS = { create: 'Create', update: 'Update', archive: 'Archive', unchanged: 'Unchanged' } as const;

// Columns only a file has (the form has no such field), in the same words.
const FILE_COLUMNS: Record<string, string> = {
  type: 'Row type',
  id: 'Id',
  ownerName: 'Owner name',
  description: 'Value description',
  strategyId: 'Strategy id',
  howItServes: 'How it serves',
  file: 'The file',
};

/** "measures.2" → "Measures of success, item 3"; "organisation.values.0.name" → "Values, item 1". */
export function fieldLabel(path: string): string {
  if (!path) return 'The file';
  const parts = path.split('.').filter((part) => part !== 'organisation' && part !== 'strategies');
  const field = parts.find((part) => !/^\d+$/.test(part)) ?? path;
  const index = parts.find((part) => /^\d+$/.test(part));
  const label = FILE_COLUMNS[field] ?? labelOf(field);
  return index !== undefined && parts.indexOf(index) > parts.indexOf(field) ? `${label}, item ${Number(index) + 1}` : label;
}

/** The dry run, in full: every change and every error by row and field, before anything is written. */
export function ImportPreview({ result, nameOf }: { result: ImportResult; nameOf?: (id: string) => string | undefined }) {
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
                  <TableCell className={cells.cell}>{fieldLabel(error.field)}</TableCell>
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
                <TableHeaderCell>What changes</TableHeaderCell>
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
                    <ul className={styles.fields}>
                      {change.fields
                        .filter((field) => !(change.kind === 'create' && isEmptyValue(field.after)))
                        .map((field) => (
                          <li key={field.field}>
                            <FieldChangeView change={fieldChange(field.field, field.before, field.after, nameOf)} created={change.kind === 'create'} />
                          </li>
                        ))}
                    </ul>
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
