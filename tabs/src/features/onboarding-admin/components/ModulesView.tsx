import { Badge, Body1, Button, Caption1, Card, MessageBar, MessageBarBody, Spinner, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback } from 'react';
import type { ApiClient } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { LoadOutcome } from '../../../app/teams-session';
import { useLoaded } from '../../../app/use-loaded';
import { modulesApi } from '../api/onboarding-admin-api';
import { ModuleEditor } from './ModuleEditor';
import { adminText } from '../messages';

const useStyles = makeStyles({
  view: { display: 'grid', gap: tokens.spacingVerticalL },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  card: { display: 'flex', flexDirection: 'row', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  info: { display: 'grid', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

export interface ModulesViewProps {
  client: ApiClient;
  /** The module open in the editor; 'new' for a new one. */
  moduleId: string | undefined;
  onOpen: (moduleId: string | undefined) => void;
  onFirstLoad?: ((outcome: LoadOutcome) => void) | undefined;
}

/** The modules leaders have written: each with its published version and whether its draft has unpublished changes. */
export function ModulesView({ client, moduleId, onOpen, onFirstLoad }: ModulesViewProps) {
  const t = adminText.useText();
  const styles = useStyles();
  const load = useCallback((signal: AbortSignal) => modulesApi.list(client, signal), [client]);
  const { state, reload } = useLoaded(load, onFirstLoad);
  const modules = state.status === 'ready' ? state.data : [];
  const open = moduleId === 'new' ? null : modules.find((module) => module.id === moduleId);

  if (moduleId && (moduleId === 'new' || open)) {
    return (
      <ModuleEditor
        key={moduleId}
        client={client}
        module={open ?? null}
        onSaved={() => void reload()}
        onClose={() => onOpen(undefined)}
      />
    );
  }

  return (
    <section className={styles.view} aria-label={t('view.modules')}>
      <div>
        <Button appearance="primary" onClick={() => onOpen('new')}>
          {t('modules.new')}
        </Button>
      </div>
      {state.status === 'loading' && <Spinner label={t('modules.loading')} />}
      {state.status === 'error' && (
        <MessageBar intent="error" layout="multiline" role="alert">
          <MessageBarBody>{t('modules.loadFailed', { reason: whatWentWrong(state.error) })}</MessageBarBody>
        </MessageBar>
      )}
      {state.status === 'ready' && modules.length === 0 && <Body1 as="p">{t('modules.none')}</Body1>}
      {modules.length > 0 && (
        <ul className={styles.list} aria-label={t('modules.list')}>
          {modules.map((module) => {
            const latest = module.versions.at(-1);
            return (
              <li key={module.id}>
                <Card className={styles.card}>
                  <div className={styles.info}>
                    <Body1 dir="auto">
                      <strong>{module.content.title}</strong>
                    </Body1>
                    <Caption1>
                      {t('modules.facts', { sections: module.content.sections.length, checks: module.content.questions.length, minutes: module.content.estimatedMinutes })}
                    </Caption1>
                    <div className={styles.badges}>
                      <Badge appearance="tint" color={latest ? 'success' : 'subtle'}>
                        {latest ? t('modules.published', { version: latest.version }) : t('modules.notPublished')}
                      </Badge>
                      {latest && module.hasUnpublishedChanges && (
                        <Badge appearance="tint" color="warning">
                          {t('modules.unpublished')}
                        </Badge>
                      )}
                    </div>
                  </div>
                  <Button onClick={() => onOpen(module.id)} aria-label={t('modules.editNamed', { title: module.content.title })}>
                    {t('modules.edit')}
                  </Button>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
