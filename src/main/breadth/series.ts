/**
 * The breadth series of a set of members, from their bars alone (no archive, no I/O): the trading days
 * are every day on which a member or the benchmark has a bar; a member counts on a day when it has a
 * bar that day and the day before, otherwise it is missing (never unchanged). Moving averages and
 * 52-week highs run over each member's own bars.
 */
import { BARS_52W, BREADTH_AVERAGES, MCCLELLAN, type BreadthSeries } from '../../shared/breadth';
import type { TradingDate } from '../../shared/domain';
import { dateKey, keyDate } from '../../shared/date-keys';
import { lowerBound, upperBound } from '../../shared/sorted-dates';

/** One member's bars on the chosen basis, ascending; dates as integer keys (YYYYMMDD, shared/date-keys). */
export interface BreadthMember {
  ticker: string;
  keys: Int32Array;
  close: Float64Array;
  high: Float64Array;
  low: Float64Array;
  volume: Float64Array;
}

/** What {@link breadthSeries} computes: the series without the universe's description. */
export type BreadthFigures = Omit<BreadthSeries, 'universe' | 'basis' | 'from' | 'to'>;

/**
 * The position of each calendar day in a member's bars (−1: no bar that day), and the calendar day of
 * each of its bars (−1: after the window's end). Both lists are ascending, so one merge finds them.
 */
function positions(member: BreadthMember, days: Int32Array): { pos: Int32Array; dayOfBar: Int32Array } {
  const pos = new Int32Array(days.length).fill(-1);
  const keys = member.keys;
  const dayOfBar = new Int32Array(keys.length).fill(-1);
  let k = 0;
  for (let i = 0; i < keys.length && k < days.length; i++) {
    const d = keys[i]!;
    if (days[k] !== d) {
      while (k < days.length && days[k]! < d) k++;
      if (k >= days.length || days[k] !== d) continue;
    }
    pos[k] = i;
    dayOfBar[i] = k++;
  }
  return { pos, dayOfBar };
}

/** The ascending union of two ascending lists of date keys (`b` cut at `to`); `a` itself when it holds all of `b`. */
function union(a: Int32Array, b: Int32Array, to: number): Int32Array {
  const end = upperBound(b, to);
  let i = 0;
  let j = 0;
  // Members mostly trade on the same days: check for a subset before building anything.
  while (j < end) {
    while (i < a.length && a[i]! < b[j]!) i++;
    if (i < a.length && a[i] === b[j]) {
      i++;
      j++;
    } else break;
  }
  if (j === end) return a;
  const out = new Int32Array(a.length + end - j);
  out.set(a.subarray(0, i));
  let o = i;
  while (i < a.length || j < end) {
    if (j >= end || (i < a.length && a[i]! < b[j]!)) out[o++] = a[i++]!;
    else if (i >= a.length || b[j]! < a[i]!) out[o++] = b[j++]!;
    else {
      out[o++] = a[i++]!;
      j++;
    }
  }
  return out.subarray(0, o);
}

/** Every day on which any of the series has a bar, up to `to`, ascending. */
function calendar(series: ReadonlyArray<Int32Array>, to: number): Int32Array {
  let all: Int32Array = new Int32Array(0);
  for (const keys of series) all = union(all, keys, to);
  return all;
}

/**
 * A universe's members as the series reads them: every member's date keys first (they make the
 * calendar), then each member's bars once, in order. A reader from the archive can so hold one
 * member's prices at a time, decoded into the same arrays each time.
 */
export interface BreadthSource {
  /** Each member's date keys, ascending. */
  readonly keys: readonly Int32Array[];
  /** Member `i`'s bars, its `keys` the same as `keys[i]`; the arrays may be reused by the next call. */
  member(i: number): BreadthMember;
}

/** A source over members already in memory. */
export function membersSource(members: readonly BreadthMember[]): BreadthSource {
  return { keys: members.map((m) => m.keys), member: (i) => members[i]! };
}

/** A close counts as above its average when it exceeds it by more than one part in a billion: rolling sums round, and a close equal to its average (cent prices) must not count as above by chance. */
const ABOVE_TOLERANCE = 1e-9;

