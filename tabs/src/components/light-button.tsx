import { createCustomFocusIndicatorStyle, makeResetStyles, makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';

/**
 * Fluent's Button as the home view's first screen uses it (primary, secondary, subtle, transparent;
 * small and medium; icon before or after the text, or icon only), with Fluent's class names and styles from its
 * tokens: focus ring (FluentProvider's focus-visible attribute), hover/pressed, disabled, high contrast.
 * Fluent's own (slots, every shape and size, disabledFocusable, menu/split/toggle siblings) kept a few KB
 * gzipped in the home view's download; dialogs and other areas still use Fluent's.
 */

const iconSpacing = '--fui-Button__icon--spacing';
const transparentBorder = shorthands.borderColor('transparent');
const pressed = ':hover:active,:active:focus-visible';

const useRootBase = makeResetStyles({
  alignItems: 'center',
  boxSizing: 'border-box',
  display: 'inline-flex',
  justifyContent: 'center',
  textDecorationLine: 'none',
  verticalAlign: 'middle',
  margin: 0,
  overflow: 'hidden',
  backgroundColor: tokens.colorNeutralBackground1,
  color: tokens.colorNeutralForeground1,
  border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  fontFamily: tokens.fontFamilyBase,
  outlineStyle: 'none',
  ':hover': {
    backgroundColor: tokens.colorNeutralBackground1Hover,
    borderColor: tokens.colorNeutralStroke1Hover,
    color: tokens.colorNeutralForeground1Hover,
    cursor: 'pointer',
  },
  [pressed]: {
    backgroundColor: tokens.colorNeutralBackground1Pressed,
    borderColor: tokens.colorNeutralStroke1Pressed,
    color: tokens.colorNeutralForeground1Pressed,
    outlineStyle: 'none',
  },
  padding: `5px ${tokens.spacingHorizontalM}`,
  minWidth: '96px',
  borderRadius: tokens.borderRadiusMedium,
  fontSize: tokens.fontSizeBase300,
  fontWeight: tokens.fontWeightSemibold,
  lineHeight: tokens.lineHeightBase300,
  transitionDuration: tokens.durationFaster,
  transitionProperty: 'background, border, color',
  transitionTimingFunction: tokens.curveEasyEase,
  '@media screen and (prefers-reduced-motion: reduce)': { transitionDuration: '0.01ms' },
  '@media (forced-colors: active)': {
    ':focus': { borderColor: 'ButtonText' },
    ':hover': { backgroundColor: 'HighlightText', borderColor: 'Highlight', color: 'Highlight', forcedColorAdjust: 'none' },
    [pressed]: { backgroundColor: 'HighlightText', borderColor: 'Highlight', color: 'Highlight', forcedColorAdjust: 'none' },
  },
  ...createCustomFocusIndicatorStyle({
    borderColor: tokens.colorStrokeFocus2,
    borderRadius: tokens.borderRadiusMedium,
    borderWidth: '1px',
    outline: `${tokens.strokeWidthThick} solid ${tokens.colorTransparentStroke}`,
    boxShadow: `0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset`,
    zIndex: 1,
  }),
});

const useIconBase = makeResetStyles({
  alignItems: 'center',
  display: 'inline-flex',
  justifyContent: 'center',
  fontSize: '20px',
  height: '20px',
  width: '20px',
  [iconSpacing]: tokens.spacingHorizontalSNudge,
});

const useStyles = makeStyles({
  primary: {
    backgroundColor: tokens.colorBrandBackground,
    ...transparentBorder,
    color: tokens.colorNeutralForegroundOnBrand,
    ':hover': { backgroundColor: tokens.colorBrandBackgroundHover, ...transparentBorder, color: tokens.colorNeutralForegroundOnBrand },
    [pressed]: { backgroundColor: tokens.colorBrandBackgroundPressed, ...transparentBorder, color: tokens.colorNeutralForegroundOnBrand },
    '@media (forced-colors: active)': {
      backgroundColor: 'Highlight',
      ...shorthands.borderColor('HighlightText'),
      color: 'HighlightText',
      forcedColorAdjust: 'none',
      ':hover': { backgroundColor: 'HighlightText', ...shorthands.borderColor('Highlight'), color: 'Highlight' },
      [pressed]: { backgroundColor: 'HighlightText', ...shorthands.borderColor('Highlight'), color: 'Highlight' },
    },
    ...createCustomFocusIndicatorStyle({
      ...shorthands.borderColor(tokens.colorStrokeFocus2),
      boxShadow: `${tokens.shadow2}, 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset,  0 0 0 ${tokens.strokeWidthThick} ${tokens.colorNeutralForegroundOnBrand} inset`,
      ':hover': { boxShadow: `${tokens.shadow2}, 0 0 0 ${tokens.strokeWidthThin} ${tokens.colorStrokeFocus2} inset`, ...shorthands.borderColor(tokens.colorStrokeFocus2) },
    }),
  },
  secondary: {},
  subtle: {
    backgroundColor: tokens.colorSubtleBackground,
    ...transparentBorder,
    color: tokens.colorNeutralForeground2,
    ':hover': {
      backgroundColor: tokens.colorSubtleBackgroundHover,
      ...transparentBorder,
      color: tokens.colorNeutralForeground2Hover,
      '& .fui-Button__icon': { color: tokens.colorNeutralForeground2BrandHover },
    },
    [pressed]: {
      backgroundColor: tokens.colorSubtleBackgroundPressed,
      ...transparentBorder,
      color: tokens.colorNeutralForeground2Pressed,
      '& .fui-Button__icon': { color: tokens.colorNeutralForeground2BrandPressed },
    },
    '@media (forced-colors: active)': {
      ':hover': { color: 'Highlight', '& .fui-Button__icon': { color: 'Highlight' } },
      [pressed]: { color: 'Highlight', '& .fui-Button__icon': { color: 'Highlight' } },
    },
  },
  transparent: {
    backgroundColor: tokens.colorTransparentBackground,
    ...transparentBorder,
    color: tokens.colorNeutralForeground2,
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, ...transparentBorder, color: tokens.colorNeutralForeground2BrandHover },
    [pressed]: { backgroundColor: tokens.colorTransparentBackgroundPressed, ...transparentBorder, color: tokens.colorNeutralForeground2BrandPressed },
    '@media (forced-colors: active)': {
      ':hover': { backgroundColor: tokens.colorTransparentBackground, color: 'Highlight' },
      [pressed]: { backgroundColor: tokens.colorTransparentBackground, color: 'Highlight' },
    },
  },
  small: {
    minWidth: '64px',
    padding: `3px ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase200,
    ...createCustomFocusIndicatorStyle({ borderRadius: tokens.borderRadiusSmall }),
  },
  smallWithIcon: { paddingTop: '1px', paddingBottom: '1px' },
  smallIconOnly: { padding: '1px', minWidth: '24px', maxWidth: '24px' },
  mediumIconOnly: { padding: '5px', minWidth: '32px', maxWidth: '32px' },
  disabled: {
    backgroundColor: tokens.colorNeutralBackgroundDisabled,
    ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
    color: tokens.colorNeutralForegroundDisabled,
    cursor: 'not-allowed',
    '& .fui-Button__icon': { color: tokens.colorNeutralForegroundDisabled },
    ':hover': {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
      cursor: 'not-allowed',
      '& .fui-Button__icon': { color: tokens.colorNeutralForegroundDisabled },
    },
    [pressed]: {
      backgroundColor: tokens.colorNeutralBackgroundDisabled,
      ...shorthands.borderColor(tokens.colorNeutralStrokeDisabled),
      color: tokens.colorNeutralForegroundDisabled,
      cursor: 'not-allowed',
      '& .fui-Button__icon': { color: tokens.colorNeutralForegroundDisabled },
    },
    '@media (forced-colors: active)': {
      backgroundColor: 'ButtonFace',
      ...shorthands.borderColor('GrayText'),
      color: 'GrayText',
      '& .fui-Button__icon': { color: 'GrayText' },
      ':focus': shorthands.borderColor('GrayText'),
      ':hover': { backgroundColor: 'ButtonFace', ...shorthands.borderColor('GrayText'), color: 'GrayText', '& .fui-Button__icon': { color: 'GrayText' } },
      [pressed]: { backgroundColor: 'ButtonFace', ...shorthands.borderColor('GrayText'), color: 'GrayText', '& .fui-Button__icon': { color: 'GrayText' } },
    },
  },
  // Subtle and transparent stay see-through when disabled; primary keeps no border (as Fluent's).
  disabledSeeThrough: {
    backgroundColor: tokens.colorTransparentBackground,
    ...transparentBorder,
    ':hover': { backgroundColor: tokens.colorTransparentBackground, ...transparentBorder },
    [pressed]: { backgroundColor: tokens.colorTransparentBackground, ...transparentBorder },
  },
  disabledPrimary: { ...transparentBorder, ':hover': transparentBorder, [pressed]: transparentBorder },
  iconSmall: { [iconSpacing]: tokens.spacingHorizontalXS },
  // Logical margin: the icon comes first in reading order, so in RTL it sits at the right of the text.
  iconBefore: { marginInlineEnd: `var(${iconSpacing})` },
  iconAfter: { marginInlineStart: `var(${iconSpacing})` },
});

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  appearance?: 'primary' | 'secondary' | 'subtle' | 'transparent';
  size?: 'small' | 'medium';
  icon?: ReactNode;
  iconPosition?: 'before' | 'after';
  ref?: Ref<HTMLButtonElement>;
}

export function Button({ appearance = 'secondary', size = 'medium', icon, iconPosition = 'before', className, children, type = 'button', disabled, ...rest }: ButtonProps) {
  const styles = useStyles();
  const rootBase = useRootBase();
  const iconBase = useIconBase();
  const iconOnly = Boolean(icon) && (children === undefined || children === null || children === false);
  return (
    <button
      type={type}
      disabled={disabled}
      {...rest}
      className={mergeClasses(
        'fui-Button',
        rootBase,
        styles[appearance],
        size === 'small' && styles.small,
        Boolean(icon) && size === 'small' && styles.smallWithIcon,
        disabled && styles.disabled,
        disabled && (appearance === 'subtle' || appearance === 'transparent') && styles.disabledSeeThrough,
        disabled && appearance === 'primary' && styles.disabledPrimary,
        iconOnly && (size === 'small' ? styles.smallIconOnly : styles.mediumIconOnly),
        className,
      )}
    >
      {iconPosition === 'after' ? children : null}
      {icon ? (
        <span className={mergeClasses('fui-Button__icon', iconBase, !iconOnly && (iconPosition === 'after' ? styles.iconAfter : styles.iconBefore), size === 'small' && styles.iconSmall)}>
          {icon}
        </span>
      ) : null}
      {iconPosition === 'after' ? null : children}
    </button>
  );
}
