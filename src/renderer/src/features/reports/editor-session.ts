import type { ReportDraft } from '@shared/reports';
import { useLocalState } from '@renderer/lib/local-state';

/**
 * A report being written: a new one (`id` null, perhaps proposed from pasted text) or an edit of a
 * stored one. Kept in the renderer's local storage, so a draft survives a reload or a crash.
 */
export interface EditorSession {
  id: number | null;
  draft: ReportDraft;
  /** The `updatedAt` the edit started from (a save after another window's is refused). */
  baseUpdatedAt?: string;
  /** What the reader of pasted text could not decide. */
  warnings?: string[];
  /** Ticker-like words of the text that the archive does not hold. */
  unknownTickers?: string[];
}

/** An empty report dated today. */
export function blankDraft(today = new Date().toISOString().slice(0, 10)): ReportDraft {
  return {
    title: '',
    asOf: today,
    market: 'US Stock',
    sentiment: 'Neutral',
    tags: [],
    tickers: [],
    window: null,
    sections: [{ id: 'summary', heading: 'Summary', markdown: '' }],
    references: [],
  };
}

/** The report being written, shared by the sidebar (New, From text) and the report view. */
export function useEditorSession(): [EditorSession | null, (s: EditorSession | null) => void] {
  return useLocalState<EditorSession | null>('report.editor', null);
}
