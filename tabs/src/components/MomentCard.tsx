import type { Moment } from '@contracts';
import { Badge, Card, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatDay, formatList } from '../i18n';
import { componentsText } from './messages';

// Shared by the moments area and the team's channel tab; lazily loaded areas only import it.

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  text: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', margin: 0 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

const when = (iso: string) => formatDay(iso, { day: 'numeric', month: 'short' });

/** Who recognised whom, for what, in the author's words (shown as text, never as markup). */
export function MomentCard({ moment, actions }: { moment: Moment; actions?: ReactNode }) {
  const styles = useStyles();
  const t = componentsText.useText();
  const recognised = formatList([...moment.recognised.map((person) => person.displayName), ...(moment.team ? [t('moment.team', { team: moment.team.name })] : [])]);
  const headline = t('moment.recognised', { author: moment.author.displayName, recognised });
  return (
    <Card className={styles.card} aria-label={headline}>
      <Text weight="semibold">{headline}</Text>
      <p className={styles.text} dir="auto">
        {moment.text}
      </p>
      <div className={styles.meta}>
        <Badge dir="auto" appearance="tint" color={moment.tag.kind === 'value' ? 'success' : 'brand'}>
          {moment.tag.kind === 'value' ? moment.tag.value : moment.tag.title}
        </Badge>
        <Text size={200}>{when(moment.createdAt)}</Text>
        <Text size={200}>{t('moment.reactions', { count: moment.reactions })}</Text>
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </Card>
  );
}
