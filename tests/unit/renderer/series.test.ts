import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  dateToTime,
  firstBarToLoad,
  issueRuns,
  indexOnOrAfter,
  PARTIAL_FROM,
  PARTIAL_MARGIN,
  indexOnOrBefore,
  legendAt,
  presetRange,
  rebaseCloses,
  smaLine,
  timeToDate,
  toChartSeries,
} from '../../../src/renderer/src/features/chart/series';
import { sparklinePath } from '../../../src/renderer/src/lib/sparkline';
import type { BarColumns } from '../../../src/shared/domain';

/** The real classic-Yahoo SPY excerpt (2021-01-04..2021-02-01) as columns. */
function spy(): BarColumns {
  const text = fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/e2e/SPY.csv'), 'utf8');
  const rows = text.trim().split(/\r?\n/).slice(1).map((l) => l.split(','));
  const col = (k: number): Float64Array => Float64Array.from(rows, (r) => Number(r[k]));
  return { ticker: 'SPY', dates: rows.map((r) => r[0]!), open: col(1), high: col(2), low: col(3), close: col(4), adjClose: col(5), volume: col(6) };
}

function columns(ticker: string, dates: string[], close: number[], volume?: number[]): BarColumns {
  const c = Float64Array.from(close);
  return { ticker, dates, open: c, high: c, low: c, close: c, adjClose: c.map(() => NaN), volume: Float64Array.from(volume ?? close.map(() => NaN)) };
}

describe('chart time axis', () => {
  it('maps trading dates to UTC midnight seconds and back, without Date objects', () => {
    for (const d of ['1927-12-30', '1970-01-01', '2000-02-29', '2021-01-04', '2026-02-23', '2099-12-31']) {
      expect(dateToTime(d)).toBe(Date.parse(`${d}T00:00:00Z`) / 1000);
      expect(timeToDate(dateToTime(d))).toBe(d);
    }
  });
});

describe('columnar bars → series', () => {
  it('turns the SPY excerpt into aligned candles and coloured volume bars', () => {
    const bars = spy();
    const s = toChartSeries(bars, { up: 'U', down: 'D' });
    expect(s.candles).toHaveLength(20);
    expect(s.candles[0]).toEqual({ time: dateToTime('2021-01-04'), open: 375.309998, high: 375.450012, low: 364.820007, close: 368.790009 });
    expect(s.volumes[0]).toEqual({ time: dateToTime('2021-01-04'), value: 110210800, color: 'D' });
    expect(s.volumes[1]!.color).toBe('U'); // 2021-01-05: open 368.10, close 371.33
    expect(s.times.map(timeToDate)).toEqual(bars.dates);
  });

  it('leaves out bars with a missing price and volumes that are missing', () => {
    const bars = columns('X', ['2021-01-04', '2021-01-05', '2021-01-06'], [1, NaN, 3], [10, NaN, 30]);
    const s = toChartSeries(bars, { up: 'U', down: 'D' });
    expect(s.candles.map((c) => timeToDate(c.time as number))).toEqual(['2021-01-04', '2021-01-06']);
    expect(s.volumes.map((v) => v.value)).toEqual([10, 30]);
    expect(s.times).toHaveLength(3);
  });
});

describe('moving averages', () => {
  it('SMA(5) of the SPY excerpt equals the mean of the last five closes, from the fifth bar on', () => {
    const bars = spy();
    const { times } = toChartSeries(bars, { up: 'U', down: 'D' });
    const line = smaLine(times, bars.close, 5);
    expect(line).toHaveLength(16);
    expect(line[0]!.time).toBe(dateToTime('2021-01-08'));
    const expected = (368.790009 + 371.329987 + 373.549988 + 379.100006 + 381.26001) / 5;
    expect(line[0]!.value).toBeCloseTo(expected, 10);
    for (let i = 4; i < 20; i++) {
      let sum = 0;
      for (let k = i - 4; k <= i; k++) sum += bars.close[k]!;
      expect(line[i - 4]!.value).toBeCloseTo(sum / 5, 9);
    }
  });

  it('gives no point while the window holds a missing close, and none before n bars', () => {
    const times = [1, 2, 3, 4, 5, 6].map((t) => t as never);
    expect(smaLine(times, Float64Array.from([1, 2, NaN, 4, 5, 6]), 2).map((p) => p.value)).toEqual([1.5, 4.5, 5.5]);
    expect(smaLine(times.slice(0, 3), Float64Array.from([1, 2, 3]), 20)).toEqual([]);
  });
});

