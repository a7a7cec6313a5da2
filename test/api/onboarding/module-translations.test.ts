/**
 * Issue 14 over real HTTP: a module keeps its original language and may carry a translation per
 * language, published with it. The learner's read answers the translation that best matches their
 * Accept-Language (or the original) and says which; answers are judged by the original's option ids,
 * the same in any language; a translation whose option ids differ from the original's is refused
 * with the field paths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getServices } from '../../../api/src/services.js';
import { answerResultSchema, myModuleSchema, problemSchema, publishResultSchema, type Assignment, type ModuleContentInput } from '../../../api/src/shared/contracts.js';
import { adjustableClockFrom, testDayPlus } from '../../support/clock.js';
import { CONTOSO_IDS, startOnboardingTestStack, type OnboardingTestStack } from './onboarding-test-support.js';

const tenant = CONTOSO_IDS.tenant;
const p = CONTOSO_IDS.people;
const clock = adjustableClockFrom();
let kit: OnboardingTestStack;
let grace: string;

const question = (prompt: string, right: string, wrong: string, why: string) => ({
  id: 'q1',
  prompt,
  options: [
    { id: 'promise', text: right },
    { id: 'estimate', text: wrong },
  ],
  explanation: why,
});

function translatedModule(): ModuleContentInput {
  return {
    title: 'Our delivery promise',
    language: 'en',
    estimatedMinutes: 5,
    sections: [{ id: 'one', title: 'The window', blocks: [{ type: 'paragraph', text: 'We keep the promise.' }] }],
    questions: [{ ...question('What is a delivery window?', 'A commitment', 'An estimate', 'A window is a promise.'), kind: 'single', correctOptionIds: ['promise'] }],
    acknowledgement: 'I understand.',
    translations: {
      de: {
        title: 'Unser Lieferversprechen',
        sections: [{ id: 'one', title: 'Das Zeitfenster', blocks: [{ type: 'paragraph', text: 'Wir halten das Versprechen.' }] }],
        questions: [question('Was ist ein Lieferfenster?', 'Eine Zusage', 'Eine Schätzung', 'Ein Zeitfenster ist ein Versprechen.')],
        acknowledgement: 'Ich habe verstanden.',
      },
      ar: {
        title: 'وعدنا بالتسليم',
        sections: [{ id: 'one', title: 'نافذة التسليم', blocks: [{ type: 'paragraph', text: 'نحن نفي بالوعد.' }] }],
        questions: [question('ما نافذة التسليم؟', 'التزام', 'تقدير', 'النافذة وعد.')],
        acknowledgement: 'لقد فهمت.',
      },
    },
  };
}

async function assignedTo(memberIds: string[], content: ModuleContentInput) {
  const created = await kit.api.request<{ id: string; etag: string }>('POST', '/api/modules', { token: grace, json: content });
  expect(created.status).toBe(201);
  const published = publishResultSchema.parse((await kit.api.request('POST', `/api/modules/${created.body.id}/publish`, { token: grace, headers: { 'if-match': created.body.etag } })).body);
  const cohort = await kit.api.request<{ id: string }>('POST', '/api/cohorts', { token: grace, json: { name: `Translated ${created.body.id}`, memberIds } });
  const assignment = await kit.api.request<{ assignments: Assignment[] }>('POST', `/api/cohorts/${cohort.body.id}/assignments`, { token: grace, json: { moduleVersionIds: [published.version.id], dueDate: testDayPlus(10) } });
  expect(assignment.status).toBe(201);
  await getServices().notifications.settled(tenant);
  return { moduleId: created.body.id, etag: published.module.etag, assignmentId: assignment.body.assignments[0]!.id };
}

beforeAll(async () => {
  kit = await startOnboardingTestStack({ now: clock.now });
  grace = await kit.api.tokenFor(tenant, p.grace);
});
afterAll(async () => kit?.close());

describe('a module in the learner’s language', () => {
  it('answers German to a German learner, Arabic to an Arabic one, the original to a French one, and says which', async () => {
    const { assignmentId } = await assignedTo([p.hugo], translatedModule());
    const hugo = await kit.api.tokenFor(tenant, p.hugo);
    const read = async (acceptLanguage: string) => {
      const response = await kit.api.request('GET', `/api/me/onboarding/${assignmentId}`, { token: hugo, headers: { 'accept-language': acceptLanguage } });
      expect(response.status).toBe(200);
      return myModuleSchema.parse(response.body);
    };
    const german = await read('de-DE,de;q=0.9,en;q=0.5');
    expect(german.language).toBe('de');
    expect(german.assignment.title).toBe('Unser Lieferversprechen');
    expect(german.sections[0]).toMatchObject({ id: 'one', title: 'Das Zeitfenster' });
    expect(german.questions[0]!.options).toEqual([{ id: 'promise', text: 'Eine Zusage' }, { id: 'estimate', text: 'Eine Schätzung' }]);
    expect(german.acknowledgement).toBe('Ich habe verstanden.');

    const arabic = await read('ar-SA');
    expect(arabic.language).toBe('ar');
    expect(arabic.sections[0]!.title).toBe('نافذة التسليم');

    const french = await read('fr-FR,fr;q=0.9');
    expect(french.language).toBe('en');
    expect(french.sections[0]!.title).toBe('The window');
  });

  it('judges answers by the original’s option ids in any language, and explains in the learner’s', async () => {
    const { assignmentId } = await assignedTo([p.nadia, p.lucia], translatedModule());
    const answer = async (person: string, acceptLanguage: string, selected: string) => {
      const token = await kit.api.tokenFor(tenant, person);
      const response = await kit.api.request('POST', `/api/me/onboarding/${assignmentId}/answers`, {
        token,
        headers: { 'accept-language': acceptLanguage },
        json: { questionId: 'q1', selectedOptionIds: [selected] },
      });
      expect(response.status).toBe(200);
      return answerResultSchema.parse(response.body).answer;
    };
    const german = await answer(p.nadia, 'de-DE', 'promise');
    const arabic = await answer(p.lucia, 'ar-SA', 'promise');
    expect(german).toMatchObject({ correct: true, firstTryCorrect: true, correctOptionIds: ['promise'], explanation: 'Ein Zeitfenster ist ein Versprechen.' });
    expect(arabic).toMatchObject({ correct: true, firstTryCorrect: true, correctOptionIds: ['promise'], explanation: 'النافذة وعد.' });
  });

  it('refuses a translation with a missing or an extra option id, naming the fields (problem+json)', async () => {
    const content = translatedModule();
    const de = content.translations!.de!;
    const broken: ModuleContentInput = {
      ...content,
      translations: {
        de: { ...de, questions: [{ ...de.questions![0]!, options: [{ id: 'promise', text: 'Eine Zusage' }, { id: 'maybe', text: 'Vielleicht' }] }] },
        ar: { ...content.translations!.ar!, questions: [{ ...content.translations!.ar!.questions![0]!, options: [{ id: 'promise', text: 'التزام' }] }] },
      },
    };
    const response = await kit.api.request('POST', '/api/modules', { token: grace, json: broken });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const paths = problemSchema.parse(response.body).errors?.map((error) => error.path);
    expect(paths).toEqual(expect.arrayContaining(['translations.de.questions.0.options.1.id', 'translations.de.questions.0.options', 'translations.ar.questions.0.options']));
    expect(await getServices().onboarding.listModules(tenant)).not.toContainEqual(expect.objectContaining({ content: expect.objectContaining({ translations: broken.translations }) }));
  });

  it('keeps a translation with the version it was published with; changing one is a draft change under If-Match', async () => {
    const { moduleId, etag } = await assignedTo([p.hugo], translatedModule());
    const content = translatedModule();
    const edited = { ...content, translations: { ...content.translations, de: { ...content.translations!.de!, title: 'Unser Versprechen' } } };
    const stale = await kit.api.request('PUT', `/api/modules/${moduleId}`, { token: grace, json: edited, headers: { 'if-match': '"not-the-etag"' } });
    expect(stale.status).toBe(412);
    const saved = await kit.api.request<{ hasUnpublishedChanges: boolean; content: ModuleContentInput; versions: { id: string }[] }>('PUT', `/api/modules/${moduleId}`, { token: grace, json: edited, headers: { 'if-match': etag } });
    expect(saved.status).toBe(200);
    expect(saved.body.hasUnpublishedChanges).toBe(true);
    expect(saved.body.content.translations?.de?.title).toBe('Unser Versprechen');
    const version = await getServices().onboarding.getVersion(tenant, saved.body.versions[0]!.id);
    expect(version?.content.translations?.de?.title).toBe('Unser Lieferversprechen');
  });
});
