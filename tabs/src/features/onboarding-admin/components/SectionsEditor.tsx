import { Button, Field, Input, Select, makeStyles, tokens } from '@fluentui/react-components';
import { ArrowDown16Regular, ArrowUp16Regular, Delete16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { BLOCK_LABELS, emptyBlock, move, newId, removeAt, replaceAt, type BlockType, type DraftSection } from '../module-draft';
import { BlockEditor } from './BlockEditor';
import { useEditorListStyles } from './editor-list-styles';

const useStyles = makeStyles({
  block: { display: 'grid', gap: tokens.spacingVerticalXS, margin: 0, padding: tokens.spacingHorizontalS, border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke2}`, borderRadius: tokens.borderRadiusMedium, minWidth: 0 },
  tools: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'end' },
  legend: { fontWeight: tokens.fontWeightSemibold },
});

/** Up, down and remove for the item `label` at `index` of `count`. */
function MoveTools({ label, index, count, onMove, onRemove }: { label: string; index: number; count: number; onMove: (by: -1 | 1) => void; onRemove: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.tools}>
      <Button size="small" icon={<ArrowUp16Regular />} disabled={index === 0} onClick={() => onMove(-1)} aria-label={`Move ${label} up`} />
      <Button size="small" icon={<ArrowDown16Regular />} disabled={index === count - 1} onClick={() => onMove(1)} aria-label={`Move ${label} down`} />
      <Button size="small" icon={<Delete16Regular />} onClick={onRemove} aria-label={`Remove ${label}`} />
    </div>
  );
}

function AddBlock({ sectionLabel, onAdd }: { sectionLabel: string; onAdd: (type: BlockType) => void }) {
  const styles = useStyles();
  const [type, setType] = useState<BlockType>('paragraph');
  return (
    <div className={styles.tools}>
      <Field label={`New block in ${sectionLabel}`}>
        <Select value={type} onChange={(_, data) => setType(data.value as BlockType)}>
          {(Object.keys(BLOCK_LABELS) as BlockType[]).map((key) => (
            <option key={key} value={key}>
              {BLOCK_LABELS[key]}
            </option>
          ))}
        </Select>
      </Field>
      <Button onClick={() => onAdd(type)}>Add block</Button>
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
  const styles = useStyles();
  const listStyles = useEditorListStyles();
  const setSection = (index: number, section: DraftSection) => onChange(replaceAt(sections, index, section));
  return (
    <>
      <ol className={listStyles.list} aria-label="Sections">
        {sections.map((section, index) => {
          const label = `section ${index + 1}`;
          return (
            <li key={section.id} className={listStyles.item}>
              <MoveTools label={label} index={index} count={sections.length} onMove={(by) => onChange(move(sections, index, by))} onRemove={() => onChange(removeAt(sections, index))} />
              <Field label={`Section ${index + 1} title`} validationMessage={errors[`sections.${index}.title`]} validationState={errors[`sections.${index}.title`] ? 'error' : 'none'}>
                <Input value={section.title} onChange={(_, data) => setSection(index, { ...section, title: data.value })} />
              </Field>
              {section.blocks.map((block, blockIndex) => {
                const blockLabel = `block ${blockIndex + 1} of ${label}`;
                return (
                  <fieldset key={blockIndex} className={styles.block}>
                    <legend className={styles.legend}>
                      Block {blockIndex + 1}: {BLOCK_LABELS[block.type]}
                    </legend>
                    <BlockEditor
                      block={block}
                      path={`sections.${index}.blocks.${blockIndex}`}
                      errors={errors}
                      onChange={(next) => setSection(index, { ...section, blocks: replaceAt(section.blocks, blockIndex, next) })}
                    />
                    <MoveTools
                      label={blockLabel}
                      index={blockIndex}
                      count={section.blocks.length}
                      onMove={(by) => setSection(index, { ...section, blocks: move(section.blocks, blockIndex, by) })}
                      onRemove={() => setSection(index, { ...section, blocks: removeAt(section.blocks, blockIndex) })}
                    />
                  </fieldset>
                );
              })}
              <AddBlock sectionLabel={label} onAdd={(type) => setSection(index, { ...section, blocks: [...section.blocks, emptyBlock(type)] })} />
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
          Add section
        </Button>
      </div>
    </>
  );
}
