/**
 * Types of the pdf domain: a report exported as a PDF an analyst can send. Main assembles a
 * {@link PrintDocument} (the report, its figures computed from the archive, chart bars, chosen notes);
 * the renderer's print view lays it out for paper; Chromium's own engine prints it.
 */
import type { MetricsPanel } from './analytics';
import type { ReportVerification } from './claims';
import type { DataIssue } from './archive';
import type { TradingDate } from './domain';
import type { Note } from './notes';
import type { Report } from './reports';
import type { DateFormat, PageSize } from './settings';

/** Which notes go in the appendix: all of them, none, or those chosen (by id). */
export type PdfNotes = 'all' | 'none' | number[];

/** What an export asks for. */
export interface PdfRequest {
  reportId: number;
  notes: PdfNotes;
  /** Paper size; the settings' when not given. */
  pageSize?: PageSize;
  /** Tickers to chart, in the report's order; every related ticker with data when not given. */
  charts?: string[];
  /** Append a table of every figure the prose states with its verdict and source bars. */
  figuresTable?: boolean;
}

/** One related ticker's row of the PDF's tickers table, over the report's window. */
export interface PrintTickerRow {
  ticker: string;
  name: string | null;
  /** False when the archive holds no bars for it in the window. */
  hasData: boolean;
  /** The full panel over the window (null without data). */
  panel: MetricsPanel | null;
  /**
   * What the import flagged in the year up to the window's end (an unadjusted split, a rejected bar):
   * figures that reach across it say so in a footnote.
   */
  issues: DataIssue[];
}

/** One chart of the PDF: the bars it draws (numbers, null where missing) and the part it shows. */
export interface PrintChart {
  ticker: string;
  dates: TradingDate[];
  open: Array<number | null>;
  high: Array<number | null>;
  low: Array<number | null>;
  close: Array<number | null>;
  volume: Array<number | null>;
  /** The visible range; bars before it feed the moving average. */
  shownFrom: TradingDate;
  shownTo: TradingDate;
  /** The report's window, shaded (null without one). */
  window: { from: TradingDate; to: TradingDate } | null;
}

/** What the archive held when the PDF was made, so a reader knows how current its figures are. */
export interface ArchiveState {
  /** Newest bar date of the archive. */
  newestBar: TradingDate | null;
  /** When the latest import still in effect was committed (ISO time). */
  latestImport: string | null;
}

/** Everything the print view lays out; built in main, never fetched by the print view itself. */
export interface PrintDocument {
  report: Report;
  author: string;
  pageSize: PageSize;
  marginMm: number;
  /** How dates are written (the app's setting). */
  dateFormat: DateFormat;
  /** The window the figures were computed over (the report's, or its as-of day). */
  window: { from: TradingDate; to: TradingDate };
  tickers: PrintTickerRow[];
  charts: PrintChart[];
  notes: Note[];
  /** The report's figures checked against the archive: marks in the prose, and the table if asked. */
  verification: ReportVerification;
  figuresTable: boolean;
  archive: ArchiveState;
  /** ISO time the PDF was generated. */
  generatedAt: string;
  appVersion: string;
}

/** A finished export. */
export interface PdfExport {
  /** The suggested file name, e.g. `2026-01-11-small-caps-lead-the-rally.pdf`. */
  fileName: string;
  pages: number;
  bytes: number;
  /** Where the file was saved (desktop app); null when it was not saved by main. */
  path: string | null;
  /** True when the analyst cancelled the save dialog (nothing was written). */
  canceled: boolean;
  /** The PDF itself, base64, when main did not save it (browser host, CLI): the caller delivers it. */
  data: string | null;
}
