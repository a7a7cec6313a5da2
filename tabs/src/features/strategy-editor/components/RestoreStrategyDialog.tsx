import { useState } from 'react';
import type { SaveOutcome } from '../../../app/save-outcome';
import { FormDialog } from '../../../components/FormDialog';
import type { EditableStrategy } from '../api/schemas';

interface Props {
  strategy: EditableStrategy;
  restore(): Promise<SaveOutcome>;
  onClose(changed: boolean): void;
}

/** Restoring an archived strategy asks first: it comes back on everyone's map, and teams may link work to it again. */
export default function RestoreStrategyDialog({ strategy, restore, onClose }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    setBusy(true);
    const outcome = await restore();
    setBusy(false);
    if (outcome.kind === 'done') return onClose(true);
    setError(
      outcome.kind === 'conflict'
        ? `${outcome.recentChanges[0]?.actor.displayName ?? 'Someone else'} changed it meanwhile, so it was not restored. Close to load their version, then try again.`
        : (outcome.message ?? 'It could not be restored.'),
    );
  };
  return (
    <FormDialog title={`Restore ${strategy.title}?`} submitLabel="Restore" busy={busy} error={error} onSubmit={run} onClose={() => onClose(false)} confirm layout="message" size="narrow">
      <p>It becomes an active strategy again, last in the order of focus, and everyone sees it on their map. Tasks that still point at it count as linked again.</p>
    </FormDialog>
  );
}
