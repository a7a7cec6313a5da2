import type { Moment } from '@contracts';
import { Badge, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

// Shared by the moments area and the team's channel tab; lazily loaded areas only import it.

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const when = (iso: string) => new Date(iso).toLocaleDateString(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** Who recognised whom, for what, in the author's words (shown as text, never as markup). */
export function MomentCard({ moment, actions }: { moment: Moment; actions?: ReactNode }) {
  const styles = useStyles();
  const recognised = [...moment.recognised.map((person) => person.displayName), ...(moment.team ? [`the ${moment.team.name} team`] : [])].join(', ');
  return (
    <Card className={styles.card} aria-label={`${moment.author.displayName} recognised ${recognised}`}>
      <Text weight="semibold">
        {moment.author.displayName} recognised {recognised}
      </Text>
      <p className={styles.text}>{moment.text}</p>
      <div className={styles.meta}>
        <Badge appearance="tint" color={moment.tag.kind === 'value' ? 'success' : 'brand'}>
          {moment.tag.kind === 'value' ? moment.tag.value : moment.tag.title}
        </Badge>
        <Text size={200}>{when(moment.createdAt)}</Text>
        <Text size={200}>{moment.reactions === 1 ? '1 colleague saw it too' : `${moment.reactions} colleagues saw it too`}</Text>
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </Card>
  );
}
