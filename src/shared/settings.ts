/** Types of the settings domain: what Breadth remembers between runs and the renderer may change. */
import { DEFAULT_BASIS, PRICE_BASES, THEMES, VIEWS, type PriceBasis, type Theme, type ViewName } from './domain';

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
} as const;
