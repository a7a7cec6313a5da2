import type { ChangeSinceLastVisit } from '@contracts';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, makeStyles, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useState } from 'react';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS },
  when: { color: tokens.colorNeutralForeground3 },
});

/** "What changed since your last visit": the vision, or a strategy the person's work serves. */
export function WhatChangedNote({ changes }: { changes: readonly ChangeSinceLastVisit[] }) {
  const styles = useStyles();
  const [dismissed, setDismissed] = useState(false);
  if (changes.length === 0 || dismissed) return null;
  return (
    <section aria-label="What changed since your last visit">
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>What changed since your last visit</MessageBarTitle>
          <ul className={styles.list}>
            {changes.map((change) => (
              <li key={`${change.entityId}-${change.at}`}>
                {change.summary}{' '}
                <time className={styles.when} dateTime={change.at}>
                  ({new Date(change.at).toLocaleDateString()})
                </time>
              </li>
            ))}
          </ul>
        </MessageBarBody>
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label="Dismiss what changed" icon={<DismissRegular />} onClick={() => setDismissed(true)} />
          }
        />
      </MessageBar>
    </section>
  );
}
