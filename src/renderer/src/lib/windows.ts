import type { TradingDate } from '@shared/domain';

/** The window presets analysts use. */
export const WINDOW_PRESETS = ['1M', '3M', '6M', 'YTD', '1Y', '5Y', 'Max'] as const;
/** One window preset. */
export type WindowPreset = (typeof WINDOW_PRESETS)[number];

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
