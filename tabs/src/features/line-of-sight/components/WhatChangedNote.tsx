import type { ChangeSinceLastVisit } from '@contracts';
import { makeStyles, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { DismissRegular } from '@fluentui/react-icons';
import { MessageBar, MessageBarActions, MessageBarBody } from '../../../components/message-bar';
import { useState } from 'react';
import { formatDate } from '../../../i18n';
import { homeText } from '../messages';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS },
  when: { color: tokens.colorNeutralForeground3 },
});

/** Lines shown before "Show n more": the note stays a few lines tall (one on a phone), so my work stays on the first screen. */
const firstLines = () => (window.matchMedia('(max-width: 480px)').matches ? 1 : 3);

interface Props {
  changes: readonly ChangeSinceLastVisit[];
  /** The person has read them: hide the note and record the visit (the page does both). */
  onDismiss(): void;
}

/**
 * "What changed since your last visit": the organisation's statement, strategies added, archived or
 * restored, and changes to the strategies the person's work serves. It stays, across reloads and
 * other tabs, until the person dismisses it.
 */
export function WhatChangedNote({ changes, onDismiss }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const [first] = useState(firstLines);
  if (changes.length === 0) return null;
  const shown = all ? changes : changes.slice(0, first);
  return (
    <section aria-label={t('changes.heading')}>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <strong>{t('changes.heading')}</strong>
          <ul className={styles.list}>
            {shown.map((change) => (
              <li key={`${change.entityId}-${change.at}`}>
                <span dir="auto">{change.summary}</span>{' '}
                <time className={styles.when} dateTime={change.at}>
                  ({formatDate(change.at)})
                </time>
              </li>
            ))}
          </ul>
          {changes.length > first && (
            <Button appearance="transparent" size="small" aria-expanded={all} onClick={() => setAll((current) => !current)}>
              {all ? t('changes.showFewer') : t('changes.showMore', { count: changes.length - first })}
            </Button>
          )}
        </MessageBarBody>
        <MessageBarActions
          containerAction={<Button appearance="transparent" aria-label={t('changes.dismiss')} title={t('changes.dismissTitle')} icon={<DismissRegular />} onClick={onDismiss} />}
        />
      </MessageBar>
    </section>
  );
}
