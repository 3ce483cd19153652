/** Types of the reports domain: the research document at the centre of Breadth. */
import type { TradingDate } from './domain';

/** Every sentiment a report may carry, once. */
export const SENTIMENTS = ['Bullish', 'Bearish', 'Mixed', 'Neutral'] as const;
/** The stance of a report. */
export type Sentiment = (typeof SENTIMENTS)[number];

/** One numbered reference that the prose cites as `[n]`. */
export interface ReportReference {
  /** The number the prose cites, 1-based and unique within the report. */
  n: number;
  title: string;
  publisher: string | null;
  /** Publication date, `YYYY-MM-DD`, when known. */
  date: TradingDate | null;
  /** An http(s) URL, when known. */
  url: string | null;
}

/** One section of prose: a heading and its Markdown body. */
export interface ReportSection {
  /** A stable slug of the heading, unique within the report (anchors notes and links). */
  id: string;
  heading: string;
  /** Markdown; cites references as `[n]`. */
  markdown: string;
}

/** The analysis window of a report: both ends inclusive. */
export interface ReportWindow {
  from: TradingDate;
  to: TradingDate;
}

/** Everything the analyst writes in a report; what create/update take and Markdown files carry. */
export interface ReportDraft {
  title: string;
  asOf: TradingDate;
  /** e.g. `US Stock`. */
  market: string;
  sentiment: Sentiment;
  tags: string[];
  /** Related tickers, in the analyst's order (they form the report's watchlist). */
  tickers: string[];
  window: ReportWindow | null;
  sections: ReportSection[];
  references: ReportReference[];
}

/** A stored report. */
export interface Report extends ReportDraft {
  id: number;
  slug: string;
  /** True for the report of the sample archive. */
  sample: boolean;
  createdAt: string;
  updatedAt: string;
  /** When it was moved to the trash; null while it is in the library. */
  deletedAt: string | null;
}

/** One row of the report library. */
export interface ReportSummary {
  id: number;
  slug: string;
  title: string;
  asOf: TradingDate;
  market: string;
  sentiment: Sentiment;
  tags: string[];
  tickers: string[];
  window: ReportWindow | null;
  sample: boolean;
  noteCount: number;
  updatedAt: string;
  deletedAt: string | null;
}

/** What the library is filtered by; every field narrows, none set lists everything in the library. */
export interface ReportFilter {
  /** Words in the title, tags or tickers. */
  query?: string;
  tag?: string;
  ticker?: string;
  sentiment?: Sentiment;
  /** As-of date from (inclusive). */
  from?: TradingDate;
  /** As-of date to (inclusive). */
  to?: TradingDate;
  /** List the trash instead of the library. */
  trash?: boolean;
}

/** Values the library's filters can take, with how many reports carry each. */
export interface ReportFacets {
  tags: Array<{ value: string; count: number }>;
  tickers: Array<{ value: string; count: number }>;
  sentiments: Array<{ value: Sentiment; count: number }>;
}

/** A report proposed from pasted text, for the analyst to correct before saving. */
export interface ReportProposal {
  draft: ReportDraft;
  /** Ticker-like words of a "Related Stocks" list that the archive does not hold (left out of `draft.tickers`). */
  unknownTickers: string[];
  /** What the reader could not decide (no date line found, a citation with no reference…), in words. */
  warnings: string[];
}

/** Another report sharing tickers or tags with the one open. */
export interface RelatedReport {
  id: number;
  title: string;
  asOf: TradingDate;
  sentiment: Sentiment;
  sharedTickers: string[];
  sharedTags: string[];
}

/** A report as one Markdown file with front matter. */
export interface ReportMarkdown {
  /** A sensible file name, e.g. `2026-01-11-small-caps-lead-the-rally.md`. */
  fileName: string;
  markdown: string;
}
