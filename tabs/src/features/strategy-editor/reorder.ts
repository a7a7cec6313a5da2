import { strategyEditorText } from './messages';

/** Keyboard reordering: move one item by a step, and say where it went. */
export function moveBy<T>(items: readonly T[], index: number, delta: -1 | 1): T[] {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1);
  next.splice(target, 0, moved as T);
  return next;
}

export function movedAnnouncement(title: string, position: number, total: number): string {
  return strategyEditorText.text('reorder.moved', { title, position, total });
}
