import type { TaskSourceKind } from '@contracts';
import { createContext } from 'react';

/**
 * What the home view's one response says about Planner and To Do, for the panel the shell puts
 * inside the home view: whether the API offers them and which the person connected. The panel then
 * asks the API nothing on load unless a source is connected (the sync needs the person's request).
 * Undefined outside the home view: the panel asks for itself.
 */
export interface TaskSourcesHint {
  offered: boolean;
  connected: readonly TaskSourceKind[];
}

export const TaskSourcesHintContext = createContext<TaskSourcesHint | undefined>(undefined);
