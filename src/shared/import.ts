/**
 * Types of the import domain: what the detector understood, what each file and ticker came to, the
 * import history. The contract (`contract/import.ts`) carries only the schemas and channels.
 */

/**
 * A file the import may read, as main handed it out (open dialog, a staged drop, the CLI's arguments):
 * the renderer refers to it by `fileId` and never by path.
 */
export interface ImportFileHandle {
  fileId: string;
  /** The name the user knows it by. */
  name: string;
  size: number;
}

/** Where a price file's layout came from. */
export type ImportProvider =
  'yahoo' | 'yfinance' | 'stooq' | 'nasdaq' | 'investing' | 'alphavantage' | 'tiingo' | 'barchart' | 'generic';

/** Each provider's name as every screen spells it (the preview, the history, the summary). */
export const PROVIDER_NAMES: Record<ImportProvider, string> = {
  yahoo: 'Yahoo Finance',
  yfinance: 'yfinance',
  stooq: 'Stooq / MetaStock',
  nasdaq: 'Nasdaq.com',
  investing: 'Investing.com',
  alphavantage: 'Alpha Vantage',
  tiingo: 'Tiingo',
  barchart: 'Barchart',
  generic: 'Generic CSV',
};

/** A provider's name for display; an unknown key (an older archive's) as it is. */
export function providerName(key: string): string {
  return (PROVIDER_NAMES as Record<string, string>)[key] ?? key;
}

/** Every conflict policy, once. */
export const CONFLICT_POLICIES = ['fail', 'replace', 'keep'] as const;
/** What to do with a row whose date already has a different bar in the archive. */
export type ConflictPolicy = (typeof CONFLICT_POLICIES)[number];

/** Field delimiters the importer reads. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
/** Decimal marks the importer reads. */
export const DECIMAL_MARKS = ['.', ','] as const;

/** Every date layout the importer reads; the CLI's `--date-format` takes one of these. */
export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'YYYY/MM/DD',
  'YYYY.MM.DD',
  'YYYYMMDD',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'MM/DD/YY',
  'DD/MM/YY',
  'MM-DD-YYYY',
  'DD-MM-YYYY',
  'MM-DD-YY',
  'DD-MM-YY',
  'MM.DD.YYYY',
  'DD.MM.YYYY',
  'MM.DD.YY',
  'DD.MM.YY',
  'MMM DD, YYYY',
  'DD MMM YYYY',
  'DD-MMM-YYYY',
  'DD-MMM-YY',
] as const;

/** One date layout, e.g. `MM/DD/YYYY`; days and months may have one or two digits. */
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The bar fields a column can be mapped to. */
export const BAR_FIELDS = ['date', 'ticker', 'open', 'high', 'low', 'close', 'adjClose', 'volume', 'dividend', 'split'] as const;

/** A bar field a column can be mapped to. */
export type BarField = (typeof BAR_FIELDS)[number];

/** Column index (0-based) of each bar field in the file; fields the file lacks are absent. */
export type ColumnMapping = Partial<Record<BarField, number>>;

/** What kind of problem a row has. */
export type IssueKind =
  | 'weekend'
  | 'holiday'
  | 'split'
  | 'flat'
  | 'zero-volume'
  | 'stray'
  | 'duplicate'
  | 'date'
  | 'price'
  | 'range'
  | 'volume'
  | 'columns'
  | 'conflicting-duplicate'
  /** A bar dated on its download day, taken while the market was open: its prices may not be final. */
  | 'snapshot';

/** One problem found in a file: warnings are imported, rejected rows never are. */
export interface ImportIssue {
  file: string;
  /** 1-based line number in the file. */
  line: number;
  /** The line as the file has it. */
  raw: string;
  severity: 'warning' | 'rejected';
  kind: IssueKind;
  reason: string;
  ticker: string | null;
  date: string | null;
}

/** A choice the importer cannot make alone; the user must answer it before importing. */
export type ImportAmbiguity =
  | { kind: 'date-format'; options: DateFormat[]; message: string }
  | { kind: 'ticker'; message: string }
  | { kind: 'mapping'; missing: BarField[]; message: string }
  | { kind: 'layout'; message: string };

