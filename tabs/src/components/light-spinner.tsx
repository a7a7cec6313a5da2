import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useId } from 'react';

/**
 * Fluent's Spinner as the shell and the home view use it (tiny, small, medium; label after): a
 * turning ring in Fluent's brand colour, role "progressbar" named by its label. Fluent's own (its
 * two-arc animation for every size and appearance, and Label) took ~2.5 KB gzipped of the home view's
 * download. It keeps the class name fui-Spinner, which browser tests wait on. Same props as Fluent's
 * for what these use, so swapping back is an import. The other areas use Fluent's.
 */

const useStyles = makeStyles({
  root: { display: 'flex', alignItems: 'center', justifyContent: 'center', gap: tokens.spacingHorizontalS },
  ring: {
    flexShrink: 0,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    // The ring (its width by size, below) with one brand-coloured quarter.
    borderTopColor: tokens.colorBrandStroke1,
    animationName: { from: { transform: 'rotate(0deg)' }, to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationIterationCount: 'infinite',
    animationTimingFunction: 'linear',
    '@media screen and (prefers-reduced-motion: reduce)': { animationDuration: '2s' },
    '@media (forced-colors: active)': { borderTopColor: 'Highlight', borderRightColor: 'CanvasText', borderBottomColor: 'CanvasText', borderLeftColor: 'CanvasText' },
  },
  tiny: { width: '20px', height: '20px', border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}` },
  small: { width: '28px', height: '28px', border: `${tokens.strokeWidthThick} solid ${tokens.colorBrandStroke2}` },
  medium: { width: '32px', height: '32px', border: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke2}` },
  label: { fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, color: tokens.colorNeutralForeground1 },
});

interface Props {
  size?: 'tiny' | 'small' | 'medium';
  label?: string;
  /** Always after here; accepted so the props stay Fluent's. */
  labelPosition?: 'after';
}

export function Spinner({ size = 'medium', label }: Props) {
  const styles = useStyles();
  const id = useId();
  return (
    <div className={mergeClasses('fui-Spinner', styles.root)} role="progressbar" aria-labelledby={label ? id : undefined}>
      <span className={mergeClasses(styles.ring, styles[size])} />
      {label && (
        <span id={id} className={styles.label}>
          {label}
        </span>
      )}
    </div>
  );
}
