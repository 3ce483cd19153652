/** Types of the search domain: one box (Ctrl/Cmd+K) over reports, notes, tickers and watchlists. */

/** Every kind of thing search finds, once. */
export const SEARCH_KINDS = ['report', 'note', 'ticker', 'watchlist'] as const;
/** What a hit is. */
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** A run of a hit's text; `hit` marks the words that matched (the UI highlights them, never as HTML). */
export interface SearchSnippetPart {
  text: string;
  hit: boolean;
}

/** One search result. */
export interface SearchHit {
  kind: SearchKind;
  /** Report id, note id, watchlist id; for a ticker, 0. */
  id: number;
  /** The report a note belongs to; the report itself for a report hit. */
  reportId: number | null;
  /** The ticker symbol for ticker hits. */
  ticker: string | null;
  title: string;
  snippet: SearchSnippetPart[];
}