/** A high (or low) that may be missing: the close stands in for a close-only series. */
const extreme = (v: number, close: number): number => (Number.isFinite(v) ? v : close);

/** The per-day tallies of a universe, filled member by member (index w: the window's w-th day). */
class Tally {
  readonly counted: Int32Array;
  readonly advancers: Int32Array;
  readonly decliners: Int32Array;
  readonly unchanged: Int32Array;
  readonly upVolume: Float64Array;
  readonly downVolume: Float64Array;
  readonly retSum: Float64Array;
  readonly newHighs: Int32Array;
  readonly newLows: Int32Array;
  readonly highLowBase: Int32Array;
  readonly above: Int32Array[];
  readonly aboveBase: Int32Array[];
  /** Net advances on every calendar day, before the window too (the EMAs warm up on them). */
  readonly net: Float64Array;

  constructor(days: number, n: number) {
    this.counted = new Int32Array(n);
    this.advancers = new Int32Array(n);
    this.decliners = new Int32Array(n);
    this.unchanged = new Int32Array(n);
    this.upVolume = new Float64Array(n);
    this.downVolume = new Float64Array(n);
    this.retSum = new Float64Array(n);
    this.newHighs = new Int32Array(n);
    this.newLows = new Int32Array(n);
    this.highLowBase = new Int32Array(n);
    this.above = BREADTH_AVERAGES.map(() => new Int32Array(n));
    this.aboveBase = BREADTH_AVERAGES.map(() => new Int32Array(n));
    this.net = new Float64Array(days);
  }
}

/** Columns reused by every member, sized for the longest. */
interface Scratch {
  sum: Float64Array;
  finite: Int32Array;
  /** Highs, −Infinity where missing (the close stands in for a close-only series). */
  hh: Float64Array;
  /** Lows negated, −Infinity where missing. */
  ll: Float64Array;
  preH: Float64Array;
  sufH: Float64Array;
  preL: Float64Array;
  sufL: Float64Array;
}

/** Tallies one member's day-over-day moves: a day counts when the member has a close that day and the day before. */
function tallyMoves(t: Tally, pos: Int32Array, close: Float64Array, volume: Float64Array, k0: number): void {
  const days = pos.length;
  for (let k = 1; k < days; k++) {
    const i = pos[k]!;
    const j = pos[k - 1]!;
    if (i < 0 || j < 0) continue;
    const c = close[i]!;
    const p = close[j]!;
    if (!Number.isFinite(c) || !Number.isFinite(p)) continue;
    const dir = c > p ? 1 : c < p ? -1 : 0;
    t.net[k] = t.net[k]! + dir;
    const w = k - k0;
    if (w < 0) continue;
    t.counted[w]!++;
    const v = volume[i]!;
    if (dir > 0) {
      t.advancers[w]!++;
      if (Number.isFinite(v)) t.upVolume[w] = t.upVolume[w]! + v;
    } else if (dir < 0) {
      t.decliners[w]!++;
      if (Number.isFinite(v)) t.downVolume[w] = t.downVolume[w]! + v;
    } else t.unchanged[w]!++;
    t.retSum[w] = t.retSum[w]! + (c / p - 1);
  }
}

/** Tallies whether one member's close is above one average (SMA(span), over the member's own bars). */
function tallyAbove(above: Int32Array, base: Int32Array, s: Scratch, close: Float64Array, dayOfBar: Int32Array, first: number, last: number, k0: number, span: number): void {
  const { sum, finite } = s;
  for (let i = Math.max(first, span - 1); i < last; i++) {
    const k = dayOfBar[i]!;
    const c = close[i]!;
    if (k < k0 || !Number.isFinite(c) || finite[i + 1]! - finite[i + 1 - span]! !== span) continue;
    const w = k - k0;
    const sma = (sum[i + 1]! - sum[i + 1 - span]!) / span;
    base[w]!++;
    // Above by more than rounding: a close equal to its average (a flat stretch) is not above it.
    if (c - sma > ABOVE_TOLERANCE * c) above[w]!++;
  }
}

