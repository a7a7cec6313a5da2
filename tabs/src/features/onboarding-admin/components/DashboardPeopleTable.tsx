import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, makeStyles } from '@fluentui/react-components';
import type { Dashboard } from '../../../../../api/src/shared/onboarding-cohort-contracts';
import { formatDay } from '../format';

const useStyles = makeStyles({ wrap: { overflowX: 'auto' } });

const STATUS = { not_started: 'Not started', in_progress: 'In progress', completed: 'Completed' } as const;
const NOTIFICATION = { queued: ', notification queued', sent: '', failed: ', notification failed' } as const;

/** The dashboard's people by name: status (and, where it matters, their notification), sections read, due date. */
export function DashboardPeopleTable({ people, label, showNotification = false }: { people: Dashboard['people']; label: string; showNotification?: boolean }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="small" aria-label={label}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Person</TableHeaderCell>
            <TableHeaderCell>Status</TableHeaderCell>
            <TableHeaderCell>Sections read</TableHeaderCell>
            <TableHeaderCell>Due</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {people.map((person) => (
            <TableRow key={person.userId}>
              <TableCell>{person.displayName}</TableCell>
              <TableCell>
                {STATUS[person.status]}
                {person.overdue ? ', overdue' : ''}
                {showNotification ? NOTIFICATION[person.notification] : ''}
              </TableCell>
              <TableCell>
                {person.sectionsDone} of {person.sectionCount}
              </TableCell>
              <TableCell>{formatDay(person.dueDate)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
