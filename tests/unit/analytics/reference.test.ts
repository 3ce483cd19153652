/**
 * Breadth's analytics against independent pandas reference values (tests/fixtures/analytics/
 * make-reference.py → reference.json), on real provider excerpts read from a real archive.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/main/db/open';
import { groupTable, metricsPanel, relativePerformance } from '../../../src/main/analytics/service';
import { flattenPanel } from '../../../src/main/analytics/panel';
import { freshArchive } from '../../helpers/archive';
import { analyticsFixtures, loadCsv } from '../../helpers/load-bars';

interface Ref {
  files: Record<string, { file: string; providerAdjusted: boolean }>;
  panels: Array<Record<string, unknown> & { ticker: string; from: string; to: string; basis: 'as-traded' | 'total-return' }>;
  relative: Array<
    Record<string, unknown> & { a: string; b: string; from: string; to: string; basis: 'as-traded' | 'total-return' }
  >;
  group: Array<{
    tickers: string[];
    from: string;
    to: string;
    basis: 'as-traded' | 'total-return';
    rows: Array<{ ticker: string; change: number; close: number; aboveSma20: boolean; aboveSma50: boolean }>;
    breadth: { aboveSma20: number; aboveSma50: number; advancers: number; decliners: number };
  }>;
}

const ref = JSON.parse(fs.readFileSync(path.join(analyticsFixtures, 'reference.json'), 'utf8')) as Ref;

/** Agreement within 1e-9 relative (absolute for values near 0), null only where pandas has none. */
function close(actual: unknown, expected: unknown, what: string): void {
  if (expected === null || expected === undefined) {
    expect(actual, what).toBeNull();
    return;
  }
  if (typeof expected !== 'number') {
    expect(actual, what).toEqual(expected);
    return;
  }
  expect(typeof actual, what).toBe('number');
  const a = actual as number;
  const tol = 1e-9 * Math.max(Math.abs(expected), 1e-3);
  expect(Math.abs(a - expected), `${what}: ${a} vs pandas ${expected}`).toBeLessThanOrEqual(tol);
}

let db: Db;
let cleanup: () => void;

beforeAll(() => {
  const a = freshArchive();
  db = a.db;
  cleanup = a.cleanup;
  for (const [ticker, { file, providerAdjusted }] of Object.entries(ref.files)) {
    expect(loadCsv(db, ticker, path.join(analyticsFixtures, file), providerAdjusted)).toBeGreaterThan(500);
  }
});
afterAll(() => cleanup());

describe('metrics panel = pandas', () => {
  it('covers at least five tickers, three windows, holiday starts and gaps', () => {
    expect(new Set(ref.panels.map((p) => p.ticker)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(ref.panels.map((p) => `${p.from}..${p.to}`)).size).toBeGreaterThanOrEqual(3);
    expect(ref.panels.some((p) => p.fromTradingDay !== p.from)).toBe(true);
    expect(ref.panels.some((p) => (p.missingDays as string[]).length > 0)).toBe(true);
    expect(ref.panels.some((p) => p.firstDate !== p.fromTradingDay)).toBe(true);
  });

  for (const r of ref.panels) {
    it(`${r.ticker} ${r.from}..${r.to} ${r.basis}`, () => {
      const panel = metricsPanel(db, { ticker: r.ticker, from: r.from, to: r.to, basis: r.basis });
      const flat = flattenPanel(panel) as unknown as Record<string, unknown>;
      const skip = new Set(['from', 'to', 'basis', 'ticker', 'missingCount']);
      for (const key of Object.keys(flat)) {
        if (skip.has(key)) continue;
        expect(r, `reference has ${key}`).toHaveProperty(key);
        close(flat[key], r[key], key);
      }
      expect(panel.window.missingCount).toBe((r.missingDays as string[]).length);
      expect(panel.window.fromTradingDay).toBe(r.fromTradingDay);
      expect(panel.window.toTradingDay).toBe(r.toTradingDay);
      if (r.fromTradingDay !== r.from)
        expect(panel.window.notes.join(' ')).toContain(`from ${r.from} is not a trading day`);
      if ((r.missingDays as string[]).length) expect(panel.openToClose.notes.join(' ')).toMatch(/missing/);
      close(panel.ema20.value, r.ema20, 'ema20');
      close(panel.ema50.value, r.ema50, 'ema50');
      close(panel.ema200.value, r.ema200, 'ema200');
      close(panel.distanceFromHigh52w.value, r.distanceFromHigh52w, 'distanceFromHigh52w');
      close(panel.distanceFromLow52w.value, r.distanceFromLow52w, 'distanceFromLow52w');
      expect(panel.maxDrawdown.peakDate).toBe(r.maxDrawdownPeakDate);
      expect(panel.maxDrawdown.troughDate).toBe(r.maxDrawdownTroughDate);
      expect(panel.openToClose.bars).toBe(r.bars);
    });
  }
});

describe('relative performance = pandas', () => {
  for (const r of ref.relative) {
    it(`${r.a} vs ${r.b} ${r.from}..${r.to} ${r.basis}`, () => {
      const rel = relativePerformance(db, { a: r.a, b: r.b, from: r.from, to: r.to, basis: r.basis });
      close(rel.returnA.value, r.returnA, 'returnA');
      close(rel.returnB.value, r.returnB, 'returnB');
      close(rel.difference.value, r.difference, 'difference');
      close(rel.correlation.value, r.correlation, 'correlation');
      close(rel.beta.value, r.beta, 'beta');
      expect(rel.ratio.dates).toEqual(r.ratioDates);
      const ratio = r.ratio as number[];
      expect(rel.ratio.values).toHaveLength(ratio.length);
      ratio.forEach((v, i) => close(rel.ratio.values[i], v, `ratio[${i}]`));
    });
  }
});

describe('group tables = pandas', () => {
  for (const g of ref.group) {
    it(`${g.tickers.join(',')} ${g.from}..${g.to} ${g.basis}`, () => {
      const t = groupTable(db, { tickers: g.tickers, from: g.from, to: g.to, basis: g.basis });
      expect(t.rows.map((r) => r.ticker)).toEqual(g.rows.map((r) => r.ticker));
      g.rows.forEach((e, i) => {
        const row = t.rows[i]!;
        close(row.change.value, e.change, `${e.ticker} change`);
        close(row.close, e.close, `${e.ticker} close`);
        expect(row.aboveSma20).toBe(e.aboveSma20);
        expect(row.aboveSma50).toBe(e.aboveSma50);
      });
      expect(t.breadth).toMatchObject(g.breadth);
    });
  }
});
