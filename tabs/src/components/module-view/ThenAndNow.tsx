import { Body1, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { RenderedBlock } from '../../../../api/src/shared/onboarding-learner-contracts';

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
        <li key={index}>
          <Body1>{item}</Body1>
        </li>
      ))}
    </ul>
  );
}

/** The former company's mission and values beside today's (read live), then what stays, what changes and why. */
export function ThenAndNow({ block, headingTag }: { block: ThenAndNowBlock; headingTag: 'h3' | 'h4' }) {
  const styles = useStyles();
  const smaller = headingTag === 'h3' ? 'h4' : 'h5';
  return (
    <div className={styles.section}>
      <div className={styles.columns}>
        <section className={styles.column} aria-label={`Then: ${block.formerCompany}`}>
          <Subtitle2 as={headingTag} className={styles.heading}>
            Then: {block.formerCompany}
          </Subtitle2>
          <Body1 as="p" className={styles.text}>
            {block.formerMission}
          </Body1>
          <Items items={block.formerValues} label={`${block.formerCompany} values`} />
        </section>
        <section className={styles.column} aria-label={`Now: ${block.currentCompany}`}>
          <Subtitle2 as={headingTag} className={styles.heading}>
            Now: {block.currentCompany}
          </Subtitle2>
          <Body1 as="p" className={styles.text}>
            {block.currentMission}
          </Body1>
          <Items items={block.currentValues} label={`${block.currentCompany} values`} />
        </section>
      </div>
      <div className={styles.columns}>
        <section className={styles.column} aria-label="What stays">
          <Subtitle2 as={smaller} className={styles.heading}>
            What stays
          </Subtitle2>
          <Items items={block.stays} label="What stays" />
        </section>
        <section className={styles.column} aria-label="What changes">
          <Subtitle2 as={smaller} className={styles.heading}>
            What changes
          </Subtitle2>
          <Items items={block.changes} label="What changes" />
        </section>
      </div>
      <Body1 as="p" className={styles.text}>
        <strong>Why: </strong>
        {block.why}
      </Body1>
    </div>
  );
}
