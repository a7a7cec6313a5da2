import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { ElementType, HTMLAttributes, ReactNode } from 'react';

/**
 * Fluent's Text and its presets (Body1, Caption1, Subtitle1, Subtitle2, Title2) as the shell, the home view and
 * the task-sources panel use them: a span (or `as`) with Fluent's type ramp from its tokens. Fluent's own (Text's
 * slot machinery and one chunk per preset) took ~2.5 KB gzipped of the home view's download. Keeps Fluent's class
 * names (fui-Text, fui-Body1 …) and props for what is used, so swapping back is an import; the other areas use Fluent's.
 */

const useStyles = makeStyles({
  root: {
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightRegular,
    textAlign: 'start',
    display: 'inline',
    whiteSpace: 'normal',
    overflow: 'visible',
    textOverflow: 'clip',
  },
  block: { display: 'block' },
  semibold: { fontWeight: tokens.fontWeightSemibold },
  caption1: { fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  subtitle1: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  subtitle2: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  title2: { fontSize: tokens.fontSizeHero700, lineHeight: tokens.lineHeightHero700, fontWeight: tokens.fontWeightSemibold },
});

type Preset = 'body1' | 'caption1' | 'subtitle1' | 'subtitle2' | 'title2';

export interface TextProps extends HTMLAttributes<HTMLElement> {
  as?: ElementType;
  weight?: 'regular' | 'semibold';
  block?: boolean;
  children?: ReactNode;
}

function useTextClass(preset: Preset | undefined, { weight, block, className }: TextProps): string {
  const styles = useStyles();
  return mergeClasses(
    'fui-Text',
    preset && `fui-${preset.charAt(0).toUpperCase()}${preset.slice(1)}`,
    styles.root,
    block && styles.block,
    weight === 'semibold' && styles.semibold,
    preset && preset !== 'body1' && styles[preset],
    className,
  );
}

function useTextElement(preset: Preset | undefined, props: TextProps) {
  const { as: Tag = 'span', weight: _weight, block: _block, ...rest } = props;
  return <Tag {...rest} className={useTextClass(preset, props)} />;
}

export const Text = (props: TextProps) => useTextElement(undefined, props);
export const Body1 = (props: TextProps) => useTextElement('body1', props);
export const Caption1 = (props: TextProps) => useTextElement('caption1', props);
export const Subtitle1 = (props: TextProps) => useTextElement('subtitle1', props);
export const Subtitle2 = (props: TextProps) => useTextElement('subtitle2', props);
export const Title2 = (props: TextProps) => useTextElement('title2', props);
