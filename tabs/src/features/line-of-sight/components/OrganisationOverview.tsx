import type { LineOfSight } from '@contracts';
import { Body1, Caption1, Subtitle2, Title2, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  vision: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  eyebrow: { display: 'block', color: tokens.colorBrandForeground2, textTransform: 'uppercase', letterSpacing: '0.06em' },
  heading: {
    margin: 0,
    overflowWrap: 'anywhere',
    // Phones: a long vision shouldn't fill the whole first screen.
    '@media (max-width: 480px)': { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500 },
  },
  greeting: { margin: 0, color: tokens.colorNeutralForeground2 },
  grid: {
    display: 'grid',
    gap: tokens.spacingHorizontalM,
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 16rem), 1fr))',
  },
  panel: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
    boxShadow: tokens.shadow4,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  panelHeading: { margin: 0 },
  text: { margin: 0, overflowWrap: 'anywhere' },
  values: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXS },
});

type Props = Pick<LineOfSight, 'organisation' | 'me' | 'tenant'>;

/** The top of the chain: why the company exists and what it stands for. */
export function OrganisationOverview({ organisation, me, tenant }: Props) {
  const styles = useStyles();
  return (
    <>
      <header className={styles.vision}>
        <Caption1 as="p" className={styles.greeting}>
          {tenant.name} · signed in as {me.displayName}
          {me.teamName ? `, ${me.teamName}` : ''}
        </Caption1>
        <Title2 as="h1" className={styles.heading}>
          <Caption1 as="span" className={styles.eyebrow}>
            Our vision
          </Caption1>{' '}
          {organisation.vision}
        </Title2>
      </header>
      <div className={styles.grid}>
        <section className={styles.panel} aria-labelledby="mission-heading">
          <Subtitle2 as="h2" id="mission-heading" className={styles.panelHeading}>
            Our mission
          </Subtitle2>
          <Body1 as="p" className={styles.text}>
            {organisation.mission}
          </Body1>
        </section>
        <section className={styles.panel} aria-labelledby="values-heading">
          <Subtitle2 as="h2" id="values-heading" className={styles.panelHeading}>
            Our values
          </Subtitle2>
          <ul className={styles.values}>
            {organisation.values.map((value) => (
              <li key={value.name}>
                <Body1 className={styles.text}>
                  <strong>{value.name}</strong>
                  {value.description ? ` — ${value.description}` : ''}
                </Body1>
              </li>
            ))}
          </ul>
        </section>
        <section className={styles.panel} aria-labelledby="different-heading">
          <Subtitle2 as="h2" id="different-heading" className={styles.panelHeading}>
            What makes us different
          </Subtitle2>
          <Body1 as="p" className={styles.text}>
            {organisation.differentiator}
          </Body1>
        </section>
      </div>
    </>
  );
}
