import type { LineOfSight } from '@contracts';
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { Button } from '../../../components/light-button';
import { Body1, Caption1, Subtitle1 } from '../../../components/light-text';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { homeText } from '../messages';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  // On a phone the button wraps under the vision instead of squeezing it.
  top: { display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  text: { display: 'flex', flexDirection: 'column', minWidth: 0, flex: '1 1 16rem' },
  greeting: { margin: 0, color: tokens.colorNeutralForeground2 },
  vision: { margin: 0, overflowWrap: 'anywhere' },
  // Closed, a long vision takes two lines at most: the person's work comes next.
  clamped: { display: '-webkit-box', WebkitLineClamp: '2', WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  eyebrow: { color: tokens.colorBrandForeground2, fontWeight: tokens.fontWeightRegular },
  toggle: { flexShrink: 0 },
  chevron: { transitionProperty: 'transform', transitionDuration: tokens.durationFast },
  chevronOpen: { transform: 'rotate(180deg)' },
  // `hidden` alone loses to the grid's display: closed is display none by class too.
  closed: { display: 'none' },
  grid: { display: 'grid', gap: tokens.spacingHorizontalM, gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))' },
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  // Plain headings in Subtitle2's type ramp: one Fluent text component fewer in the download.
  panelHeading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  plain: { margin: 0, overflowWrap: 'anywhere' },
  values: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXXS },
});

type Props = Pick<LineOfSight, 'organisation' | 'me' | 'tenant'>;

/** The top of the chain, one glance away: the vision in a line or two, the rest a click (or Enter) away. */
export function OrganisationOverview({ organisation, me, tenant }: Props) {
  const t = homeText.useText();
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  return (
    <header className={styles.header}>
      <div className={styles.top}>
        <div className={styles.text}>
          <Caption1 as="p" className={styles.greeting}>
            {me.teamName
              ? t('greetingWithTeam', { tenant: tenant.name, name: me.displayName, team: me.teamName })
              : t('greeting', { tenant: tenant.name, name: me.displayName })}
          </Caption1>
          <Subtitle1 as="h1" className={mergeClasses(styles.vision, !open && styles.clamped)}>
            <span className={styles.eyebrow}>{t('visionLabel')}</span>
            <span dir="auto">{organisation.vision}</span>
          </Subtitle1>
        </div>
        <Button
          className={styles.toggle}
          appearance="subtle"
          size="small"
          icon={<ChevronDownRegular className={mergeClasses(styles.chevron, open && styles.chevronOpen)} />}
          iconPosition="after"
          aria-expanded={open}
          aria-controls="organisation-details"
          onClick={() => setOpen((current) => !current)}
        >
          {t('missionAndValues')}
        </Button>
      </div>
      <div id="organisation-details" className={mergeClasses(styles.grid, !open && styles.closed)} hidden={!open}>
        <section className={styles.panel} aria-labelledby="mission-heading">
          <h2 id="mission-heading" className={styles.panelHeading}>
            {t('mission')}
          </h2>
          <Body1 as="p" dir="auto" className={styles.plain}>
            {organisation.mission}
          </Body1>
        </section>
        <section className={styles.panel} aria-labelledby="values-heading">
          <h2 id="values-heading" className={styles.panelHeading}>
            {t('values')}
          </h2>
          <ul className={styles.values}>
            {organisation.values.map((value) => (
              <li key={value.name} dir="auto">
                <Body1 className={styles.plain}>
                  <strong>{value.name}</strong>
                  {value.description ? ` — ${value.description}` : ''}
                </Body1>
              </li>
            ))}
          </ul>
        </section>
        <section className={styles.panel} aria-labelledby="different-heading">
          <h2 id="different-heading" className={styles.panelHeading}>
            {t('differentiator')}
          </h2>
          <Body1 as="p" dir="auto" className={styles.plain}>
            {organisation.differentiator}
          </Body1>
        </section>
      </div>
    </header>
  );
}
