/**
 * The analytics channels through the real dispatcher (validation, handlers, error envelope), over an
 * archive holding real provider excerpts; watchlist rows are checked against the pandas reference.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import type { MetricsPanel, WatchlistRow } from '../../../src/shared/analytics';
import { freshCore } from '../../helpers/core';
import { analyticsFixtures, loadCsv } from '../../helpers/load-bars';

const TRUSTED = { url: 'file:///app/out/renderer/index.html' };
const ref = JSON.parse(fs.readFileSync(path.join(analyticsFixtures, 'reference.json'), 'utf8')) as {
  files: Record<string, { file: string; providerAdjusted: boolean }>;
  panels: Array<Record<string, unknown>>;
  watchlist: Array<
    Record<string, unknown> & { ticker: string; basis: 'as-traded' | 'total-return'; asOf: string; from: string; to: string }
  >;
};

let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
beforeAll(() => {
  ({ core, cleanup } = freshCore());
  for (const [t, { file, providerAdjusted }] of Object.entries(ref.files))
    loadCsv(core.db, t, path.join(analyticsFixtures, file), providerAdjusted);
  dispatch = createDispatcher(
    handlers,
    core,
    (s) => s.url === TRUSTED.url,
    () => {},
  );
});
afterAll(() => cleanup());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, TRUSTED);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

function near(actual: number | null, expected: unknown, what: string): void {
  expect(actual, what).not.toBeNull();
  const e = expected as number;
  expect(Math.abs(actual! - e), `${what}: ${actual} vs ${e}`).toBeLessThanOrEqual(1e-9 * Math.max(Math.abs(e), 1e-3));
}

describe('metrics channels', () => {
  it('analytics:panel answers a JSON-safe panel (null, never NaN) that says how each figure was computed', async () => {
    const p = await ok<MetricsPanel>('analytics:panel', { ticker: '^gspc', from: '2025-01-09', to: '2025-03-14' });
    expect(JSON.parse(JSON.stringify(p))).toEqual(p); // NaN would have become null
    expect(p.ticker).toBe('^GSPC');
    expect(p.window.fromTradingDay).toBe('2025-01-08');
    expect(p.window.notes[0]).toMatch(/Carter/);
    expect(p.averageVolume.value).toBeNull();
    expect(p.averageVolume.excludedBars).toBe(p.window.bars);
    expect(p.openToClose).toMatchObject({
      formula: 'last.close / first.open − 1',
      basis: 'split-adjusted',
      firstDate: '2025-01-08',
    });
    const r = ref.panels.find((x) => x.ticker === '^GSPC' && x.from === '2025-01-09')!;
    near(p.openToClose.value, r.openToClose, 'openToClose');
    near(p.maxDrawdown.value, r.maxDrawdown, 'maxDrawdown');
  });

  it('analytics:get returns only the figures asked for', async () => {
    const g = await ok<Record<string, unknown>>('analytics:get', {
      ticker: 'IWM',
      from: '2025-12-01',
      to: '2026-01-09',
      metrics: ['dailyVolatility', 'sma20'],
    });
    expect(Object.keys(g).sort()).toEqual(['basis', 'basisInfo', 'dailyVolatility', 'sma20', 'ticker', 'window']);
    expect(((g.dailyVolatility as { value: number }).value * 100).toFixed(2)).toBe('0.92');
  });

  it('analytics:relative and analytics:group answer; the adjusted basis falls back to raw without Adj Close and says so', async () => {
    const rel = await ok<{ correlation: { value: number }; basis: string }>('analytics:relative', {
      a: 'IWM',
      b: 'SPY',
      from: '2025-12-01',
      to: '2026-01-09',
      basis: 'total-return',
    });
    expect(rel.correlation.value).toBeGreaterThan(0.5);
    const adj = await ok<MetricsPanel>('analytics:panel', {
      ticker: 'IWM',
      from: '2025-12-01',
      to: '2026-01-09',
      basis: 'total-return',
    });
    // yfinance's prices already carry the dividends: total return is the provider's, and exact.
    expect(adj.basisInfo).toMatchObject({ requested: 'total-return', exact: true, providerAdjusted: true, applied: { splits: 0, dividends: 0 } });
    expect(adj.basisInfo.note).toMatch(/provider already adjusted/);
    const yahoo = await ok<MetricsPanel>('analytics:panel', {
      ticker: 'XLU',
      from: '2022-01-17',
      to: '2022-06-20',
      basis: 'total-return',
    });
    expect(yahoo.basisInfo).toMatchObject({ exact: true, providerAdjusted: false });
    expect(yahoo.basisInfo.note).toMatch(/Adj Close/);
    const g = await ok<{ rows: Array<{ ticker: string }>; breadth: { noData: number } }>('analytics:group', {
      tickers: ['XLB', 'XLI', 'XLRE', 'XLU', 'NOPE'],
      from: '2022-06-17',
      to: '2022-06-17',
    });
    expect(g.rows.at(-1)!.ticker).toBe('NOPE');
    expect(g.breadth.noData).toBe(1);
  });

  it('analytics:watchlistRows = pandas, and says "no data" for a ticker the archive lacks', async () => {
    for (const w of ref.watchlist) {
      const [row] = await ok<WatchlistRow[]>('analytics:watchlistRows', {
        tickers: [w.ticker],
        basis: w.basis,
        asOf: w.asOf,
        window: { from: w.from, to: w.to },
      });
      expect(row!.hasData).toBe(true);
      expect(row!.lastDate).toBe(w.lastDate);
      for (const k of ['lastClose', 'change1d', 'changeWindow', 'distanceFromSma20', 'distanceFromHigh52w'] as const) {
        near(row![k], w[k], `${w.ticker} ${k}`);
      }
      expect(row!.sparkline.dates).toEqual(w.sparkDates);
      (w.sparkCloses as number[]).forEach((c, i) => near(row!.sparkline.closes[i]!, c, `${w.ticker} spark[${i}]`));
      expect(row!.stale, `${w.ticker} stale as of ${w.asOf}`).toBe(w.stale);
    }
    // Without an as-of date, staleness is judged against the archive's newest bar, not the clock: a
    // ticker ending on it is fresh, one ending earlier says by how many trading days.
    const info = await ok<{ lastDate: string }>('archive:info', {});
    const rows = await ok<WatchlistRow[]>('analytics:watchlistRows', { tickers: ref.watchlist.map((w) => w.ticker as string) });
    for (const r of rows) {
      expect(r.stale, r.ticker).toBe(r.lastDate! < info.lastDate);
      if (r.lastDate === info.lastDate) expect(r.behind).toBe(0);
      else expect(r.behind, r.ticker).toBeGreaterThan(0);
    }
    const [none] = await ok<WatchlistRow[]>('analytics:watchlistRows', { tickers: ['NOPE'] });
    expect(none).toMatchObject({
      ticker: 'NOPE',
      hasData: false,
      lastClose: null,
      sparkline: { dates: [], closes: [] },
    });
  });

  it('answers NOT_FOUND for an unknown ticker and INVALID_INPUT for a bad window or basis', async () => {
    const cases: Array<[string, unknown, string, RegExp]> = [
      ['analytics:panel', { ticker: 'NOPE', from: '2025-12-01', to: '2026-01-09' }, 'NOT_FOUND', /no bars for NOPE/],
      ['analytics:relative', { a: 'IWM', b: 'NOPE', from: '2025-12-01', to: '2026-01-09' }, 'NOT_FOUND', /NOPE/],
      ['analytics:panel', { ticker: 'IWM', from: '2026-01-09', to: '2025-12-01' }, 'INVALID_INPUT', /from is after to/],
      [
        'analytics:panel',
        { ticker: 'IWM', from: '2025-12-01', to: '2026-01-09', basis: 'total' },
        'INVALID_INPUT',
        /basis/,
      ],
      [
        'analytics:get',
        { ticker: 'IWM', from: '2025-12-01', to: '2026-01-09', metrics: ['nope'] },
        'INVALID_INPUT',
        /metrics/,
      ],
    ];
    for (const [channel, input, code, message] of cases) {
      const r = await dispatch(channel, input, TRUSTED);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${channel} ${JSON.stringify(input)}`).toBe(code);
        expect(r.error.message).toMatch(message);
      }
    }
  });
});