/** What the detector understood about a file. */
export interface FileDetection {
  provider: ImportProvider;
  delimiter: string;
  decimalMark: '.' | ',';
  /** Null while the date layout is ambiguous or unknown. */
  dateFormat: DateFormat | null;
  /** Lines before the first data row (header lines). */
  headerLines: number;
  /** Column names as the file gives them (synthesised for headerless files). */
  header: string[];
  mapping: ColumnMapping;
  /** Whether the mapping was detected, remembered from an earlier hand mapping, or given now. */
  mappingSource: 'auto' | 'saved' | 'user';
  /** Normalised header layout under which hand mappings are remembered. */
  layoutKey: string;
  /** The ticker for files without a ticker column (null when the file has one or none is known). */
  ticker: string | null;
  tickerSource: 'column' | 'file-name' | 'user' | 'header' | null;
  /** True when the provider's OHLC come adjusted for splits/dividends (yfinance auto-adjust, stooq). */
  pricesAdjusted: boolean;
  /**
   * Several tickers side by side (yfinance `download([...])`, its header naming a ticker per column):
   * each ticker's own columns, imported as one ticker each. `mapping` is the first ticker's.
   */
  wide?: Array<{ ticker: string; mapping: ColumnMapping }>;
  /** The market given for the file (or the archive's for its ticker); null: each ticker's symbol suggests it. */
  market: string | null;
  /** Choices the user must make; the file is not imported while any remain. */
  needs: ImportAmbiguity[];
}

/** One parsed bar as the preview shows it. */
export interface PreviewBar {
  line: number;
  ticker: string;
  date: string;
  /** Null in a close-only series (index levels, NAVs, a date + value file). */
  open: number | null;
  high: number | null;
  low: number | null;
  close: number;
  adjClose: number | null;
  volume: number | null;
}

/** One field that would change if a conflicting row replaced the archive's bar. */
export interface FieldChange {
  field: 'open' | 'high' | 'low' | 'close' | 'adjClose' | 'volume';
  archive: number | null;
  file: number | null;
}

/** A row whose date already has a different bar in the archive. */
export interface BarConflict {
  ticker: string;
  date: string;
  line: number;
  changes: FieldChange[];
}

/** A warning or rejection as listed per ticker. */
export interface IssueRef {
  line: number;
  reason: string;
  kind: IssueKind;
  date: string | null;
  /** The line as the file has it (cut at 500 characters). */
  raw: string;
}

/** What happened to one ticker of one file. */
export interface TickerReport {
  ticker: string;
  /** Data rows of this ticker in the file (good, warned and rejected). */
  rows: number;
  /** Bars written (new and replacing). */
  imported: number;
  /** Bars that overwrote a different bar already in the archive. */
  replaced: number;
  /** Rows identical to the archive's bar (not conflicts, nothing written). */
  unchanged: number;
  /** Conflicting rows left as the archive had them (policy `keep`). */
  kept: number;
  firstDate: string | null;
  lastDate: string | null;
  warnings: IssueRef[];
  rejected: IssueRef[];
  /** The market its holidays were judged by (the file's option, the archive's, or the symbol's). */
  market: string;
  /** Said once for the ticker: e.g. that no holiday calendar is known for its market. */
  notes: string[];
}

/** Row counts of one file. */
export interface FileCounts {
  /** Data rows read (excluding header, blank and stray lines). */
  rows: number;
  /** Valid rows without warnings. */
  good: number;
  /** Valid rows with at least one warning. */
  warned: number;
  rejected: number;
  /** Lines that were not data (stray rows, footers), skipped with a warning. */
  skipped: number;
  imported: number;
  replaced: number;
  unchanged: number;
  kept: number;
  conflicts: number;
}

/** The outcome of previewing or importing one file. */
export interface FileResult {
  file: string;
  /** `checked`: preview/dry run, nothing written. */
  status: 'imported' | 'failed' | 'cancelled' | 'checked';
  importId: number | null;
  /** Why the file was not imported (null when it was, or for a clean check). */
  error: string | null;
  /** sha256 of the file's bytes, hex. */
  hash: string;
  detection: FileDetection;
  counts: FileCounts;
  tickers: TickerReport[];
  /** The first parsed rows, in file order. */
  firstRows: PreviewBar[];
  /** The first lines of the file as written (at most 12, each cut at 500 characters), for hand mapping. */
  sampleLines: string[];
  /** Up to 100 conflicts, field by field (all of them are counted in `counts.conflicts`). */
  conflicts: BarConflict[];
  /** Splits and dividends the file's own columns carry (yfinance Dividends / Stock Splits, Alpha Vantage
   * dividend_amount / split_coefficient, Tiingo divCash / splitFactor), recorded with the import. */
  actions: FileAction[];
}

/** A corporate action read from a file's row. */
export interface FileAction {
  line: number;
  ticker: string;
  kind: 'split' | 'dividend';
  date: string;
  /** New shares per old share (splits). */
  ratio: number | null;
  /** Cash per share (dividends). */
  amount: number | null;
}

/** One recorded import, as the history lists it. */
export interface ImportRecord {
  id: number;
  fileName: string;
  fileHash: string;
  provider: string;
  rowsTotal: number;
  rowsWritten: number;
  rowsReplaced: number;
  rowsRejected: number;
  rowsWarned: number;
  status: 'committed' | 'undone';
  createdAt: string;
  undoneAt: string | null;
  tickers: string[];
}

/** What undoing an import did. */
export interface UndoResult {
  id: number;
  /** Bars of the import deleted. */
  removed: number;
  /** Bars it had replaced, put back. */
  restored: number;
}