describe('rebasing for compare mode', () => {
  it('sets 0 % at the first bar on or after the start and measures every later close from it', () => {
    const bars = spy();
    // 2021-01-09 is a Saturday: the base is Monday 2021-01-11 (close 378.690002).
    const r = rebaseCloses(bars, '2021-01-09');
    expect(r.baseDate).toBe('2021-01-11');
    expect(r.points[0]).toEqual({ time: dateToTime('2021-01-11'), value: 0 });
    expect(r.points.at(-1)!.time).toBe(dateToTime('2021-02-01'));
    expect(r.points.at(-1)!.value).toBeCloseTo((376.230011 / 378.690002 - 1) * 100, 10);
    expect(r.points).toHaveLength(15);
  });

  it('skips a missing base close and says when there is no bar after the start', () => {
    const bars = columns('X', ['2021-01-04', '2021-01-05', '2021-01-06'], [NaN, 50, 75]);
    expect(rebaseCloses(bars, '2021-01-01').points.map((p) => p.value)).toEqual([0, 50]);
    expect(rebaseCloses(bars, '2021-02-01')).toEqual({ ticker: 'X', baseDate: null, points: [] });
  });
});

describe('legend figures', () => {
  it('gives the bar under the crosshair with its change from the previous close', () => {
    const l = legendAt(spy(), 1)!;
    expect(l).toMatchObject({ date: '2021-01-05', open: 368.100006, high: 372.5, low: 368.049988, close: 371.329987, volume: 66426200 });
    expect(l.change).toBeCloseTo(371.329987 - 368.790009, 10);
    expect(l.changePct).toBeCloseTo(371.329987 / 368.790009 - 1, 12);
    expect(legendAt(spy(), 0)!.change).toBeNull();
    expect(legendAt(spy(), 20)).toBeNull();
    expect(legendAt(columns('X', ['2021-01-04'], [1]), 0)!.volume).toBeNull();
  });
});

describe('range presets', () => {
  const dates = spy().dates;
  it('counts back from the last bar', () => {
    // Last bar 2021-02-01; 1M starts after 2021-01-01 → the first bar, 2021-01-04.
    expect(presetRange(dates, '1M')).toEqual({ from: 0, to: 19 });
    expect(presetRange(dates, 'Max')).toEqual({ from: 0, to: 19 });
    expect(presetRange(dates, 'YTD')).toEqual({ from: 0, to: 19 });
    const long = ['2020-11-30', '2020-12-31', '2021-01-29', '2021-02-26', '2021-03-01'];
    expect(presetRange(long, '1M')).toEqual({ from: 3, to: 4 }); // after 2021-02-01
    expect(presetRange(long, '3M')).toEqual({ from: 1, to: 4 }); // after 2020-12-01
    expect(presetRange(long, 'YTD')).toEqual({ from: 2, to: 4 });
  });
  it("shows the report's window and nothing without a report", () => {
    expect(presetRange(dates, 'Window', { from: '2021-01-09', to: '2021-01-16' })).toEqual({ from: 5, to: 9 });
    expect(dates[5]).toBe('2021-01-11');
    expect(dates[9]).toBe('2021-01-15');
    expect(presetRange(dates, 'Window', null)).toBeNull();
    expect(presetRange(dates, 'Window', { from: '2022-01-01', to: '2022-02-01' })).toBeNull();
    expect(presetRange([], 'Max')).toBeNull();
  });
  it('finds dates by binary search', () => {
    expect(indexOnOrAfter(dates, '2021-01-09')).toBe(5);
    expect(indexOnOrBefore(dates, '2021-01-09')).toBe(4);
    expect(indexOnOrBefore(dates, '2021-01-11')).toBe(5);
    expect(indexOnOrBefore(dates, '2020-01-01')).toBe(-1);
    expect(indexOnOrAfter(dates, '2030-01-01')).toBe(20);
  });
});

