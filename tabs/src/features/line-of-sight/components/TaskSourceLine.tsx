import type { Task } from '@contracts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { Caption1 } from '../../../components/light-text';
import { LinkDismissRegular, OpenRegular } from '@fluentui/react-icons';
import { homeText } from '../messages';

const useStyles = makeStyles({
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  removed: { margin: 0, fontWeight: tokens.fontWeightSemibold, color: tokens.colorStatusWarningForeground3 },
  // A plain link styled with Fluent tokens: Link would add kilobytes to the home view's download.
  link: { color: tokens.colorBrandForegroundLink, ':hover': { color: tokens.colorBrandForegroundLinkHover } },
});

interface Props {
  task: Task;
  onUnlinkSource?(task: Task): void;
}

/** Where an imported task came from (with a link back), and whether it was removed there. Done and due are the task's status line. */
export function TaskSourceLine({ task, onUnlinkSource }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  const { source } = task;
  if (!source) return null;
  return (
    <>
      <div className={styles.line}>
        {source && (
          <Caption1>
            {source.containerName ? t('source.fromIn', { source: source.kind, container: source.containerName }) : t('source.from', { source: source.kind })} ·{' '}
            <a className={styles.link} href={source.webUrl} target="_blank" rel="noreferrer" aria-label={t('source.openLabel', { title: task.title, source: source.kind })}>
              {t('source.open', { source: source.kind })} <OpenRegular aria-hidden="true" />
            </a>
          </Caption1>
        )}
      </div>
      {source?.removedAt && (
        <div className={styles.line}>
          <Caption1 as="p" className={styles.removed}>
            {t('source.removed', { source: source.kind })}
          </Caption1>
          {onUnlinkSource && (
            <Button size="small" appearance="secondary" icon={<LinkDismissRegular />} onClick={() => onUnlinkSource(task)}>
              {t('source.unlink', { source: source.kind })}
            </Button>
          )}
        </div>
      )}
    </>
  );
}
