import { makeStyles, tokens } from '@fluentui/react-components';
import { Spinner } from '../../../components/light-spinner';
import { homeText } from '../messages';

// Stencil blocks from plain elements and Fluent's stencil tokens: Fluent's Skeleton would add its
// code to the home view's download for a shape shown a moment.
const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
  bar: {
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralStencil1,
    animationName: { from: { opacity: 1 }, '50%': { opacity: 0.55 }, to: { opacity: 1 } },
    animationDuration: '1.6s',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationName: 'none' },
  },
});

const SHAPE: readonly (readonly [height: number, width: string])[][] = [
  [[16, '30%'], [32, '100%']],
  [[24, '40%'], [16, '60%'], [48, '100%'], [48, '100%']],
  [[24, '50%'], [16, '60%'], [48, '100%']],
];

/** The home view's shape while it loads (my work first, as it will be), with a spoken status for screen readers. */
export function HomeSkeleton() {
  const t = homeText.useText();
  const styles = useStyles();
  return (
    <div className={styles.page} aria-busy="true">
      <div role="status">
        <Spinner size="small" label={t('loading')} labelPosition="after" />
      </div>
      <div aria-hidden="true" className={styles.page}>
        {SHAPE.map((block, index) => (
          <div key={index} className={styles.block}>
            {block.map(([height, width], line) => (
              <div key={line} className={styles.bar} style={{ height, width }} />
            ))}
          </div>
        ))}
      </div>
    </div>
  );
}
