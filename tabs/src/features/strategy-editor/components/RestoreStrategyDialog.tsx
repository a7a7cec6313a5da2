import { useState } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import { FormDialog } from '../../../components/FormDialog';
import type { EditableStrategy } from '../api/schemas';
import { strategyEditorText } from '../messages';

interface Props {
  strategy: EditableStrategy;
  restore(): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/** Restoring an archived strategy asks first: it comes back on everyone's map, and teams may link work to it again. */
export default function RestoreStrategyDialog({ strategy, restore, onClose }: Props) {
  const t = strategyEditorText.useText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const outcome = await restore();
    setBusy(false);
    if (outcome.kind === 'done') return onClose(true);
    setError(
      outcome.kind === 'conflict'
        ? t('restore.conflict', { name: outcome.recentChanges[0]?.actor.displayName ?? t('history.someoneElse') })
        : (outcome.message ?? t('restore.failed')),
    );
  };
  return (
    <FormDialog title={t('restore.title', { title: strategy.title })} submitLabel={t('archived.restore')} busy={busy} error={error} onSubmit={run} onClose={() => onClose(false)} confirm layout="message" size="narrow">
      <p>{t('restore.body')}</p>
    </FormDialog>
  );
}
