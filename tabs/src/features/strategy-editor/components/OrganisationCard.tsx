import { Body1, Button, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular, HistoryRegular } from '@fluentui/react-icons';
import { FIELD_LABELS } from '../../../components/strategy-map-labels';
import { formatList } from '../../../i18n';
import type { EditableOrganisation } from '../api/schemas';
import { strategyEditorText } from '../messages';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusXLarge,
    backgroundColor: tokens.colorBrandBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
  },
  heading: { margin: 0 },
  list: { margin: 0, display: 'grid', gap: tokens.spacingVerticalXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  detail: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

interface Props {
  organisation: EditableOrganisation;
  onEdit(): void;
  onHistory(): void;
}

/** The organisation's vision, mission, values and differentiator, as leaders edit them. */
export function OrganisationCard({ organisation, onEdit, onHistory }: Props) {
  const styles = useStyles();
  const t = strategyEditorText.useText();
  return (
    <section className={styles.card} aria-labelledby="editor-organisation-heading">
      <Subtitle1 as="h2" id="editor-organisation-heading" className={styles.heading} dir="auto">
        {organisation.name}
      </Subtitle1>
      <dl className={styles.list}>
        {(
          [
            [FIELD_LABELS.vision, organisation.vision],
            [FIELD_LABELS.mission, organisation.mission],
            [FIELD_LABELS.values, formatList(organisation.values.map((v) => v.name), 'unit')],
            [FIELD_LABELS.differentiator, organisation.differentiator],
          ] as const
        ).map(([term, text]) => (
          <div key={term}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.detail}>
              <Body1 dir="auto">{text || t('card.empty')}</Body1>
            </dd>
          </div>
        ))}
      </dl>
      <div className={styles.actions}>
        <Button icon={<EditRegular />} onClick={onEdit}>
          {t('card.edit')}
        </Button>
        <Button icon={<HistoryRegular />} appearance="subtle" onClick={onHistory}>
          {t('card.history')}
        </Button>
      </div>
    </section>
  );
}
