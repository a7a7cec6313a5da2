/** Worked examples: which of a module's languages a learner reads, and what a translation changes (words only). */
import { describe, expect, it } from 'vitest';
import { contentIn, moduleLanguages } from '../../../api/src/domain/onboarding/module-language.js';
import { negotiateModuleLanguage } from '../../../api/src/domain/onboarding/module-language-negotiation.js';
import type { ModuleContent } from '../../../api/src/shared/contracts.js';

const content: ModuleContent = {
  title: 'Our promise',
  summary: '',
  estimatedMinutes: 5,
  sections: [{ id: 's1', title: 'The window', blocks: [{ type: 'paragraph', text: 'We keep it.' }] }],
  questions: [{ id: 'q1', prompt: 'What is it?', kind: 'single', options: [{ id: 'a', text: 'A promise' }, { id: 'b', text: 'A guess' }], correctOptionIds: ['a'], explanation: 'A promise.' }],
  acknowledgement: 'I understand.',
  language: 'en',
  translations: {
    de: {
      title: 'Unser Versprechen',
      summary: '',
      sections: [{ id: 's1', title: 'Das Fenster', blocks: [{ type: 'paragraph', text: 'Wir halten es.' }] }],
      questions: [{ id: 'q1', prompt: 'Was ist es?', options: [{ id: 'a', text: 'Ein Versprechen' }, { id: 'b', text: 'Eine Vermutung' }], explanation: 'Ein Versprechen.' }],
      acknowledgement: 'Verstanden.',
    },
  },
};

describe('a module’s language for a reader', () => {
  it('picks the best translation for Accept-Language, else the original', () => {
    expect(moduleLanguages(content)).toEqual(['en', 'de']);
    expect(negotiateModuleLanguage(content, 'de-AT,de;q=0.9')).toBe('de');
    expect(negotiateModuleLanguage(content, 'fr-FR,en;q=0.5,de;q=0.4')).toBe('en');
    expect(negotiateModuleLanguage(content, 'ar-SA')).toBe('en');
    expect(negotiateModuleLanguage(content, null)).toBe('en');
  });

  it('swaps words, never ids, right answers or kinds', () => {
    const german = contentIn(content, 'de');
    expect(german.title).toBe('Unser Versprechen');
    expect(german.questions[0]).toMatchObject({ id: 'q1', kind: 'single', correctOptionIds: ['a'], options: [{ id: 'a', text: 'Ein Versprechen' }, { id: 'b', text: 'Eine Vermutung' }] });
    expect(contentIn(content, 'en')).toBe(content);
  });
});
