/** Types of the settings domain: what Breadth remembers between runs and the renderer may change. */
import { DEFAULT_BASIS, PRICE_BASES, THEMES, VIEWS, type PriceBasis, type Theme, type TradingDate, type ViewName } from './domain';

/** A calendar date `YYYY-MM-DD`, as the settings file's schema checks it. */
const ISO_DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

/** The window presets analysts use, in the Chart, Analytics, the watchlists and compare alike. */
export const WINDOW_PRESETS = ['1M', '3M', '6M', 'YTD', '1Y', '5Y', 'Max'] as const;
/** One window preset: a span ending on the last bar (Max: every bar). */
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

/** How the analysis window was chosen: the open report's (1Y without one), a preset, or dates typed in. */
export const WINDOW_CHOICES = ['Report', ...WINDOW_PRESETS, 'Custom'] as const;
/** One way of choosing the analysis window. */
export type WindowChoice = (typeof WINDOW_CHOICES)[number];

/**
 * The analysis window, one for every view and kept across tickers, tabs and starts: `Report` follows the
 * open report's window (opening a report sets it back to this), a preset ends on the last bar shown,
 * `Custom` is `from` → `to`.
 */
export interface AnalysisWindowChoice {
  choice: WindowChoice;
  /** The first day of a `Custom` window (kept, unused, for the others). */
  from: TradingDate | null;
  /** The last day of a `Custom` window. */
  to: TradingDate | null;
}

/** How dates are written across the app: ISO by default. */
export const DATE_FORMATS = ['iso', 'medium', 'dmy', 'mdy'] as const;
/** One date format. */
export type DateFormat = (typeof DATE_FORMATS)[number];
/** What each date format looks like, for the setting's menu. */
export const DATE_FORMAT_EXAMPLES: Record<DateFormat, string> = {
  iso: 'ISO 2026-01-09',
  medium: 'Jan 9, 2026',
  dmy: '09.01.2026',
  mdy: '01/09/2026',
};

/** Every paper size a PDF can be exported on, once. */
export const PAGE_SIZES = ['a4', 'letter'] as const;
/** Paper size of exported PDFs. */
export type PageSize = (typeof PAGE_SIZES)[number];

/** Bounds of the PDF page margin, in millimetres. */
export const MARGIN_MM = { min: 5, max: 40 } as const;

/** Longest author name kept for PDFs. */
export const AUTHOR_MAX = 120;

/** Settings the renderer may read and change. */
export interface UiSettings {
  theme: Theme;
  lastView: ViewName;
  /** The ticker last shown in the chart, if any. */
  lastTicker: string | null;
  /** The report last open (its window drives the chart, analytics and watchlists), if any. */
  lastReport: number | null;
  /** Author printed on exported PDFs (empty: none). */
  author: string;
  /** Paper size of exported PDFs. */
  pageSize: PageSize;
  /** Page margin of exported PDFs, millimetres. */
  marginMm: number;
  /** Whether a first start on an empty archive loads the sample report and its prices. */
  loadSample: boolean;
  /** The price basis chosen for every view (Chart, Analytics, watchlists, compare), kept across starts. */
  basis: PriceBasis;
  /** The analysis window of every view (Chart, Analytics, watchlists, compare), kept across starts. */
  analysisWindow: AnalysisWindowChoice;
  /** How dates are written in tables, legends, history and summaries. */
  dateFormat: DateFormat;
}

/** Defaults for a first start. */
export const uiDefaults: UiSettings = {
  theme: 'system',
  lastView: 'overview',
  lastTicker: null,
  lastReport: null,
  author: '',
  pageSize: 'a4',
  marginMm: 15,
  loadSample: true,
  basis: DEFAULT_BASIS,
  analysisWindow: { choice: 'Report', from: null, to: null },
  dateFormat: 'iso',
};

/** The keys of {@link UiSettings}, once. */
export const UI_SETTING_KEYS = Object.keys(uiDefaults) as Array<keyof UiSettings>;

/**
 * JSON schema of the UI settings, derived from the same lists as the contract's zod schema; handed to
 * electron-store/conf so a hand-edited file with bad values is refused.
 */
export const uiSettingsJsonSchema = {
  theme: { type: 'string', enum: [...THEMES] },
  lastView: { type: 'string', enum: [...VIEWS] },
  lastTicker: { type: ['string', 'null'], maxLength: 24 },
  lastReport: { type: ['integer', 'null'], minimum: 1 },
  author: { type: 'string', maxLength: AUTHOR_MAX },
  pageSize: { type: 'string', enum: [...PAGE_SIZES] },
  marginMm: { type: 'number', minimum: MARGIN_MM.min, maximum: MARGIN_MM.max },
  loadSample: { type: 'boolean' },
  basis: { type: 'string', enum: [...PRICE_BASES] },
  analysisWindow: {
    type: 'object',
    properties: {
      choice: { type: 'string', enum: [...WINDOW_CHOICES] },
      from: { type: ['string', 'null'], pattern: ISO_DATE_PATTERN },
      to: { type: ['string', 'null'], pattern: ISO_DATE_PATTERN },
    },
    required: ['choice', 'from', 'to'],
    additionalProperties: false,
  },
  dateFormat: { type: 'string', enum: [...DATE_FORMATS] },
} as const;
