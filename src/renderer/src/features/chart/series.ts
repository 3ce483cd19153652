/**
 * Pure data shaping for the chart and the watchlist: columnar bars → chart series, moving averages,
 * rebasing for compare mode, range presets and the legend's figures. No DOM, no
 * chart library at runtime, so it runs (and is tested) on plain Node.
 */
import type { CandlestickData, HistogramData, LineData, UTCTimestamp } from 'lightweight-charts';
import type { BarColumns, TradingDate } from '@shared/domain';
import { lowerBound } from '@shared/sorted-dates';
import type { WindowPreset } from '@shared/settings';

/** Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's days_from_civil). */
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `YYYY-MM-DD` → seconds since the epoch at 00:00 UTC (the chart's time axis); no Date objects. */
export function dateToTime(date: TradingDate): UTCTimestamp {
  const c = (i: number): number => date.charCodeAt(i) - 48;
  const y = c(0) * 1000 + c(1) * 100 + c(2) * 10 + c(3);
  const m = c(5) * 10 + c(6);
  const d = c(8) * 10 + c(9);
  return (daysFromCivil(y, m, d) * 86400) as UTCTimestamp;
}

/** Seconds since the epoch → `YYYY-MM-DD` (UTC). */
export function timeToDate(time: number): TradingDate {
  return new Date(time * 1000).toISOString().slice(0, 10);
}

/** The candlestick and volume series of one ticker, index-aligned with its bars. */
export interface ChartSeries {
  /** Chart time of each bar. */
  times: UTCTimestamp[];
  candles: CandlestickData<UTCTimestamp>[];
  /** Every finite close as a line point (what a close-only series draws). */
  closes: LineData<UTCTimestamp>[];
  /** Volume bars coloured by the candle's direction; empty when the ticker has no volume at all. */
  volumes: HistogramData<UTCTimestamp>[];
}

/**
 * Columnar bars → candlesticks and volume bars. Bars with a non-finite price are left out of the
 * candles (lightweight-charts rejects them); a missing volume is left out of the volume pane.
 */
export function toChartSeries(bars: BarColumns, colors: { up: string; down: string }): ChartSeries {
  const n = bars.dates.length;
  const times = new Array<UTCTimestamp>(n);
  const candles: CandlestickData<UTCTimestamp>[] = [];
  const closes: LineData<UTCTimestamp>[] = [];
  const volumes: HistogramData<UTCTimestamp>[] = [];
  const { open, high, low, close, volume } = bars;
  for (let i = 0; i < n; i++) {
    const time = dateToTime(bars.dates[i]!);
    times[i] = time;
    const o = open[i]!;
    const c = close[i]!;
    if (Number.isFinite(o) && Number.isFinite(high[i]!) && Number.isFinite(low[i]!) && Number.isFinite(c)) {
      candles.push({ time, open: o, high: high[i]!, low: low[i]!, close: c });
    }
    if (Number.isFinite(c)) closes.push({ time, value: c });
    const v = volume[i]!;
    if (Number.isFinite(v)) volumes.push({ time, value: v, color: !Number.isFinite(o) || c >= o ? colors.up : colors.down });
  }
  return { times, candles, closes, volumes };
}

/**
 * Simple moving average of `n` closes as a line: the value at bar i is the mean of closes i−n+1..i,
 * first drawn at bar n−1. A window holding a non-finite close yields no point (and is not bridged).
 */
export function smaLine(times: readonly UTCTimestamp[], close: Float64Array, n: number): LineData<UTCTimestamp>[] {
  const out: LineData<UTCTimestamp>[] = [];
  let sum = 0;
  let bad = 0;
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    if (Number.isFinite(c)) sum += c;
    else bad++;
    if (i >= n) {
      const old = close[i - n]!;
      if (Number.isFinite(old)) sum -= old;
      else bad--;
    }
    if (i >= n - 1 && bad === 0) out.push({ time: times[i]!, value: sum / n });
  }
  return out;
}

/** Index of the first date on or after `date` (dates ascending); `dates.length` when none is. */
export function indexOnOrAfter(dates: readonly TradingDate[], date: TradingDate): number {
  return lowerBound(dates, date);
}

/** Index of the last date on or before `date`; −1 when none is. */
export function indexOnOrBefore(dates: readonly TradingDate[], date: TradingDate): number {
  const i = indexOnOrAfter(dates, date);
  return i < dates.length && dates[i] === date ? i : i - 1;
}

/** A compare-mode line: percent change of close from the base close, and the base bar. */
export interface RebasedLine {
  ticker: string;
  /** Date of the base bar: the first bar on or after the chosen start (null when there is none). */
  baseDate: TradingDate | null;
  /** Percent values (0 at the base bar), from the base bar on, up to the end date when one is given. */
  points: LineData<UTCTimestamp>[];
  /** Date of the last point (null without a base bar). */
  lastDate?: TradingDate | null;
}

/**
 * Rebases a ticker's closes to 0 % at `start`: value = (close / base close − 1) × 100, where the base
 * is the first bar on or after `start` with a finite close. Bars before the base are left out, and
 * after `end` when one is given.
 */
export function rebaseCloses(bars: BarColumns, start: TradingDate, end?: TradingDate): RebasedLine {
  let i = indexOnOrAfter(bars.dates, start);
  while (i < bars.dates.length && !Number.isFinite(bars.close[i]!)) i++;
  if (i >= bars.dates.length) return { ticker: bars.ticker, baseDate: null, points: [] };
  const base = bars.close[i]!;
  const points: LineData<UTCTimestamp>[] = [];
  let lastDate: TradingDate = bars.dates[i]!;
  for (let j = i; j < bars.dates.length && (!end || bars.dates[j]! <= end); j++) {
    const c = bars.close[j]!;
    if (Number.isFinite(c)) {
      points.push({ time: dateToTime(bars.dates[j]!), value: (c / base - 1) * 100 });
      lastDate = bars.dates[j]!;
    }
  }
  return { ticker: bars.ticker, baseDate: bars.dates[i]!, points, lastDate };
}

