import { Skeleton, SkeletonItem, Spinner, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  page: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  block: { display: 'grid', gap: tokens.spacingVerticalS },
});

/** The home view's shape while it loads, with a spoken status for screen readers. */
export function HomeSkeleton() {
  const styles = useStyles();
  return (
    <div className={styles.page} aria-busy="true">
      <div role="status">
        <Spinner size="small" label="Loading your line of sight…" labelPosition="after" />
      </div>
      <Skeleton aria-hidden="true" className={styles.page}>
        <div className={styles.block}>
          <SkeletonItem size={16} style={{ width: '30%' }} />
          <SkeletonItem size={32} />
          <SkeletonItem size={32} style={{ width: '70%' }} />
        </div>
        {[0, 1, 2].map((row) => (
          <div key={row} className={styles.block}>
            <SkeletonItem size={24} style={{ width: '50%' }} />
            <SkeletonItem size={16} />
            <SkeletonItem size={48} />
          </div>
        ))}
      </Skeleton>
    </div>
  );
}
