import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { formatDay } from '../format';
import { adminText } from '../messages';

const useStyles = makeStyles({ wrap: { overflowX: 'auto' } });

/** The dashboard's people by name: status (and, where it matters, their notification), sections read, due date. */
export function DashboardPeopleTable({ people, label, showNotification = false }: { people: Dashboard['people']; label: string; showNotification?: boolean }) {
  const t = adminText.useText();
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('people.person')}</TableHeaderCell>
            <TableHeaderCell>{t('people.status')}</TableHeaderCell>
            <TableHeaderCell>{t('people.sectionsRead')}</TableHeaderCell>
            <TableHeaderCell>{t('people.due')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((person) => (
            <TableRow key={person.userId}>
              <TableCell dir="auto">{person.displayName}</TableCell>
              <TableCell>
                {t('people.statusText', { status: person.status, overdue: person.overdue ? 'yes' : 'no', notification: showNotification ? person.notification : 'none' })}
              </TableCell>
              <TableCell>{t('people.sectionsOf', { done: person.sectionsDone, count: person.sectionCount })}</TableCell>
              <TableCell>{formatDay(person.dueDate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
