import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { RenderedBlock } from '../../../../api/src/shared/onboarding-learner-contracts';
import { componentsText } from '../messages';

type ThenAndNowBlock = Extract<RenderedBlock, { type: 'thenAndNow' }>;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  columns: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(14rem, 1fr))', gap: tokens.spacingHorizontalL },
  column: {
    display: 'grid',
    alignContent: 'start',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  heading: { margin: 0 },
  text: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXL },
});

function Items({ items, label }: { items: readonly string[]; label: string }) {
  const styles = useStyles();
  if (items.length === 0) return null;
  return (
    <ul className={styles.list} aria-label={label}>
      {items.map((item, index) => (
        <li key={index} dir="auto">
          <Body1>{item}</Body1>
        </li>
      ))}
    </ul>
  );
}

/** The former company's mission and values beside today's (read live), then what stays, what changes and why. */
export function ThenAndNow({ block, headingTag }: { block: ThenAndNowBlock; headingTag: 'h3' | 'h4' }) {
  const styles = useStyles();
  const t = componentsText.useText();
  const smaller = headingTag === 'h3' ? 'h4' : 'h5';
  return (
    <div className={styles.section}>
      <div className={styles.columns}>
        <section className={styles.column} aria-label={t('module.then', { company: block.formerCompany })}>
          <Subtitle2 as={headingTag} className={styles.heading}>
            {t('module.then', { company: block.formerCompany })}
          </Subtitle2>
          <Body1 as="p" className={styles.text} dir="auto">
            {block.formerMission}
          </Body1>
          <Items items={block.formerValues} label={t('module.valuesOf', { company: block.formerCompany })} />
        </section>
        <section className={styles.column} aria-label={t('module.now', { company: block.currentCompany })}>
          <Subtitle2 as={headingTag} className={styles.heading}>
            {t('module.now', { company: block.currentCompany })}
          </Subtitle2>
          <Body1 as="p" className={styles.text} dir="auto">
            {block.currentMission}
          </Body1>
          <Items items={block.currentValues} label={t('module.valuesOf', { company: block.currentCompany })} />
        </section>
      </div>
      <div className={styles.columns}>
        <section className={styles.column} aria-label={t('module.stays')}>
          <Subtitle2 as={smaller} className={styles.heading}>
            {t('module.stays')}
          </Subtitle2>
          <Items items={block.stays} label={t('module.stays')} />
        </section>
        <section className={styles.column} aria-label={t('module.changes')}>
          <Subtitle2 as={smaller} className={styles.heading}>
            {t('module.changes')}
          </Subtitle2>
          <Items items={block.changes} label={t('module.changes')} />
        </section>
      </div>
      <Body1 as="p" className={styles.text}>
        <strong>{t('module.why')}</strong> <span dir="auto">{block.why}</span>
      </Body1>
    </div>
  );
}
