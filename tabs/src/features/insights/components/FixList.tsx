import { Body1, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { listFootnotes } from '../insight-links';
import { formatNumber } from '../../../i18n';
import { insightsText } from '../messages';

const useStyles = makeStyles({
  box: {
    display: 'grid',
    gap: tokens.spacingVerticalXS,
    alignContent: 'start',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS, overflowWrap: 'anywhere' },
  detail: { color: tokens.colorNeutralForeground2 },
  none: { margin: 0, color: tokens.colorNeutralForeground2 },
});

export interface FixItem {
  key: string;
  label: string;
  /** Where to fix it; plain text when the person can't fix it from here. */
  href?: string;
  detail?: string;
}

/**
 * A list of things out of line, each linking straight to where it is fixed. `hidden` items are
 * counted in `total` but not named: people and tasks the viewer may not see by name.
 */
export function FixList({ id, title, total, items, empty, hidden = 0 }: { id: string; title: string; total: number; items: FixItem[]; empty: string; hidden?: number }) {
  const styles = useStyles();
  const t = insightsText.useText();
  // From the list's kind, not its (translated) title: Arabic titles have no \w letters to make an id of.
  const headingId = `fix-${id}`;
  return (
    <section className={styles.box} aria-labelledby={headingId}>
      <Subtitle2 as="h3" id={headingId} className={styles.heading}>
        {t('listTitle', { title, total: formatNumber(total) })}
      </Subtitle2>
      {total === 0 && (
        <Body1 as="p" className={styles.none}>
          {empty}
        </Body1>
      )}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => (
            <li key={item.key}>
              <Body1>
                {item.href ? <Link href={item.href} dir="auto">{item.label}</Link> : <span dir="auto">{item.label}</span>}
                {item.detail && <span className={styles.detail}> — {item.detail}</span>}
              </Body1>
            </li>
          ))}
        </ul>
      )}
      {listFootnotes(total, items.length, hidden).map((note) => (
        <Body1 key={note} className={styles.detail}>
          {note}
        </Body1>
      ))}
    </section>
  );
}