describe('sparklines', () => {
  it('scales closes into the box, highest at the top, lowest at the bottom', () => {
    expect(sparklinePath([10, 20, 15], 100, 20, 0)).toBe('M0 20L50 0L100 10');
    expect(sparklinePath([10, 20, 15], 102, 22, 1)).toBe('M1 21L51 1L101 11');
  });
  it('breaks the line at a missing close, is flat for equal closes and empty for fewer than two', () => {
    expect(sparklinePath([10, null, 20, 30], 30, 10, 0)).toBe('M0 10M20 5L30 0');
    expect(sparklinePath([5, 5], 10, 10, 0)).toBe('M0 5L10 5');
    expect(sparklinePath([5, null], 10, 10)).toBe('');
    expect(sparklinePath([], 10, 10)).toBe('');
  });
  it('draws the 60 real closes of the SPY excerpt inside the box', () => {
    const closes = Array.from(spy().close);
    const p = sparklinePath(closes, 80, 20);
    const ys = [...p.matchAll(/[ML][\d.]+ ([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys).toHaveLength(20);
    expect(Math.min(...ys)).toBe(1);
    expect(Math.max(...ys)).toBe(19);
    // The highest close (2021-01-25, 384.390015) sits at the top.
    expect(ys[closes.indexOf(Math.max(...closes))]).toBe(1);
  });
});

describe('the bars a long history first gives the chart', () => {
  /** `n` consecutive days ending 2026-01-09. */
  const days = (n: number): string[] => Array.from({ length: n }, (_, i) => timeToDate(dateToTime('2026-01-09') - (n - 1 - i) * 86400));

  it('gives short histories all their bars', () => {
    expect(firstBarToLoad(days(PARTIAL_FROM - 1), '1Y')).toBe(0);
  });
  it('gives long ones the range shown and a margin to its left', () => {
    const dates = days(100_000);
    const r = presetRange(dates, '1Y')!;
    expect(r.to - r.from + 1).toBeLessThan(PARTIAL_MARGIN);
    expect(firstBarToLoad(dates, '1Y')).toBe(r.from - PARTIAL_MARGIN);
    // A range longer than the margin: as many bars again to its left.
    expect(firstBarToLoad(dates, 'Window', { from: dates[40_000]!, to: dates[45_000]! })).toBe(40_000 - 5_001);
    // The report's window, wherever it lies.
    expect(firstBarToLoad(dates, 'Window', { from: dates[50_000]!, to: dates[50_100]! })).toBe(50_000 - PARTIAL_MARGIN);
  });
  it('gives all bars for All, for a range reaching near the start and when the range is empty', () => {
    const dates = days(30_000);
    expect(firstBarToLoad(dates, 'Max')).toBe(0);
    expect(firstBarToLoad(dates, 'Window', { from: dates[3_000]!, to: dates[29_000]! })).toBe(0);
    expect(firstBarToLoad(dates, 'Window', null)).toBe(0);
  });
});

describe('issueRuns', () => {
  it('merges warnings on neighbouring bars into one run with a count, and keeps distant ones apart', () => {
    const warned = [
      { index: 10, kinds: ['zero-volume'] },
      { index: 11, kinds: ['zero-volume'] },
      { index: 13, kinds: ['zero-volume', 'flat'] },
      { index: 40, kinds: ['split'] },
      { index: 43, kinds: ['holiday'] },
    ];
    expect(issueRuns(warned)).toEqual([
      { first: 10, last: 13, days: 3, kinds: ['zero-volume', 'flat'] },
      { first: 40, last: 40, days: 1, kinds: ['split'] },
      { first: 43, last: 43, days: 1, kinds: ['holiday'] },
    ]);
    expect(issueRuns([])).toEqual([]);
  });
});
