import { Checkbox, Field, Input, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { linesOf, type DraftBlock } from '../module-draft';

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
  const styles = useStyles();
  const error = (field: string) => errors[`${path}.${field}`];
  const text = (field: string, label: string, value: string, set: (value: string) => void, multiline = false) => (
    <Field label={label} validationMessage={error(field)} validationState={error(field) ? 'error' : 'none'}>
      {multiline ? <Textarea value={value} resize="vertical" onChange={(_, data) => set(data.value)} /> : <Input value={value} onChange={(_, data) => set(data.value)} />}
    </Field>
  );
  const lines = (field: string, label: string, value: readonly string[], set: (value: string[]) => void) => (
    <Field label={`${label}, one per line`} validationMessage={error(field)} validationState={error(field) ? 'error' : 'none'}>
      <Textarea value={value.join('\n')} resize="vertical" onChange={(_, data) => set(linesOf(data.value))} />
    </Field>
  );

  switch (block.type) {
    case 'heading':
      return text('text', 'Heading', block.text, (value) => onChange({ ...block, text: value }));
    case 'paragraph':
      return text('text', 'Paragraph', block.text, (value) => onChange({ ...block, text: value }), true);
    case 'list':
      return (
        <div className={styles.fields}>
          {lines('items', 'List items', block.items, (items) => onChange({ ...block, items }))}
          <Checkbox label="Numbered list" checked={block.ordered} onChange={(_, data) => onChange({ ...block, ordered: data.checked === true })} />
        </div>
      );
    case 'link':
      return (
        <div className={styles.fields}>
          {text('text', 'Link text', block.text, (value) => onChange({ ...block, text: value }))}
          {text('url', 'Link address (https://)', block.url, (value) => onChange({ ...block, url: value }))}
        </div>
      );
    case 'image':
      return (
        <div className={styles.fields}>
          {text('url', 'Image address (https://)', block.url, (value) => onChange({ ...block, url: value }))}
          {text('alt', 'Image description for screen readers', block.alt, (value) => onChange({ ...block, alt: value }))}
        </div>
      );
    case 'strategyMap':
      return text('caption', 'Caption under the live strategy map', block.caption ?? '', (value) => onChange({ ...block, caption: value }));
    case 'thenAndNow':
      return (
        <div className={styles.fields}>
          {text('formerCompany', 'Former company', block.formerCompany, (value) => onChange({ ...block, formerCompany: value }))}
          {text('formerMission', 'Former mission', block.formerMission, (value) => onChange({ ...block, formerMission: value }), true)}
          {lines('formerValues', 'Former values', block.formerValues, (formerValues) => onChange({ ...block, formerValues }))}
          {lines('stays', 'What stays', block.stays, (stays) => onChange({ ...block, stays }))}
          {lines('changes', 'What changes', block.changes, (changes) => onChange({ ...block, changes }))}
          {text('why', 'Why', block.why, (value) => onChange({ ...block, why: value }), true)}
        </div>
      );
  }
}
