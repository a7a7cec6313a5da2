import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BLOCK_TYPES, blockLabel, emptyBlock, move, newId, removeAt, replaceAt, type BlockType, type DraftSection } from '../module-draft';
import { BlockEditor } from './BlockEditor';
import { useEditorListStyles } from './editor-list-styles';
import { adminText } from '../messages';

const useStyles = makeStyles({
  block: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0, padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  legend: { fontWeight: tokens.fontWeightSemibold },
});

/** Up, down and remove for the item at `index` of `count`; `labels` name the three buttons. */
function MoveTools({ labels, index, count, onMove, onRemove }: { labels: { up: string; down: string; remove: string }; index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.tools}>
      <Button size="small" icon={<ArrowUp16Regular />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={labels.up} />
      <Button size="small" icon={<ArrowDown16Regular />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={labels.down} />
      <Button size="small" icon={<Delete16Regular />} onClick={onRemove} aria-label={labels.remove} />
    </div>
  );
}

function AddBlock({ section, onAdd }: { section: number; onAdd: (type: BlockType) => void }) {
  const t = adminText.useText();
  const styles = useStyles();
  const [type, setType] = useState<BlockType>('paragraph');
  return (
    <div className={styles.tools}>
      <Field label={t('section.newBlock', { section })}>
        <Select value={type} onChange={(_, data) => setType(data.value as BlockType)}>
          {BLOCK_TYPES.map((key) => (
            <option key={key} value={key}>
              {blockLabel(key)}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => onAdd(type)}>{t('section.addBlock')}</Button>
    </div>
  );
}

export interface SectionsEditorProps {
  sections: DraftSection[];
  errors: Readonly<Record<string, string>>;
  onChange: (sections: DraftSection[]) => void;
}

/** Ordered sections, each an ordered list of blocks: add, move up or down, remove. */
export function SectionsEditor({ sections, errors, onChange }: SectionsEditorProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const listStyles = useEditorListStyles();
  const setSection = (index: number, section: DraftSection) => onChange(replaceAt(sections, index, section));
  return (
    <>
      <ol className={listStyles.list} aria-label={t('editor.sections')}>
        {sections.map((section, index) => {
          const number = index + 1;
          const sectionLabels = { up: t('section.moveUp', { section: number }), down: t('section.moveDown', { section: number }), remove: t('section.remove', { section: number }) };
          return (
            <li key={section.id} className={listStyles.item}>
              <MoveTools labels={sectionLabels} index={index} count={sections.length} onMove={(by) => onChange(move(sections, index, by))} onRemove={() => onChange(removeAt(sections, index))} />
              <Field label={t('section.title', { section: number })} validationMessage={errors[`sections.${index}.title`]} validationState={errors[`sections.${index}.title`] ? 'error' : 'none'}>
                <Input value={section.title} onChange={(_, data) => setSection(index, { ...section, title: data.value })} />
              </Field>
              {section.blocks.map((block, blockIndex) => {
                const place = { block: blockIndex + 1, section: number };
                return (
                  <fieldset key={blockIndex} className={styles.block}>
                    <legend className={styles.legend}>
                      {t('block.legend', { block: blockIndex + 1, type: blockLabel(block.type) })}
                    </legend>
                    <BlockEditor
                      block={block}
                      path={`sections.${index}.blocks.${blockIndex}`}
                      errors={errors}
                      onChange={(next) => setSection(index, { ...section, blocks: replaceAt(section.blocks, blockIndex, next) })}
                    />
                    <MoveTools
                      labels={{ up: t('block.moveUp', place), down: t('block.moveDown', place), remove: t('block.remove', place) }}
                      index={blockIndex}
                      count={section.blocks.length}
                      onMove={(by) => setSection(index, { ...section, blocks: move(section.blocks, blockIndex, by) })}
                      onRemove={() => setSection(index, { ...section, blocks: removeAt(section.blocks, blockIndex) })}
                    />
                  </fieldset>
                );
              })}
              <AddBlock section={number} onAdd={(type) => setSection(index, { ...section, blocks: [...section.blocks, emptyBlock(type)] })} />
            </li>
          );
        })}
      </ol>
      <div>
        <Button
          onClick={() =>
            onChange([...sections, { id: newId('section', sections.map((section) => section.id)), title: '', blocks: [emptyBlock('paragraph')] }])
          }
        >
          {t('section.add')}
        </Button>
      </div>
    </>
  );
}
