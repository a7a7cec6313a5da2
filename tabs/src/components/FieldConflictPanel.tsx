import { Button, Caption1, Field, Radio, RadioGroup, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { ConflictHeadline } from './ConflictPanel';
import { componentsText } from './messages';
import { newestTime, relevantChanges, whoChanged, whoChangedAny, type RecentChange } from './conflict-text';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalM },
  field: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    minWidth: 0,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, paddingInline: tokens.spacingHorizontalXS },
  versions: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 14rem), 1fr))' },
  version: { margin: 0, minWidth: 0 },
  value: { margin: 0, whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  // Three choices side by side wrap on a phone rather than widen the dialog.
  choices: { flexWrap: 'wrap' },
});

/** One field where my unsaved version and their saved one differ. Values are the form's text. */
export interface FieldConflict {
  field: string;
  label: string;
  base: string;
  mine: string;
  theirs: string;
  /** The values in words (owner names, "On track"). */
  mineShown: string;
  theirsShown: string;
  /** Free text can be merged by hand; a pick (owner, progress) can't. */
  mergeable: boolean;
}

type Choice = 'mine' | 'theirs' | 'merge';

export interface FieldConflictPanelProps {
  fields: FieldConflict[];
  /** From the 412: who changed the document lately, newest first. */
  recentChanges: readonly RecentChange[];
  busy?: boolean;
  /** Keep their version as it is (nothing is sent). */
  onTakeAllTheirs(): void;
  /** The chosen value of every conflicting field, to save on top of their version. */
  onSave(values: Record<string, string>): void;
}

/**
 * A save met a newer version (412): for each field both versions touch, say who changed it and when,
 * and let the person keep theirs, take their colleague's, or merge the two by hand.
 */
export function FieldConflictPanel({ fields, recentChanges, busy = false, onTakeAllTheirs, onSave }: FieldConflictPanelProps) {
  const styles = useStyles();
  const t = componentsText.useText();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(fields.map((f) => [f.field, f.mine !== f.base ? 'mine' : 'theirs'])),
  );
  const [merged, setMerged] = useState<Record<string, string>>(() =>
    Object.fromEntries(fields.map((f) => [f.field, [f.theirs, f.mine].filter(Boolean).join('\n')])),
  );
  const theirFields = fields.filter((f) => f.theirs !== f.base).map((f) => f.field);
  const newest = newestTime(relevantChanges(recentChanges, theirFields));

  const save = () =>
    onSave(
      Object.fromEntries(
        fields.map((f) => {
          const choice = choices[f.field];
          return [f.field, choice === 'merge' ? (merged[f.field] ?? '') : choice === 'theirs' ? f.theirs : f.mine];
        }),
      ),
    );

  return (
    <section className={styles.panel} aria-label={t('conflict.title')}>
      <ConflictHeadline
        changedBy={whoChangedAny(recentChanges, theirFields)}
        changedAt={newest?.at}
        changedWhen={newest?.when}
        advice={fields.length > 0 ? t('conflict.fieldAdvice') : t('conflict.alreadyYours')}
      />
      {fields.length > 0 && (
      <ul className={styles.list} aria-label={t('conflict.fieldsThatDiffer')}>
        {fields.map((f) => {
          const who = whoChanged(f.field, recentChanges);
          const theyChanged = f.theirs !== f.base;
          const iChanged = f.mine !== f.base;
          return (
            <li key={f.field}>
              <fieldset className={styles.field}>
                <legend className={styles.legend}>{f.label}</legend>
                <div className={styles.versions}>
                  <div className={styles.version}>
                    <Caption1>
                      {theyChanged ? (who ? t('conflict.theirsBy', { name: who.by, when: who.when }) : t('conflict.theirsChanged')) : t('conflict.theirsUnchanged')}
                    </Caption1>
                    <p className={styles.value} dir="auto">{f.theirsShown}</p>
                  </div>
                  <div className={styles.version}>
                    <Caption1>{iChanged ? t('conflict.yoursChanged') : t('conflict.yoursUnchanged')}</Caption1>
                    <p className={styles.value} dir="auto">{f.mineShown}</p>
                  </div>
                </div>
                <RadioGroup
                  className={styles.choices}
                  layout="horizontal"
                  aria-label={t('conflict.whichToKeep', { field: f.label })}
                  value={choices[f.field]}
                  onChange={(_, data) => setChoices((current) => ({ ...current, [f.field]: data.value as Choice }))}
                >
                  <Radio value="mine" label={t('conflict.keepMine')} />
                  <Radio value="theirs" label={t('conflict.takeTheirs')} />
                  {f.mergeable && <Radio value="merge" label={t('conflict.merge')} />}
                </RadioGroup>
                {choices[f.field] === 'merge' && (
                  <Field label={t('conflict.merged', { field: f.label })} hint={t('conflict.mergeHint')}>
                    <Textarea dir="auto" resize="vertical" rows={4} value={merged[f.field]} onChange={(_, data) => setMerged((current) => ({ ...current, [f.field]: data.value }))} />
                  </Field>
                )}
              </fieldset>
            </li>
          );
        })}
      </ul>
      )}
      <div className={styles.actions}>
        <Button onClick={onTakeAllTheirs} disabled={busy}>
          {t('conflict.takeAllTheirs')}
        </Button>
        <Button appearance="primary" onClick={save} disabledFocusable={busy}>
          {t('conflict.saveChoices')}
        </Button>
      </div>
    </section>
  );
}