/**
 * The highest value of each run of `PRIOR_BARS` bars, by van Herk and Gil-Werman's blocks: within
 * blocks of that length (from `lo`), running maxima from each block's start (`pre`) and to its end
 * (`suf`); the maximum over bars a..a + PRIOR_BARS − 1 is then max(suf[a], pre[a + PRIOR_BARS − 1]).
 * Missing values are −Infinity (they never count). For lows, pass negated values.
 */
function blockMaxima(x: Float64Array, pre: Float64Array, suf: Float64Array, lo: number, hi: number): void {
  for (let start = lo; start < hi; start += PRIOR_BARS) {
    const end = Math.min(hi, start + PRIOR_BARS);
    let m = -Infinity;
    for (let i = start; i < end; i++) pre[i] = m = Math.max(m, x[i]!);
    m = -Infinity;
    for (let i = end - 1; i >= start; i--) suf[i] = m = Math.max(m, x[i]!);
  }
}

/** The 52-week window before a bar: the 251 bars before it (the bar itself makes 252). */
const PRIOR_BARS = BARS_52W - 1;

/**
 * Tallies one member's new 52-week highs and lows: a bar whose high (low) is at or beyond the highest
 * high (lowest low) of the 251 bars before it. A bar missing its high or low never counts, and never
 * sets the level for the bars after it.
 */
function tallyHighsLows(t: Tally, s: Scratch, dayOfBar: Int32Array, first: number, last: number, k0: number): void {
  const { hh, ll, preH, sufH, preL, sufL } = s;
  const lo = Math.max(0, first - BARS_52W);
  blockMaxima(hh, preH, sufH, lo, last);
  blockMaxima(ll, preL, sufL, lo, last);
  for (let i = Math.max(first, lo + PRIOR_BARS, BARS_52W - 1); i < last; i++) {
    const k = dayOfBar[i]!;
    const h = hh[i]!;
    const l = -ll[i]!;
    if (k < k0 || h === -Infinity || l === Infinity) continue;
    const w = k - k0;
    const a = i - PRIOR_BARS;
    t.highLowBase[w]!++;
    if (h >= Math.max(sufH[a]!, preH[i - 1]!)) t.newHighs[w]!++;
    if (l <= -Math.max(sufL[a]!, preL[i - 1]!)) t.newLows[w]!++;
  }
}

/** Fills the scratch columns for one member: prefix sums of its finite closes, its highs and negated lows. */
function prepare(s: Scratch, m: BreadthMember): void {
  const { close, high, low } = m;
  const { sum, finite, hh, ll } = s;
  for (let i = 0; i < close.length; i++) {
    const c = close[i]!;
    const ok = Number.isFinite(c);
    sum[i + 1] = sum[i]! + (ok ? c : 0);
    finite[i + 1] = finite[i]! + (ok ? 1 : 0);
    const h = extreme(high[i]!, c);
    const l = extreme(low[i]!, c);
    hh[i] = Number.isFinite(h) ? h : -Infinity;
    ll[i] = Number.isFinite(l) ? -l : -Infinity;
  }
}

/**
 * Breadth of `members` over `from`..`to`, with `benchmark` (if any) rebased beside the equal-weight
 * index. McClellan's EMAs run from the first day any series has a bar, so the window starts warmed up.
 */
