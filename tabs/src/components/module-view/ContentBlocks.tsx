import { Body1, Image, Link, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { RenderedBlock } from '../../../../api/src/shared/onboarding-learner-contracts';
import { LiveStrategyMap } from './LiveStrategyMap';
import { ThenAndNow } from './ThenAndNow';

const useStyles = makeStyles({
  blocks: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  paragraph: { margin: 0, whiteSpace: 'pre-line' },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalXXL, display: 'grid', gap: tokens.spacingVerticalXS },
  image: { maxWidth: '100%', height: 'auto', borderRadius: tokens.borderRadiusMedium },
});

/** Only https addresses become links or images; anything else the server let through is shown as text. */
export function safeHttpsUrl(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && !url.username && !url.password ? url.toString() : null;
  } catch {
    return null;
  }
}

export interface ContentBlocksProps {
  /** Blocks as the API renders them for reading: strategyMap and thenAndNow carry the organisation as it is now. */
  blocks: readonly RenderedBlock[];
  /** The level of the section's own heading: a block heading is one below it. */
  headingLevel?: 2 | 3;
}

/**
 * A section's structured content, rendered by React: text is always text (never HTML), so nothing an
 * author writes can run in the tab. Headings, lists, https links and images with alt text.
 */
export function ContentBlocks({ blocks, headingLevel = 2 }: ContentBlocksProps) {
  const styles = useStyles();
  const blockHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <div className={styles.blocks}>
      {blocks.map((block, index) => {
        const key = `${block.type}-${index}`;
        switch (block.type) {
          case 'heading':
            return (
              <Subtitle2 key={key} as={blockHeading} className={styles.heading}>
                {block.text}
              </Subtitle2>
            );
          case 'paragraph':
            return (
              <Body1 key={key} as="p" className={styles.paragraph}>
                {block.text}
              </Body1>
            );
          case 'list': {
            const ListTag = block.ordered ? 'ol' : 'ul';
            return (
              <ListTag key={key} className={styles.list}>
                {block.items.map((item, itemIndex) => (
                  <li key={itemIndex}>
                    <Body1>{item}</Body1>
                  </li>
                ))}
              </ListTag>
            );
          }
          case 'link': {
            const href = safeHttpsUrl(block.url);
            return (
              <Body1 key={key} as="p" className={styles.paragraph}>
                {href ? (
                  <Link href={href} target="_blank" rel="noopener noreferrer">
                    {block.text}
                  </Link>
                ) : (
                  block.text
                )}
              </Body1>
            );
          }
          case 'image': {
            const src = safeHttpsUrl(block.url);
            return src ? <Image key={key} src={src} alt={block.alt} className={styles.image} referrerPolicy="no-referrer" /> : null;
          }
          case 'strategyMap':
            return <LiveStrategyMap key={key} block={block} headingTag={blockHeading} />;
          case 'thenAndNow':
            return <ThenAndNow key={key} block={block} headingTag={blockHeading} />;
          default:
            return null;
        }
      })}
    </div>
  );
}
