/**
 * The breadth series of a set of members, from their bars alone (no archive, no I/O): the trading days
 * are every day on which a member or the benchmark has a bar; a member counts on a day when it has a
 * bar that day and the day before, otherwise it is missing (never unchanged). Moving averages and
 * 52-week highs run over each member's own bars.
 */
import { BARS_52W, BREADTH_AVERAGES, MCCLELLAN, type BreadthSeries } from '../../shared/breadth';
import type { TradingDate } from '../../shared/domain';
import { lowerBound, upperBound } from '../../shared/sorted-dates';

/** One member's bars on the chosen basis, ascending. */
export interface BreadthMember {
  ticker: string;
  dates: readonly TradingDate[];
  close: Float64Array;
  high: Float64Array;
  low: Float64Array;
  volume: Float64Array;
}

/** What {@link breadthSeries} computes: the series without the universe's description. */
export type BreadthFigures = Omit<BreadthSeries, 'universe' | 'basis' | 'from' | 'to'>;

/**
 * The position of each calendar day in a member's bars (−1: no bar that day), and the calendar day of
 * each of its bars (−1: after the window's end).
 */
function positions(member: BreadthMember, dayOf: Map<TradingDate, number>, days: number): { pos: Int32Array; dayOfBar: Int32Array } {
  const pos = new Int32Array(days).fill(-1);
  const dayOfBar = new Int32Array(member.dates.length).fill(-1);
  for (let i = 0; i < member.dates.length; i++) {
    const k = dayOf.get(member.dates[i]!);
    if (k !== undefined) {
      pos[k] = i;
      dayOfBar[i] = k;
    }
  }
  return { pos, dayOfBar };
}

/** Every day on which any of the series has a bar, up to `to`, ascending. */
function calendar(series: ReadonlyArray<BreadthMember>, to: TradingDate): TradingDate[] {
  const all = new Set<TradingDate>();
  for (const s of series) {
    for (const d of s.dates) {
      if (d > to) break;
      all.add(d);
    }
  }
  return [...all].sort();
}

/** A close counts as above its average when it exceeds it by more than one part in a billion: rolling sums round, and a close equal to its average (cent prices) must not count as above by chance. */
const ABOVE_TOLERANCE = 1e-9;

/** A high (or low) that may be missing: the close stands in for a close-only series. */
const extreme = (v: number, close: number): number => (Number.isFinite(v) ? v : close);

/**
 * Breadth of `members` over `from`..`to`, with `benchmark` (if any) rebased beside the equal-weight
 * index. McClellan's EMAs run from the first day any series has a bar, so the window starts warmed up.
 */