export function breadthSeries(
  members: BreadthSource | ReadonlyArray<BreadthMember>,
  window: { from: TradingDate; to: TradingDate },
  benchmark: BreadthMember | null = null,
): BreadthFigures {
  const source = 'member' in members ? members : membersSource(members);
  const count = source.keys.length;
  const fromKey = dateKey(window.from);
  const toKey = dateKey(window.to);
  const days = calendar(benchmark ? [...source.keys, benchmark.keys] : source.keys, toKey);
  const k0 = lowerBound(days, fromKey);
  const n = days.length - k0;
  const t = new Tally(days.length, n);
  const longest = source.keys.reduce((m, keys) => Math.max(m, keys.length), 0);
  const s: Scratch = {
    sum: new Float64Array(longest + 1),
    finite: new Int32Array(longest + 1),
    hh: new Float64Array(longest),
    ll: new Float64Array(longest),
    preH: new Float64Array(longest),
    sufH: new Float64Array(longest),
    preL: new Float64Array(longest),
    sufL: new Float64Array(longest),
  };
  for (let i = 0; i < count; i++) {
    const m = source.member(i);
    const { pos, dayOfBar } = positions(m, days);
    tallyMoves(t, pos, m.close, m.volume, k0);
    prepare(s, m);
    const first = k0 < days.length ? lowerBound(m.keys, days[k0]!) : m.keys.length;
    const last = upperBound(m.keys, toKey);
    for (let a = 0; a < BREADTH_AVERAGES.length; a++) tallyAbove(t.above[a]!, t.aboveBase[a]!, s, m.close, dayOfBar, first, last, k0, BREADTH_AVERAGES[a]!);
    tallyHighsLows(t, s, dayOfBar, first, last, k0);
  }

  const list = (xs: Int32Array): number[] => Array.from(xs);
  const above = (a: number): { share: Array<number | null>; base: number[] } => ({
    share: Array.from(t.aboveBase[a]!, (b, w) => (b > 0 ? t.above[a]![w]! / b : null)),
    base: list(t.aboveBase[a]!),
  });
  const out: BreadthFigures = {
    dates: Array.from(days.subarray(k0), keyDate),
    counted: list(t.counted),
    advancers: list(t.advancers),
    decliners: list(t.decliners),
    unchanged: list(t.unchanged),
    missing: Array.from(t.counted, (c) => count - c),
    adLine: new Array<number>(n).fill(0),
    upVolume: Array.from(t.upVolume),
    downVolume: Array.from(t.downVolume),
    above: { sma20: above(0), sma50: above(1), sma200: above(2) },
    newHighs: list(t.newHighs),
    newLows: list(t.newLows),
    highLowBase: list(t.highLowBase),
    mcclellan: new Array<number>(n).fill(0),
    summation: new Array<number>(n).fill(0),
    equalWeight: new Array<number>(n).fill(0),
    benchmark: null,
    divergences: [],
  };
  const fast = 2 / (MCCLELLAN.fast + 1);
  const slow = 2 / (MCCLELLAN.slow + 1);
  const net = t.net;
  let emaFast = net[0] ?? 0;
  let emaSlow = net[0] ?? 0;
  let ad = 0;
  let summation = 0;
  let ew = 100;
  for (let k = 0; k < days.length; k++) {
    if (k > 0) {
      emaFast += fast * (net[k]! - emaFast);
      emaSlow += slow * (net[k]! - emaSlow);
    }
    const w = k - k0;
    if (w < 0) continue;
    ad += net[k]!;
    out.adLine[w] = ad;
    out.mcclellan[w] = emaFast - emaSlow;
    summation += out.mcclellan[w]!;
    out.summation[w] = summation;
    if (w > 0 && t.counted[w]! > 0) ew *= 1 + t.retSum[w]! / t.counted[w]!;
    out.equalWeight[w] = ew;
  }

  if (benchmark) {
    const { pos } = positions(benchmark, days);
    let base = NaN;
    const index = new Array<number | null>(n).fill(null);
    for (let w = 0; w < n; w++) {
      const i = pos[k0 + w]!;
      const c = i >= 0 ? benchmark.close[i]! : NaN;
      if (!Number.isFinite(c)) continue;
      if (!Number.isFinite(base)) base = c;
      index[w] = (c / base) * 100;
    }
    out.benchmark = { ticker: benchmark.ticker, index };
    // Divergence: the benchmark at a new high of the window while the A/D line is below its own.
    let benchHigh = -Infinity;
    let adHigh = -Infinity;
    for (let w = 0; w < n; w++) {
      const b = index[w];
      if (b !== null && b !== undefined && w > 0 && b > benchHigh && out.adLine[w]! < adHigh) out.divergences.push(out.dates[w]!);
      if (b !== null && b !== undefined && b > benchHigh) benchHigh = b;
      if (out.adLine[w]! > adHigh) adHigh = out.adLine[w]!;
    }
  }
  return out;
}
