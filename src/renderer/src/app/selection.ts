import { createContext, useContext } from 'react';
import type { ViewName } from '@shared/domain';

/** What the window is looking at: the view of the main pane and the selected ticker. */
export interface Selection {
  view: ViewName;
  ticker: string | null;
  /** Shows a view (and remembers it for the next start). */
  setView(view: ViewName): void;
  /** Selects a ticker (and remembers it); `show` also switches to the chart. */
  selectTicker(ticker: string, options?: { show?: boolean }): void;
}

/** The selection, shared by the sidebar, the main pane's views and the notes panel. */
export const SelectionContext = createContext<Selection | null>(null);

/** Reads the selection; only valid inside the App. */
export function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('useSelection outside SelectionContext');
  return s;
}
