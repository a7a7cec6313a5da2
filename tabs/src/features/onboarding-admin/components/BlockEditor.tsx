import { Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { linesOf, type DraftBlock } from '../module-draft';
import { adminText } from '../messages';

const useStyles = makeStyles({ fields: { display: 'grid', gap: tokens.spacingVerticalS } });

export interface BlockEditorProps {
  block: DraftBlock;
  /** Field path prefix for server errors, e.g. "sections.0.blocks.1". */
  path: string;
  errors: Readonly<Record<string, string>>;
  onChange: (block: DraftBlock) => void;
}

/** The fields of one content block. Text stays text: the tab renders it with React, never as HTML. */
export function BlockEditor({ block, path, errors, onChange }: BlockEditorProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const error = (field: string) => errors[`${path}.${field}`];
  const text = (field: string, label: string, value: string, set: (value: string) => void, multiline = false) => (
    <Field label={label} validationMessage={error(field)} validationState={error(field) ? 'error' : 'none'}>
      {multiline ? <Textarea value={value} resize="vertical" onChange={(_, data) => set(data.value)} /> : <Input value={value} onChange={(_, data) => set(data.value)} />}
    </Field>
  );
  const lines = (field: string, label: string, value: readonly string[], set: (value: string[]) => void) => (
    <Field label={label} validationMessage={error(field)} validationState={error(field) ? 'error' : 'none'}>
      <Textarea value={value.join('\n')} resize="vertical" onChange={(_, data) => set(linesOf(data.value))} />
    </Field>
  );

  switch (block.type) {
    case 'heading':
      return text('text', t('field.heading'), block.text, (value) => onChange({ ...block, text: value }));
    case 'paragraph':
      return text('text', t('field.paragraph'), block.text, (value) => onChange({ ...block, text: value }), true);
    case 'list':
      return (
        <div className={styles.fields}>
          {lines('items', t('field.listItems'), block.items, (items) => onChange({ ...block, items }))}
          <Checkbox label={t('field.numbered')} checked={block.ordered} onChange={(_, data) => onChange({ ...block, ordered: data.checked === true })} />
        </div>
      );
    case 'link':
      return (
        <div className={styles.fields}>
          {text('text', t('field.linkText'), block.text, (value) => onChange({ ...block, text: value }))}
          {text('url', t('field.linkUrl'), block.url, (value) => onChange({ ...block, url: value }))}
        </div>
      );
    case 'image':
      return (
        <div className={styles.fields}>
          {text('url', t('field.imageUrl'), block.url, (value) => onChange({ ...block, url: value }))}
          {text('alt', t('field.imageAlt'), block.alt, (value) => onChange({ ...block, alt: value }))}
        </div>
      );
    case 'strategyMap':
      return text('caption', t('field.mapCaption'), block.caption ?? '', (value) => onChange({ ...block, caption: value }));
    case 'thenAndNow':
      return (
        <div className={styles.fields}>
          {text('formerCompany', t('field.formerCompany'), block.formerCompany, (value) => onChange({ ...block, formerCompany: value }))}
          {text('formerMission', t('field.formerMission'), block.formerMission, (value) => onChange({ ...block, formerMission: value }), true)}
          {lines('formerValues', t('field.formerValues'), block.formerValues, (formerValues) => onChange({ ...block, formerValues }))}
          {lines('stays', t('field.stays'), block.stays, (stays) => onChange({ ...block, stays }))}
          {lines('changes', t('field.changes'), block.changes, (changes) => onChange({ ...block, changes }))}
          {text('why', t('field.why'), block.why, (value) => onChange({ ...block, why: value }), true)}
        </div>
      );
  }
}
