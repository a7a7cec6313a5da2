import { Body1, Checkbox, MessageBar, MessageBarBody, Spinner, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { useLoaded } from '../../../app/use-loaded';
import { ContentBlocks } from '../../../components/module-view/ContentBlocks';
import { KnowledgeCheck } from '../../../components/module-view/KnowledgeCheck';
import { recordAnswer, toAnswerRecord } from '../../../../../api/src/domain/onboarding/answer-feedback';
import { contentIn } from '../../../../../api/src/domain/onboarding/module-language';
import { needsLiveMap, renderModule } from '../../../../../api/src/domain/onboarding/module-rendering';
import type { StoredAnswer } from '../../../../../api/src/data/onboarding-documents';
import type { ModuleContent } from '../../../../../api/src/shared/onboarding-contracts';
import type { AnswerRecord } from '../../../../../api/src/shared/onboarding-learner-contracts';
import { strategyMapApi } from '../api/onboarding-admin-api';
import { contentOf, type ModuleDraft } from '../module-draft';
import { adminText } from '../messages';

const useStyles = makeStyles({
  preview: {
    display: 'grid',
    gap: tokens.spacingVerticalL,
    minWidth: 0,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    overflowWrap: 'anywhere',
  },
  heading: { margin: 0 },
  section: { display: 'grid', gap: tokens.spacingVerticalM },
});

/**
 * The module as a new hire will see it, built from the draft in the editor (saved or not): the
 * live strategy map, the knowledge checks with the same feedback rules as the API's. Nothing is
 * recorded: answers are checked here, against the draft, and forgotten when the preview closes.
 */
export function ModulePreview({ client, draft, language }: { client: ApiClient; draft: ModuleDraft; language: string }) {
  const t = adminText.useText();
  const styles = useStyles();
  // The draft is already shaped like published content (the server's checks come on save).
  // In the language picked for the preview: its translation over the original's structure (as the API serves it).
  const content: ModuleContent = contentIn({ ...draft, translations: contentOf(draft).translations } as ModuleContent, language);
  const live = needsLiveMap(content);
  const load = useCallback((signal: AbortSignal) => (live ? strategyMapApi.load(client, signal) : Promise.resolve(null)), [client, live]);
  const map = useLoaded(load).state;
  const [answers, setAnswers] = useState<Record<string, StoredAnswer>>({});

  if (map.status === 'loading') return <Spinner label={t('preview.building')} />;
  const rendered = renderModule(content, {
    organisation: map.status === 'ready' ? map.data?.organisation : undefined,
    strategies: map.status === 'ready' ? (map.data?.strategies ?? []) : [],
  });

  const check = async (questionId: string, selected: string[]): Promise<AnswerRecord | null> => {
    const question = content.questions.find((candidate) => candidate.id === questionId);
    if (!question) return null;
    const answer = recordAnswer(answers[questionId], question, selected, new Date().toISOString());
    setAnswers((current) => ({ ...current, [questionId]: answer }));
    return toAnswerRecord(answer, content);
  };

  return (
    <section className={styles.preview} aria-labelledby="learner-preview-heading">
      <Subtitle2 as="h3" id="learner-preview-heading" className={styles.heading}>
        {t('preview.heading', { title: content.title || t('preview.untitledModule') })}
      </Subtitle2>
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>{t('preview.info')}</MessageBarBody>
      </MessageBar>
      {map.status === 'error' && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>{t('preview.mapFailed')}</MessageBarBody>
        </MessageBar>
      )}
      {content.summary && (
        <Body1 as="p" lang={language} dir="auto">
          {content.summary}
        </Body1>
      )}
      {rendered.sections.map((section) => (
        <section key={section.id} className={styles.section} aria-label={section.title || t('preview.untitledSection')} lang={language} dir="auto">
          <Subtitle2 as="h3" className={styles.heading}>
            {section.title || t('preview.untitledSection')}
          </Subtitle2>
          <ContentBlocks blocks={section.blocks} headingLevel={3} />
        </section>
      ))}
      {rendered.questions.length > 0 && (
        <section className={styles.section} aria-label={t('preview.checks')}>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('editor.checks')}
          </Subtitle2>
          {rendered.questions.map((question, index) => (
            <KnowledgeCheck key={question.id} question={question} number={index + 1} answered={undefined} busy={false} onAnswer={(selected) => check(question.id, selected)} />
          ))}
        </section>
      )}
      <Checkbox label={rendered.acknowledgement || t('preview.acknowledgement')} disabled />
    </section>
  );
}