export function breadthSeries(
  members: ReadonlyArray<BreadthMember>,
  window: { from: TradingDate; to: TradingDate },
  benchmark: BreadthMember | null = null,
): BreadthFigures {
  const days = calendar(benchmark ? [...members, benchmark] : members, window.to);
  const dayOf = new Map(days.map((d, k) => [d, k] as const));
  const k0 = lowerBound(days, window.from);
  const n = days.length - k0;
  const zeros = (): number[] => new Array<number>(n).fill(0);
  const out: BreadthFigures = {
    dates: days.slice(k0),
    counted: zeros(),
    advancers: zeros(),
    decliners: zeros(),
    unchanged: zeros(),
    missing: zeros(),
    adLine: zeros(),
    upVolume: zeros(),
    downVolume: zeros(),
    above: {
      sma20: { share: new Array<number | null>(n).fill(null), base: zeros() },
      sma50: { share: new Array<number | null>(n).fill(null), base: zeros() },
      sma200: { share: new Array<number | null>(n).fill(null), base: zeros() },
    },
    newHighs: zeros(),
    newLows: zeros(),
    highLowBase: zeros(),
    mcclellan: zeros(),
    summation: zeros(),
    equalWeight: zeros(),
    benchmark: null,
    divergences: [],
  };
  // Net advances on every calendar day (the EMAs warm up before the window), returns for the index.
  const net = new Float64Array(days.length);
  const retSum = new Float64Array(n);
  const retCount = new Int32Array(n);
  const aboveCount = BREADTH_AVERAGES.map(() => new Int32Array(n));

  const bases = BREADTH_AVERAGES.map((len) => out.above[`sma${len}`].base);
  for (const m of members) {
    const { pos, dayOfBar } = positions(m, dayOf, days.length);
    const { close, high, low, volume } = m;
    for (let k = 1; k < days.length; k++) {
      const i = pos[k]!;
      const j = pos[k - 1]!;
      const w = k - k0;
      if (i < 0 || j < 0 || !Number.isFinite(close[i]!) || !Number.isFinite(close[j]!)) {
        continue;
      }
      const c = close[i]!;
      const p = close[j]!;
      const dir = c > p ? 1 : c < p ? -1 : 0;
      net[k] = net[k]! + dir;
      if (w < 0) continue;
      out.counted[w]!++;
      const v = volume[i]!;
      if (dir > 0) {
        out.advancers[w]!++;
        if (Number.isFinite(v)) out.upVolume[w]! += v;
      } else if (dir < 0) {
        out.decliners[w]!++;
        if (Number.isFinite(v)) out.downVolume[w]! += v;
      } else out.unchanged[w]!++;
      retSum[w] = retSum[w]! + (c / p - 1);
      retCount[w]!++;
    }

    // Moving averages over the member's own bars: prefix sums of its finite closes.
    const len = close.length;
    const sum = new Float64Array(len + 1);
    const finite = new Int32Array(len + 1);
    for (let i = 0; i < len; i++) {
      const c = close[i]!;
      sum[i + 1] = sum[i]! + (Number.isFinite(c) ? c : 0);
      finite[i + 1] = finite[i]! + (Number.isFinite(c) ? 1 : 0);
    }
    // 52-week highs and lows: monotonic deques of the prior 251 bars' highs and lows.
    const hiQ = new Int32Array(len);
    const loQ = new Int32Array(len);
    let hiHead = 0;
    let hiTail = 0;
    let loHead = 0;
    let loTail = 0;
    const firstBar = k0 < days.length ? lowerBound(m.dates, days[k0]!) : len;
    const lastBar = upperBound(m.dates, window.to);
    for (let i = Math.max(0, firstBar - BARS_52W); i < lastBar; i++) {
      const h = extreme(high[i]!, close[i]!);
      const l = extreme(low[i]!, close[i]!);
      if (i >= firstBar) {
        const k = dayOfBar[i]!;
        const w = k < 0 ? -1 : k - k0;
        if (w >= 0) {
          const c = close[i]!;
          if (Number.isFinite(c)) {
            for (let a = 0; a < BREADTH_AVERAGES.length; a++) {
              const len = BREADTH_AVERAGES[a]!;
              if (i + 1 < len || finite[i + 1]! - finite[i + 1 - len]! !== len) continue;
              const sma = (sum[i + 1]! - sum[i + 1 - len]!) / len;
              bases[a]![w]!++;
              // Above by more than rounding: a close equal to its average (a flat stretch) is not above it.
              if (c - sma > ABOVE_TOLERANCE * c) aboveCount[a]![w]!++;
            }
          }
          if (i >= BARS_52W - 1 && Number.isFinite(h) && Number.isFinite(l)) {
            // The deques hold bars i − 251 .. i − 1.
            while (hiHead < hiTail && hiQ[hiHead]! < i - (BARS_52W - 1)) hiHead++;
            while (loHead < loTail && loQ[loHead]! < i - (BARS_52W - 1)) loHead++;
            out.highLowBase[w]!++;
            const priorHigh = hiHead < hiTail ? extreme(high[hiQ[hiHead]!]!, close[hiQ[hiHead]!]!) : -Infinity;
            const priorLow = loHead < loTail ? extreme(low[loQ[loHead]!]!, close[loQ[loHead]!]!) : Infinity;
            if (h >= priorHigh) out.newHighs[w]!++;
            if (l <= priorLow) out.newLows[w]!++;
          }
        }
      }
      // Bar i joins the deques for the days after it (a missing high or low never does).
      if (Number.isFinite(h)) {
        while (hiHead < hiTail && extreme(high[hiQ[hiTail - 1]!]!, close[hiQ[hiTail - 1]!]!) <= h) hiTail--;
        hiQ[hiTail++] = i;
      }
      if (Number.isFinite(l)) {
        while (loHead < loTail && extreme(low[loQ[loTail - 1]!]!, close[loQ[loTail - 1]!]!) >= l) loTail--;
        loQ[loTail++] = i;
      }
    }
  }

  BREADTH_AVERAGES.forEach((len, a) => {
    const s = out.above[`sma${len}`];
    for (let w = 0; w < n; w++) s.share[w] = s.base[w]! > 0 ? aboveCount[a]![w]! / s.base[w]! : null;
  });
  const fast = 2 / (MCCLELLAN.fast + 1);
  const slow = 2 / (MCCLELLAN.slow + 1);
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
    out.missing[w] = members.length - out.counted[w]!;
    ad += net[k]!;
    out.adLine[w] = ad;
    out.mcclellan[w] = emaFast - emaSlow;
    summation += out.mcclellan[w]!;
    out.summation[w] = summation;
    if (w > 0 && retCount[w]! > 0) ew *= 1 + retSum[w]! / retCount[w]!;
    out.equalWeight[w] = ew;
  }

  if (benchmark) {
    const { pos } = positions(benchmark, dayOf, days.length);
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
