import { createContext, useContext } from 'react';
import type { PriceBasis, ViewName } from '@shared/domain';
import type { AnalysisWindowChoice } from '@shared/settings';

/** What the window is looking at: the view of the main pane, the selected ticker and the open report. */
export interface Selection {
  view: ViewName;
  ticker: string | null;
  /** The open report: its window is the Chart's, Analytics' and the watchlists' until another is picked. */
  reportId: number | null;
  /** The note the notes panel should bring into view and focus (a chart marker or a search hit). */
  focusNoteId: number | null;
  /** The price basis of every view (Chart, Analytics, watchlists, compare); kept across tickers, tabs and starts. */
  basis: PriceBasis;
  setBasis(basis: PriceBasis): void;
  /**
   * The analysis window of every view (Chart, Analytics, watchlists, compare): kept across tickers, tabs
   * and starts; opening a report sets it back to following the report's window.
   */
  window: AnalysisWindowChoice;
  setWindow(window: AnalysisWindowChoice): void;
  /** Shows a view (and remembers it for the next start). */
  setView(view: ViewName): void;
  /** Selects a ticker (and remembers it); `show` also switches to the chart. */
  selectTicker(ticker: string, options?: { show?: boolean }): void;
  /**
   * Opens a report (and remembers it): its watchlist becomes the open one, its first ticker the
   * selected one unless the selection is already among its tickers; `show: false` keeps the view.
   */
  openReport(id: number, options?: { show?: boolean; tickers?: string[] }): void;
  /** Closes the open report (its window no longer drives the other views). */
  closeReport(): void;
  /** Opens a note: its report, the notes panel on it. */
  openNote(noteId: number, reportId: number): void;
}

/** The selection, shared by the sidebar, the main pane's views and the notes panel. */
export const SelectionContext = createContext<Selection | null>(null);

/** Reads the selection; only valid inside the App. */
export function useSelection(): Selection {
  const s = useContext(SelectionContext);
  if (!s) throw new Error('useSelection outside SelectionContext');
  return s;
}
