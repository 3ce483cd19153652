/**
 * Types of the claims domain: figures a report's prose states, bound to a computation over the archive
 * and checked against it, and plain questions read the same way and answered with computed figures.
 */
import type { PriceBasis, TradingDate } from './domain';
import type { ReturnKind } from './analytics';

/** Every metric a claim can state, once. */
export const CLAIM_METRICS = [
  'return',
  'oneDay',
  'dailyVolatility',
  'annualizedVolatility',
  'averageVolume',
  'close',
  'sma20',
  'sma50',
  'sma200',
  'allTimeHigh',
  'high52w',
  'low52w',
  'breadthAbove20',
  'breadthAbove50',
  'breadthAbove200',
] as const;
/** What a claim states about its subject. */
export type ClaimMetric = (typeof CLAIM_METRICS)[number];

/** Each metric in words, as the panel, the answers and the PDF name it. */
export const METRIC_LABELS: Readonly<Record<ClaimMetric, string>> = {
  return: 'return',
  oneDay: 'one-day change',
  dailyVolatility: 'daily volatility',
  annualizedVolatility: 'annualised volatility',
  averageVolume: 'average volume',
  close: 'close',
  sma20: '20-day average',
  sma50: '50-day average',
  sma200: '200-day average',
  allTimeHigh: 'all-time high',
  high52w: '52-week high',
  low52w: '52-week low',
  breadthAbove20: 'share of the universe above its 20-day average',
  breadthAbove50: 'share of the universe above its 50-day average',
  breadthAbove200: 'share of the universe above its 200-day average',
};

/** A metric of the universe (the report's related tickers) rather than of one ticker. */
export const isBreadthMetric = (m: ClaimMetric): m is 'breadthAbove20' | 'breadthAbove50' | 'breadthAbove200' => m.startsWith('breadth');

/** A metric stated as a percentage (returns, changes, volatilities). */
export const isPercentMetric = (m: ClaimMetric): boolean =>
  m === 'return' || m === 'oneDay' || m === 'dailyVolatility' || m === 'annualizedVolatility' || isBreadthMetric(m);

/** A metric of one day (a level, or the day's change) rather than of a window. */
export const isDayMetric = (m: ClaimMetric): boolean =>
  (!isPercentMetric(m) && m !== 'averageVolume') || m === 'oneDay' || isBreadthMetric(m);

/** How a claim's stated figure compares with the archive, once. */
export const VERDICTS = ['holds', 'otherBasis', 'differs', 'unchecked'] as const;
/**
 * `holds` at the precision it was stated with; `otherBasis` holds only on another return kind or price
 * basis (the note says which); `differs` (computed value and difference in the note); `unchecked`: the
 * archive lacks what it needs (the note says what to import).
 */
export type Verdict = (typeof VERDICTS)[number];

/** One figure stated in prose, bound to a computation. */
export interface Claim {
  /** The words of the claim as they read in the report (its sentence). */
  text: string;
  /** Where in the sentence the stated figure is (for marks): the figure's own characters. */
  figure: string;
  /** The section the claim is in (null for a question). */
  section: string | null;
  /** The words that named the subject ("the Russell 2000", "IWM"). */
  subject: string;
  /** The ticker the subject resolved to (null when no alias or symbol resolves it). */
  ticker: string | null;
  /** For a breadth figure ("62 % of the universe closed above its 50-day average"): the members, the report's related tickers. */
  universe?: string[];
  metric: ClaimMetric;
  /** The window a return or volatility is over; for a one-day figure or a level, `from = to` = its day. */
  window: { from: TradingDate; to: TradingDate };
  /** The basis the claim is checked on first (as-traded unless the prose says adjusted). */
  basis: PriceBasis;
  /** For returns: the kind checked first. */
  returnKind: ReturnKind | null;
  /** The stated value in the metric's unit (a return as a fraction, a volume in shares, a level in points); for a bare computation, the computed value. */
  stated: number;
  /** Decimal places the figure was stated with (its precision). */
  decimals: number;
  /** True when the prose hedges it ("about", "around", "nearly"): one unit of its last place is allowed. */
  approximate: boolean;
  /**
   * Written as a computation in the Markdown, `{{return ^RUT 2025-12-01..2026-01-09 openToClose}}` (the
   * page shows the computed value in its place) or with a stated value, `{{5.72 % = return ^RUT …}}`.
   * `figure` is then the whole token; `stated` is null for a bare computation.
   */
  explicit?: { display: boolean };
}

/** Every decision the analyst can take on a proposed claim, once ('proposed': none yet). */
export const CLAIM_REVIEWS = ['proposed', 'accepted', 'rejected', 'edited'] as const;
/** What the analyst decided of a claim the reader proposed. */
export type ClaimReview = (typeof CLAIM_REVIEWS)[number];

/** What an edit may change of a proposed claim. */
export interface ClaimEdit {
  ticker?: string;
  metric?: ClaimMetric;
  window?: { from: TradingDate; to: TradingDate };
  basis?: PriceBasis;
  returnKind?: ReturnKind;
}

/** A claim with its verdict. */
export interface CheckedClaim extends Claim {
  /** Its identity across checks and edits of the prose around it: section, subject, metric, figure, occurrence. */
  key: string;
  /** What the analyst decided; a rejected claim is not checked, marked or counted. */
  review: ClaimReview;
  /** The value computed from the archive on the claim's own basis (null when it cannot be computed). */
  computed: number | null;
  verdict: Verdict;
  /** Why: the difference, the basis it holds on, what to import, a date that is not a trading day. */
  note: string;
  /** How the value was computed: formula, bars, first and last bar. */
  how: string | null;
  /** For a computation written in the Markdown: the computed value as the page shows it. */
  display?: string;
}

/** An order a sentence states: "A led with x %, followed by B at y %". */
export interface ComparisonClaim {
  text: string;
  section: string | null;
  /** Subjects in the stated order, first = stated highest. */
  order: Array<{ subject: string; ticker: string | null; stated: number }>;
  /** The order the computed figures give (same subjects). */
  computedOrder: string[];
  verdict: Verdict;
  note: string;
}

/** A report's claims checked against the archive. */
export interface ReportVerification {
  report: { id: number; title: string; asOf: TradingDate; window: { from: TradingDate; to: TradingDate } | null };
  claims: CheckedClaim[];
  comparisons: ComparisonClaim[];
  counts: Record<Verdict, number>;
}

/** A name the reader resolves to a ticker ("Russell 2000" → ^RUT). */
export interface ClaimAlias {
  name: string;
  ticker: string;
}

/** The answer to a plain question. */
export interface Answer {
  question: string;
  /** False when the question could not be read; `suggestions` then lists forms that can. */
  understood: boolean;
  /** One sentence answering the question. */
  answer: string;
  /** The figures behind it, each with how it was computed. */
  figures: Array<{
    ticker: string;
    metric: ClaimMetric;
    window: { from: TradingDate; to: TradingDate };
    value: number | null;
    how: string;
  }>;
  /** A small table for comparisons and rankings. */
  table: { columns: string[]; rows: Array<Array<string | number | null>> } | null;
  /** Closes over the window of each ticker answered about (a small chart), oldest first. */
  series: Array<{ ticker: string; dates: TradingDate[]; closes: Array<number | null> }>;
  suggestions: string[];
}

/** A verdict that changed when the archive did (after an import or its undo). */
export interface VerdictChange {
  reportId: number;
  title: string;
  /** Which figure: "^IXIC return 2.15 %". */
  claim: string;
  from: Verdict;
  to: Verdict;
}
