import { Body1, Caption1, Card, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import type { RenderedBlock } from '../../../../api/src/shared/onboarding-learner-contracts';
import { componentsText } from '../messages';

type StrategyMapBlock = Extract<RenderedBlock, { type: 'strategyMap' }>;

const useStyles = makeStyles({
  map: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  vision: { margin: 0, fontStyle: 'italic' },
  strategies: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  strategy: { display: 'grid', gap: tokens.spacingVerticalXXS, padding: tokens.spacingVerticalS },
  heading: { margin: 0 },
});

/** The company's vision and active strategies as they are today: the API reads them when the module is opened, not when it was written. */
export function LiveStrategyMap({ block, headingTag }: { block: StrategyMapBlock; headingTag: 'h3' | 'h4' }) {
  const styles = useStyles();
  const t = componentsText.useText();
  if (!block.organisation) return <Body1 as="p">{t('module.noMap')}</Body1>;
  return (
    <figure className={styles.map} aria-label={block.caption || t('module.mapOf', { name: block.organisation.name })}>
      <Subtitle2 as={headingTag} className={styles.heading}>
        {t('module.ourVision')}
      </Subtitle2>
      <Body1 as="p" className={styles.vision} dir="auto">
        {block.organisation.vision}
      </Body1>
      <ul className={styles.strategies} aria-label={t('module.ourStrategies')}>
        {block.strategies.map((strategy) => (
          <li key={strategy.id}>
            <Card className={styles.strategy} appearance="outline">
              <Body1 as="p" className={styles.heading} dir="auto">
                <strong>{strategy.title}</strong>
              </Body1>
              <Caption1>{t('module.servesCustomers', { impact: strategy.customerImpact })}</Caption1>
            </Card>
          </li>
        ))}
      </ul>
      {block.caption && (
        <figcaption>
          <Caption1>{block.caption}</Caption1>
        </figcaption>
      )}
    </figure>
  );
}
