import { Body1, Button, Caption1, Subtitle1, makeStyles, tokens } from '@fluentui/react-components';
import { EditRegular, HistoryRegular } from '@fluentui/react-icons';
import type { EditableOrganisation } from '../api/schemas';

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
  return (
    <section className={styles.card} aria-labelledby="editor-organisation-heading">
      <Subtitle1 as="h2" id="editor-organisation-heading" className={styles.heading}>
        {organisation.name}
      </Subtitle1>
      <dl className={styles.list}>
        {(
          [
            ['Vision', organisation.vision],
            ['Mission', organisation.mission],
            ['Values', organisation.values.map((v) => v.name).join(', ')],
            ['What makes us different', organisation.differentiator],
          ] as const
        ).map(([term, text]) => (
          <div key={term}>
            <dt className={styles.term}>
              <Caption1>{term}</Caption1>
            </dt>
            <dd className={styles.detail}>
              <Body1>{text || '—'}</Body1>
            </dd>
          </div>
        ))}
      </dl>
      <div className={styles.actions}>
        <Button icon={<EditRegular />} onClick={onEdit}>
          Edit vision
        </Button>
        <Button icon={<HistoryRegular />} appearance="subtle" onClick={onHistory}>
          History of the organisation
        </Button>
      </div>
    </section>
  );
}
