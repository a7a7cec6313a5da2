import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DiamondDismissFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { HTMLAttributes, ReactNode } from 'react';

/**
 * Fluent's MessageBar as the home view uses it (multiline, an intent, a body, a title, actions), drawn
 * with Fluent's tokens and its intent icons. Fluent's own (with its automatic reflow, motion and
 * group API) took ~4.5 KB gzipped of the home view's download, which shows one on its first screen
 * ("what changed"); this is under 1 KB. Same props as Fluent's for what the home view uses, so
 * swapping back is an import. The other areas use Fluent's.
 */

type Intent = 'info' | 'success' | 'warning' | 'error';

const ICONS: Record<Intent, ReactNode> = {
  info: <InfoFilled />,
  success: <CheckmarkCircleFilled />,
  warning: <WarningFilled />,
  error: <DiamondDismissFilled />,
};

const useStyles = makeStyles({
  root: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr auto',
    gridTemplateAreas: '"icon body actions" "secondaryActions secondaryActions secondaryActions"',
    alignItems: 'start',
    boxSizing: 'border-box',
    minHeight: '36px',
    paddingTop: tokens.spacingVerticalMNudge,
    paddingLeft: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusDangerBorder1}` },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder1}` },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusSuccessBorder1}` },
  icon: { gridArea: 'icon', display: 'flex', alignItems: 'center', fontSize: tokens.fontSizeBase500, marginRight: tokens.spacingHorizontalS, color: tokens.colorNeutralForeground3 },
  errorIcon: { color: tokens.colorStatusDangerForeground1 },
  warningIcon: { color: tokens.colorStatusWarningForeground3 },
  successIcon: { color: tokens.colorStatusSuccessForeground1 },
  body: { gridArea: 'body', paddingRight: tokens.spacingHorizontalM, fontFamily: tokens.fontFamilyBase, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  title: { fontWeight: tokens.fontWeightSemibold, '::after': { content: '" "' } },
  // The row under the text: the actions, or (without any) a little space.
  actions: {
    gridArea: 'secondaryActions',
    display: 'flex',
    justifyContent: 'end',
    columnGap: tokens.spacingHorizontalM,
    marginTop: tokens.spacingVerticalMNudge,
    marginBottom: tokens.spacingVerticalS,
    paddingRight: tokens.spacingHorizontalM,
    ':empty': { display: 'none' },
  },
  spacer: { gridArea: 'secondaryActions', marginBottom: tokens.spacingVerticalS },
  containerAction: { gridArea: 'actions', paddingRight: tokens.spacingHorizontalM },
});

interface MessageBarProps extends HTMLAttributes<HTMLDivElement> {
  intent?: Intent;
  /** Always multiline here; accepted so the props stay Fluent's. */
  layout?: 'multiline';
}

export function MessageBar({ intent = 'info', layout: _layout, className, children, ...rest }: MessageBarProps) {
  const styles = useStyles();
  return (
    <div role="group" {...rest} className={mergeClasses(styles.root, intent !== 'info' && styles[intent], className)}>
      <div className={mergeClasses(styles.icon, intent !== 'info' && styles[`${intent}Icon`])}>{ICONS[intent]}</div>
      {children}
      <div className={styles.spacer} />
    </div>
  );
}

export function MessageBarBody({ children }: { children: ReactNode }) {
  return <div className={useStyles().body}>{children}</div>;
}

export function MessageBarTitle({ children }: { children: ReactNode }) {
  return <span className={useStyles().title}>{children}</span>;
}

/** Buttons under the text; `containerAction` (e.g. dismiss) at the top right. */
export function MessageBarActions({ containerAction, children }: { containerAction?: ReactNode; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <div className={styles.actions}>{children}</div>
      {containerAction && <div className={styles.containerAction}>{containerAction}</div>}
    </>
  );
}
