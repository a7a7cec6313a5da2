import { useFocusFinders } from '@fluentui/react-components';

/** Holds a reference to Fluent's focus manager (tabster) for as long as the tab is open; see keep-tabster.tsx. */
export default function TabsterKeeper() {
  useFocusFinders();
  return null;
}
