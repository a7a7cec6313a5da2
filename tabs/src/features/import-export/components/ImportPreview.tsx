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
import { formatNumber } from '../../../i18n';
import { importExportText } from '../messages';

const useStyles = makeStyles({
  box: { display: 'grid', gap: tokens.spacingVerticalM, minWidth: 0 },
  scroll: { overflowX: 'auto' },
  heading: { margin: 0 },
  fields: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
});

const KIND_COLOURS = { create: 'success', update: 'brand', archive: 'warning', unchanged: 'informative' } as const;

// Columns only a file has (the form has no such field), in the same words.
const FILE_COLUMNS = new Set(['type', 'id', 'ownerName', 'description', 'strategyId', 'howItServes', 'file']);
const fileColumn = (field: string) => (FILE_COLUMNS.has(field) ? importExportText.text(`column.${field}` as 'column.file') : undefined);

/** "measures.2" → "Measures of success, item 3"; "organisation.values.0.name" → "Values, item 1". */
export function fieldLabel(path: string): string {
  if (!path) return importExportText.text('column.file');
  const parts = path.split('.').filter((part) => part !== 'organisation' && part !== 'strategies');
  const field = parts.find((part) => !/^\d+$/.test(part)) ?? path;
  const index = parts.find((part) => /^\d+$/.test(part));
  const label = fileColumn(field) ?? labelOf(field);
  return index !== undefined && parts.indexOf(index) > parts.indexOf(field) ? importExportText.text('fieldItem', { field: label, item: formatNumber(Number(index) + 1) }) : label;
}

/** The dry run, in full: every change and every error by row and field, before anything is written. */
export function ImportPreview({ result, nameOf }: { result: ImportResult; nameOf?: (id: string) => string | undefined }) {
  const styles = useStyles();
  const t = importExportText.useText();
  const cells = useTextCellStyles();
  const changes = result.changes.filter((change) => change.kind !== 'unchanged');
  const { summary } = result;
  return (
    <div className={styles.box}>
      <Body1 as="p" role="status">
        {result.errors.length > 0
          ? t('errorsToFix', { count: result.errors.length })
          : t('ready', { create: formatNumber(summary.create), update: formatNumber(summary.update), archive: formatNumber(summary.archive), unchanged: formatNumber(summary.unchanged) })}
      </Body1>
      {result.errors.length > 0 && (
        <section aria-labelledby="import-errors-heading" className={styles.scroll}>
          <Subtitle2 as="h3" id="import-errors-heading" className={styles.heading}>
            {t('errors')}
          </Subtitle2>
          <Table size="small" aria-labelledby="import-errors-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('row')}</TableHeaderCell>
                <TableHeaderCell>{t('field')}</TableHeaderCell>
                <TableHeaderCell>{t('problem')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {result.errors.map((error, index) => (
                <TableRow key={`${error.row}-${error.field}-${index}`}>
                  <TableCell className={cells.cell}>{error.row === null || error.row === undefined ? t('noRow') : formatNumber(error.row)}</TableCell>
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
          {t('changes')}
        </Subtitle2>
        {changes.length === 0 ? (
          <Body1 as="p">{t('nothingChanges')}</Body1>
        ) : (
          <Table size="small" aria-labelledby="import-changes-heading">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('change')}</TableHeaderCell>
                <TableHeaderCell>{t('item')}</TableHeaderCell>
                <TableHeaderCell>{t('whatChanges')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {changes.map((change, index) => (
                <TableRow key={`${change.id ?? 'new'}-${index}`}>
                  <TableCell className={cells.cell}>
                    <Badge appearance="tint" color={KIND_COLOURS[change.kind]}>
                      {t('kind', { kind: change.kind })}
                    </Badge>
                  </TableCell>
                  <TableCell className={cells.cell} dir="auto">
                    {change.row !== null
                      ? t(change.entityType === 'organisation' ? 'organisationItemRow' : 'strategyItemRow', { title: change.title, row: formatNumber(change.row) })
                      : t(change.entityType === 'organisation' ? 'organisationItem' : 'strategyItem', { title: change.title })}
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
