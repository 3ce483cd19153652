/**
 * Breadth series (issue 14): synthetic universes with known answers, and the five sector ETFs of the
 * sample (real yfinance data) through the CLI against pandas (tests/fixtures/breadth/make-reference.py).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { breadthSeries, type BreadthMember } from '../../../src/main/breadth/series';
import { dateKeys } from '../../../src/shared/date-keys';
import { tempDir } from '../../helpers/archive';
import { cli } from '../../helpers/cli';

/** `n` weekdays from 2024-01-01 on. */
function weekdays(n: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(2024, 0, 1));
  while (out.length < n) {
    if (d.getUTCDay() % 6 !== 0) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}

/** A member whose closes are `f(i)`; high and low 1 % around the close; volume 1,000 × (i + 1). */
function member(ticker: string, dates: string[], f: (i: number) => number): BreadthMember {
  const close = Float64Array.from(dates, (_, i) => f(i));
  return {
    ticker,
    keys: dateKeys(dates),
    close,
    high: close.map((c) => c * 1.01),
    low: close.map((c) => c * 0.99),
    volume: Float64Array.from(dates, (_, i) => 1000 * (i + 1)),
  };
}

describe('breadth of synthetic universes', () => {
  const days = weekdays(300);
  const win = { from: days[260]!, to: days[299]! };

  it('every member rising every day: all advance, all above their averages, all at new highs', () => {
    const members = ['A', 'B', 'C'].map((t, m) => member(t, days, (i) => 10 + m + i * 0.1));
    const s = breadthSeries(members, win);
    expect(s.dates).toEqual(days.slice(260));
    expect(s.advancers.every((a) => a === 3)).toBe(true);
    expect(s.decliners.every((d) => d === 0) && s.missing.every((m) => m === 0)).toBe(true);
    expect(s.adLine).toEqual(s.dates.map((_, w) => 3 * (w + 1)));
    expect(s.above.sma200.share.every((x) => x === 1)).toBe(true);
    expect(s.above.sma200.base.every((b) => b === 3)).toBe(true);
    expect(s.newHighs.every((h) => h === 3) && s.newLows.every((l) => l === 0)).toBe(true);
    // Up volume: the three members' volumes that day.
    expect(s.upVolume[0]).toBe(3 * 1000 * 261);
    expect(s.downVolume.every((v) => v === 0)).toBe(true);
    // Equal weight: the mean daily return compounded from 100.
    let ew = 100;
    for (let w = 1; w < s.dates.length; w++) {
      const i = 260 + w;
      ew *= 1 + [0, 1, 2].reduce((acc, m) => acc + (10 + m + i * 0.1) / (10 + m + (i - 1) * 0.1) - 1, 0) / 3;
      expect(s.equalWeight[w]).toBeCloseTo(ew, 10);
    }
  });

  it('a member without a bar is missing that day and the next, never unchanged; a flat close is unchanged', () => {
    const gap = days.filter((_, i) => i !== 270);
    const members = [member('UP', days, (i) => 10 + i), member('GAP', gap, () => 5), member('DOWN', days, (i) => 500 - i)];
    const s = breadthSeries(members, win);
    const w = 270 - 260;
    expect(s.missing[w]).toBe(1);
    expect(s.missing[w + 1]).toBe(1);
    expect(s.unchanged[w]).toBe(0);
    expect(s.unchanged[w - 1]).toBe(1);
    expect(s.counted[w]).toBe(2);
    expect(s.advancers[w]! + s.decliners[w]! + s.unchanged[w]! + s.missing[w]!).toBe(3);
  });

  it('McClellan: EMA19 − EMA39 of net advances from the first day, its running sum the summation index', () => {
    // Two members, one alternating, one rising: net advances alternate 2, 0.
    const members = [member('ALT', days, (i) => (i % 2 ? 11 : 10)), member('UP', days, (i) => 10 + i)];
    const s = breadthSeries(members, win);
    let fast = 0;
    let slow = 0;
    const osc: number[] = [];
    for (let i = 1; i < days.length; i++) {
      const net = (i % 2 ? 1 : -1) + 1;
      fast += (2 / 20) * (net - fast);
      slow += (2 / 40) * (net - slow);
      if (i >= 260) osc.push(fast - slow);
    }
    s.mcclellan.forEach((v, w) => expect(v).toBeCloseTo(osc[w]!, 12));
    expect(s.summation.at(-1)).toBeCloseTo(osc.reduce((a, b) => a + b, 0), 10);
  });

  it('marks the days the benchmark makes a new high while the A/D line stays below its own', () => {
    const members = ['A', 'B'].map((t) => member(t, days, (i) => (i < 280 ? 10 + i : 10 + 280 - (i - 280))));
    const bench = member('IDX', days, (i) => 100 + i);
    const s = breadthSeries(members, win, bench);
    expect(s.benchmark!.index[0]).toBe(100);
    // From day 281 the members fall while the benchmark keeps rising: every such day diverges.
    expect(s.divergences).toEqual(days.slice(281, 300));
  });
});

describe('breadth of the sample sector ETFs against pandas', () => {
  const t = tempDir();
  afterAll(() => t.cleanup());
  const prices = path.join(__dirname, '../../../resources/sample/prices');
  const ref = JSON.parse(fs.readFileSync(path.join(__dirname, '../../fixtures/breadth/reference.json'), 'utf8'));

  it('equals pandas day by day, through the CLI', async () => {
    const db = path.join(t.dir, 'breadth.sqlite');
    for (const ticker of ['XLB', 'XLE', 'XLI', 'XLRE', 'XLU', '^GSPC']) {
      const r = await cli(['import', '--db', db, '--ticker', ticker, '--allow-rejected', path.join(prices, `${ticker}.csv`)]);
      expect(r.code, r.stderr).toBe(0);
    }
    const r = await cli(['breadth', '--db', db, '--tickers', 'XLB,XLE,XLI,XLRE,XLU', '--from', '2025-06-02', '--to', '2026-01-09', '--benchmark', '^GSPC']);
    expect(r.code, r.stderr).toBe(0);
    const s = r.json;
    expect(s.dates).toEqual(ref.dates);
    for (const k of ['advancers', 'decliners', 'unchanged', 'missing', 'adLine', 'upVolume', 'downVolume', 'newHighs', 'newLows', 'highLowBase']) expect(s[k], k).toEqual(ref[k]);
    for (const n of [20, 50, 200]) {
      expect(s.above[`sma${n}`].base, `sma${n} base`).toEqual(ref[`sma${n}`].base);
      s.above[`sma${n}`].share.forEach((v: number | null, w: number) => (v === null ? expect(ref[`sma${n}`].share[w]).toBeNull() : expect(v).toBeCloseTo(ref[`sma${n}`].share[w], 12)));
    }
    for (const k of ['mcclellan', 'summation', 'equalWeight']) s[k].forEach((v: number, w: number) => expect(v, `${k} ${s.dates[w]}`).toBeCloseTo(ref[k][w], 9));
    s.benchmark.index.forEach((v: number, w: number) => expect(v).toBeCloseTo(ref.benchmark[w], 9));
    expect(s.divergences).toEqual(ref.divergences);
    // The A/D line's last value: the window's net advances, the figure an analyst would state.
    expect(s.adLine.at(-1)).toBe(60);
  });
});
