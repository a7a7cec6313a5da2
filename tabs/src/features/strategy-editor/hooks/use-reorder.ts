import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../../app/api-client';
import { whatWentWrong } from '../../../app/error-text';
import type { EditableStrategy } from '../api/schemas';
import { moveBy, movedAnnouncement } from '../reorder';

/**
 * Moves strategies one step at a time (buttons, so keyboards and screen readers can do it), shows
 * the new order at once, saves it in one request, and says what happened in a live region.
 */
export function useReorder(
  strategies: EditableStrategy[],
  save: (order: { id: string; etag: string }[]) => Promise<void>,
  reload: () => Promise<void>,
) {
  const [shown, setShown] = useState(strategies);
  const [busy, setBusy] = useState(false);
  const [announcement, setAnnouncement] = useState<string | null>(null);

  useEffect(() => setShown(strategies), [strategies]);

  const move = useCallback(
    async (index: number, delta: -1 | 1) => {
      const moved = shown[index];
      if (busy || !moved) return;
      const next = moveBy(shown, index, delta);
      if (next[index] === moved) return;
      setShown(next);
      setBusy(true);
      setAnnouncement(movedAnnouncement(moved.title, index + delta + 1, next.length));
      try {
        await save(next.map(({ id, etag }) => ({ id, etag })));
      } catch (error) {
        setShown(shown);
        setAnnouncement(
          error instanceof ApiError && error.status === 412
            ? 'Someone else changed the strategies meanwhile, so the order was not saved. We loaded the latest order: move it again if still needed.'
            : `The order was not saved. ${whatWentWrong(error)}`,
        );
      } finally {
        setBusy(false);
        await reload();
      }
    },
    [busy, reload, save, shown],
  );

  return { shown, busy, announcement, move };
}
