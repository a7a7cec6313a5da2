/**
 * Turns a published module into what the new hire reads: live strategy-map blocks get the CURRENT
 * vision and active strategies (not a copy taken when the module was written), "then and now"
 * blocks get the current mission and values beside the former ones, and knowledge checks lose
 * their answers and explanations (option by option and question by question; see toAnswerRecord for when they come back). Pure.
 */
import type { ContentBlock, ModuleContent, MyModule, Organisation, RenderedBlock, Strategy } from '../../shared/contracts.js';

export interface LiveStrategyMap {
  organisation: Organisation | undefined;
  strategies: readonly Strategy[];
}

export function renderBlock(block: ContentBlock, map: LiveStrategyMap): RenderedBlock {
  switch (block.type) {
    case 'strategyMap':
      return {
        type: 'strategyMap',
        ...(block.caption ? { caption: block.caption } : {}),
        organisation: map.organisation
          ? { ...map.organisation, values: map.organisation.values.map(({ name, description }) => ({ name, description })) }
          : null,
        strategies: map.strategies
          .filter((strategy) => strategy.status === 'active')
          .sort((a, b) => a.order - b.order)
          .map(({ id, title, why, customerImpact }) => ({ id, title, why, customerImpact })),
      };
    case 'thenAndNow':
      return {
        ...block,
        currentCompany: map.organisation?.name ?? '',
        currentMission: map.organisation?.mission ?? '',
        currentValues: map.organisation?.values.map((value) => value.name) ?? [],
      };
    default:
      return block;
  }
}

export function renderModule(content: ModuleContent, map: LiveStrategyMap): Pick<MyModule, 'sections' | 'questions' | 'acknowledgement'> {
  return {
    sections: content.sections.map((section) => ({ id: section.id, title: section.title, blocks: section.blocks.map((block) => renderBlock(block, map)) })),
    questions: content.questions.map(({ id, prompt, kind, options }) => ({ id, prompt, kind, options: options.map(({ id: optionId, text }) => ({ id: optionId, text })) })),
    acknowledgement: content.acknowledgement,
  };
}

/** Whether the module needs the strategy map read at all (saves two reads for modules without one). */
export function needsLiveMap(content: ModuleContent): boolean {
  return content.sections.some((section) => section.blocks.some((block) => block.type === 'strategyMap' || block.type === 'thenAndNow'));
}
