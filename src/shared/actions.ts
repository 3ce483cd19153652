/**
 * Corporate actions: the splits and dividends of a ticker, from which Breadth computes its price bases
 * (as traded, split-adjusted, total return) itself instead of trusting a provider's adjustment.
 */
import type { TradingDate } from './domain';

/** Every kind of corporate action, once. */
export const ACTION_KINDS = ['split', 'dividend'] as const;
/** A split (shares multiplied by `ratio` on `date`) or a cash dividend (`amount` per share, ex on `date`). */
export type ActionKind = (typeof ACTION_KINDS)[number];

/** Where an action came from: a price file's columns, the analyst's hand, or a detected split confirmed. */
export const ACTION_SOURCES = ['file', 'manual', 'confirmed'] as const;
export type ActionSource = (typeof ACTION_SOURCES)[number];

/** One recorded corporate action. */
export interface CorporateAction {
  id: number;
  ticker: string;
  kind: ActionKind;
  /** The split's effective date or the dividend's ex-date: the first bar that trades on the new terms. */
  date: TradingDate;
  /** New shares per old share (a 2:1 split is 2, a 1:10 reverse split 0.1); null for a dividend. */
  ratio: number | null;
  /** Cash per share as traded on the ex-date; null for a split. */
  amount: number | null;
  source: ActionSource;
  /** The import that brought it (undone with it); null when entered by hand. */
  importId: number | null;
  createdAt: string;
}

/** A ticker's actions, with what the stored bars already reflect (for the panel's explanation). */
export interface TickerActions {
  ticker: string;
  actions: CorporateAction[];
  /** Whether the stored prices were adjusted by their provider (yfinance auto-adjust). */
  providerAdjusted: boolean;
}

/** `2` → `2:1`, `0.1` → `1:10`, `1.5` → `3:2`: how a split ratio reads. */
export function formatRatio(ratio: number): string {
  if (ratio >= 1) {
    for (let d = 1; d <= 20; d++) {
      const n = ratio * d;
      if (Math.abs(n - Math.round(n)) < 1e-9) return `${Math.round(n)}:${d}`;
    }
    return `${ratio}:1`;
  }
  return formatRatio(1 / ratio).split(':').reverse().join(':');
}

/**
 * Reads a split ratio as analysts write it: `2:1`, `2-for-1`, `3 for 2`, `1:10` (reverse), `2/1`, or a
 * plain factor (`2`, `0.5`). Returns new shares per old share, or null when it is not a ratio.
 */
export function parseRatio(text: string): number | null {
  const t = text.trim().toLowerCase();
  const m = /^(\d+(?:\.\d+)?)\s*(?::|\/|-?\s*for\s*-?)\s*(\d+(?:\.\d+)?)$/.exec(t);
  const v = m ? Number(m[1]) / Number(m[2]) : /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
  return Number.isFinite(v) && v > 0 && v !== 1 ? v : null;
}

/** One line for an action: `split 2:1 on 2025-11-17`, `dividend 0.842 ex 2025-12-16`. */
export function describeAction(a: Pick<CorporateAction, 'kind' | 'date' | 'ratio' | 'amount'>): string {
  return a.kind === 'split' ? `split ${formatRatio(a.ratio!)} on ${a.date}` : `dividend ${a.amount} ex ${a.date}`;
}
