import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { EditableStrategy } from '../api/schemas';
import { strategyEditorText } from '../messages';
import { moveBy, movedAnnouncement } from '../reorder';

/**
 * Moves strategies one step at a time (buttons, so keyboards and screen readers can do it), shows
 * the new order at once, saves it in one request, and says what happened (`announce`, a toast).
 */
export function useReorder(
  strategies: EditableStrategy[],
  save: (order: { id: string; etag: string }[]) => Promise<void>,
  reload: () => Promise<void>,
  announce: (text: string, failed: boolean) => void,
) {
  const [shown, setShown] = useState(strategies);
  const [busy, setBusy] = useState(false);

  useEffect(() => setShown(strategies), [strategies]);

  const move = useCallback(
    async (index: number, delta: -1 | 1) => {
      const moved = shown[index];
      if (busy || !moved) return;
      const next = moveBy(shown, index, delta);
      if (next[index] === moved) return;
      setShown(next);
      setBusy(true);
      try {
        await save(next.map(({ id, etag }) => ({ id, etag })));
        announce(movedAnnouncement(moved.title, index + delta + 1, next.length), false);
      } catch (error) {
        setShown(shown);
        announce(
          error instanceof ApiError && error.status === 412
            ? strategyEditorText.text('reorder.conflict')
            : strategyEditorText.text('reorder.failed', { why: whatWentWrong(error) }),
          true,
        );
      } finally {
        setBusy(false);
        await reload();
      }
    },
    [announce, busy, reload, save, shown],
  );

  return { shown, busy, move };
}