/** What the legend shows for the bar under the crosshair. */
export interface LegendBar {
  date: TradingDate;
  open: number;
  high: number;
  low: number;
  close: number;
  /** close − previous close, and that as a fraction of the previous close (null on the first bar). */
  change: number | null;
  changePct: number | null;
  /** Null where the file had no volume. */
  volume: number | null;
}

/** The legend's figures for bar `i` (null when there is no such bar). */
export function legendAt(bars: BarColumns, i: number): LegendBar | null {
  if (i < 0 || i >= bars.dates.length) return null;
  const close = bars.close[i]!;
  const prev = i > 0 ? bars.close[i - 1]! : NaN;
  const ok = Number.isFinite(prev) && prev !== 0;
  const v = bars.volume[i]!;
  return {
    date: bars.dates[i]!,
    open: bars.open[i]!,
    high: bars.high[i]!,
    low: bars.low[i]!,
    close,
    change: ok ? close - prev : null,
    changePct: ok ? close / prev - 1 : null,
    volume: Number.isFinite(v) ? v : null,
  };
}

/** The range presets of the chart. */
/** One range preset; `Window` is a given window (the open report's, a checked figure's, dates typed in). */
export type RangePreset = WindowPreset | 'Window';

function shiftDate(date: TradingDate, months: number): TradingDate {
  const y = +date.slice(0, 4);
  const m = +date.slice(5, 7) - 1 + months;
  const d = +date.slice(8, 10);
  const ty = y + Math.floor(m / 12);
  const tm = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(ty, tm + 1, 0)).getUTCDate();
  return `${ty}-${String(tm + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The bar indices [from, to] (inclusive) a preset shows, counted back from the last bar: 1M/3M/6M/1Y/5Y
 * = the same calendar day that many months earlier (exclusive) to the last bar, YTD = the first bar of
 * the last bar's year, Max = every bar, Window = the given window. Null when no bar falls inside.
 */
export function presetRange(
  dates: readonly TradingDate[],
  preset: RangePreset,
  window?: { from: TradingDate; to: TradingDate } | null,
): { from: number; to: number } | null {
  const n = dates.length;
  if (n === 0) return null;
  const lastDate = dates[n - 1]!;
  let fromDate: TradingDate;
  let toIndex = n - 1;
  switch (preset) {
    case 'Max':
      return { from: 0, to: n - 1 };
    case 'YTD':
      fromDate = `${lastDate.slice(0, 4)}-01-01`;
      break;
    case 'Window': {
      if (!window) return null;
      fromDate = window.from;
      toIndex = indexOnOrBefore(dates, window.to);
      break;
    }
    default: {
      const months = { '1M': 1, '3M': 3, '6M': 6, '1Y': 12, '5Y': 60 }[preset];
      const start = shiftDate(lastDate, -months);
      const i = indexOnOrAfter(dates, start);
      const from = i < n && dates[i] === start ? i + 1 : i;
      return { from: Math.min(from, n - 1), to: n - 1 };
    }
  }
  const from = indexOnOrAfter(dates, fromDate);
  if (from > toIndex || toIndex < 0) return null;
  return { from, to: toIndex };
}

/** From this many bars on, the chart first gets only the bars around the range shown. */
export const PARTIAL_FROM = 20_000;
/** Bars loaded to the left of the range shown before the whole history is (room to scroll). */
export const PARTIAL_MARGIN = 2_000;

/**
 * The index of the first bar a chart gets in its first frame (the rest follows after it): 0, i.e. all,
 * for histories shorter than {@link PARTIAL_FROM} and for ranges reaching within a margin of the start;
 * else the range's first bar less a margin of max({@link PARTIAL_MARGIN}, the range's length) bars,
 * room to scroll and zoom out before the whole history is in.
 */
export function firstBarToLoad(
  dates: readonly TradingDate[],
  preset: RangePreset,
  window?: { from: TradingDate; to: TradingDate } | null,
): number {
  if (dates.length < PARTIAL_FROM) return 0;
  const r = presetRange(dates, preset, window);
  if (!r) return 0;
  const first = r.from - Math.max(PARTIAL_MARGIN, r.to - r.from + 1);
  return first > PARTIAL_MARGIN ? first : 0;
}

/** Data-quality warnings of neighbouring bars, gathered into one marker. */
export interface IssueRun {
  /** Bar index of the run's first and last warned bar. */
  first: number;
  last: number;
  /** Warned bars in the run. */
  days: number;
  /** The kinds of warning in the run, in order of first appearance. */
  kinds: string[];
}

/**
 * Gathers warned bars (by bar index, ascending) whose gaps are at most `gap` bars into runs, so that a
 * stretch of zero-volume days is one marker with a count instead of a pile of overlapping labels.
 */
export function issueRuns(warned: ReadonlyArray<{ index: number; kinds: readonly string[] }>, gap = 2): IssueRun[] {
  const out: IssueRun[] = [];
  for (const w of warned) {
    const run = out[out.length - 1];
    if (run && w.index - run.last <= gap) {
      run.last = w.index;
      run.days++;
      for (const k of w.kinds) if (!run.kinds.includes(k)) run.kinds.push(k);
    } else {
      out.push({ first: w.index, last: w.index, days: 1, kinds: [...new Set(w.kinds)] });
    }
  }
  return out;
}
