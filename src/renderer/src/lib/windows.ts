import type { TradingDate } from '@shared/domain';
import type { AnalysisWindowChoice, WindowPreset } from '@shared/settings';

const MONTHS: Record<Exclude<WindowPreset, 'YTD' | 'Max'>, number> = { '1M': 1, '3M': 3, '6M': 6, '1Y': 12, '5Y': 60 };

/** `date` moved by whole months, clamped to the month's last day (Mar 31 − 1M = Feb 28/29). */
export function addMonths(date: TradingDate, months: number): TradingDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The `from` date of a preset ending at `to`: the same calendar day that many months earlier plus one
 * day (so 1M ending Jan 9 starts Dec 10), Jan 1 for YTD, and `first` (the ticker's first bar) for Max.
 */
export function presetFrom(preset: WindowPreset, to: TradingDate, first: TradingDate): TradingDate {
  if (preset === 'Max') return first;
  if (preset === 'YTD') return `${to.slice(0, 4)}-01-01`;
  const back = addMonths(to, -MONTHS[preset]);
  const next = new Date(`${back}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  const from = next.toISOString().slice(0, 10);
  return from < first ? first : from;
}

/** The preset shown when the window follows the open report and none is open. */
export const FALLBACK_PRESET: WindowPreset = '1Y';

/** An analysis window made concrete for one series: what is shown as chosen, and its dates. */
export interface ResolvedWindow {
  /** 'Report' (the open report's window), a preset, or 'Custom' (dates typed in). */
  shown: 'Report' | WindowPreset | 'Custom';
  from: TradingDate;
  to: TradingDate;
}

/**
 * The shared window choice for a series from `first` to `last`: the report's window when it follows the
 * open report (1Y without one), a preset ending on `last`, or the custom dates.
 */
export function resolveWindow(
  w: AnalysisWindowChoice,
  report: { from: TradingDate; to: TradingDate } | null,
  first: TradingDate,
  last: TradingDate,
): ResolvedWindow {
  if (w.choice === 'Custom' && w.from && w.to) return { shown: 'Custom', from: w.from, to: w.to };
  if (w.choice === 'Report' && report) return { shown: 'Report', from: report.from, to: report.to };
  const preset = w.choice === 'Report' || w.choice === 'Custom' ? FALLBACK_PRESET : w.choice;
  return { shown: preset, from: presetFrom(preset, last, first), to: last };
}

/**
 * A span with one end set to `day`: a day past the other end moves that end too, so that a span can be
 * moved forward or back from either of its fields.
 */
export function withEnd(span: { from: string; to: string }, end: 'from' | 'to', day: string): { from: string; to: string };
export function withEnd(span: { from?: string | undefined; to?: string | undefined }, end: 'from' | 'to', day: string): { from: string | undefined; to: string | undefined };
export function withEnd(span: { from?: string | undefined; to?: string | undefined }, end: 'from' | 'to', day: string): { from: string | undefined; to: string | undefined } {
  if (end === 'from') return { from: day, to: span.to !== undefined && day > span.to ? day : span.to };
  return { from: span.from !== undefined && day < span.from ? day : span.from, to: day };
}
