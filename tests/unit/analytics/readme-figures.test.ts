/**
 * The "Facts worth knowing" of ../shared/data/README.md, out of Breadth's CLI exactly as stated there
 * (rounded as stated), on the real provider files loaded into a real archive.
 *
 * Not checked: the README's unadjusted IWM figure (+5.97 % open-to-close over 2025-12-01..2026-01-09).
 * It needs unadjusted IWM prices for that window, and ../shared/data has none: yfinance/ and
 * yfinance-max/ are dividend-adjusted, and alphavantage/ (unadjusted) starts on 2026-03-31.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { freshArchive } from '../../helpers/archive';
import { loadCsv, sharedData } from '../../helpers/load-bars';

let file: string;
let cleanup: () => void;

beforeAll(() => {
  const a = freshArchive();
  file = a.file;
  cleanup = a.cleanup;
  for (const t of ['IWM', '^RUT', '^DJI', 'SPY']) loadCsv(a.db, t, path.join(sharedData, 'yfinance', `${t}.csv`), true);
  loadCsv(a.db, '^GSPC', path.join(sharedData, 'yfinance-max', '^GSPC.csv'), true);
  a.db.close();
});
afterAll(() => cleanup());

async function cli(args: string[]): Promise<{ code: number; json: Record<string, unknown>; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli([...args, '--db', file], {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env: {},
  });
  return { code, json: stdout ? (JSON.parse(stdout) as Record<string, unknown>) : {}, stderr };
}

async function metrics(ticker: string, extra: string[] = []): Promise<Record<string, unknown>> {
  const r = await cli(['metrics', '--ticker', ticker, '--from', '2025-12-01', '--to', '2026-01-09', ...extra]);
  expect(r.code, r.stderr).toBe(0);
  return r.json;
}

const pct = (x: unknown): string => ((x as number) * 100).toFixed(2);
const fixed2 = (x: unknown): string => (x as number).toFixed(2);

describe('README facts through the CLI', () => {
  it('IWM: 28 trading days, daily volatility 0.92 %, mean volume 35.66 M, +6.33 % open-to-close (adjusted)', async () => {
    const m = await metrics('IWM');
    expect(m.bars).toBe(28);
    expect(m.missingDays).toEqual([]);
    expect(pct(m.dailyVolatility)).toBe('0.92');
    expect(((m.averageVolume as number) / 1e6).toFixed(2)).toBe('35.66');
    expect(pct(m.openToClose)).toBe('6.33');
  });

  it('^RUT: close 2,624.22 and SMA(20) 2,542.44 on 2026-01-09; +5.72 % open-to-close', async () => {
    const m = await metrics('^RUT');
    expect(m.lastDate).toBe('2026-01-09');
    expect(fixed2(m.close)).toBe('2624.22');
    expect(fixed2(m.sma20)).toBe('2542.44');
    expect(pct(m.openToClose)).toBe('5.72');
  });

  it('^DJI: +4.04 % open-to-close', async () => {
    expect(pct((await metrics('^DJI')).openToClose)).toBe('4.04');
  });

  it('^GSPC (yfinance-max): max High up to 2026-01-09 = 6,978.36, close 6,966.28, +2.26 % open-to-close', async () => {
    const m = await metrics('^GSPC');
    expect(fixed2(m.allTimeHigh)).toBe('6978.36');
    expect(fixed2(m.close)).toBe('6966.28');
    expect(pct(m.openToClose)).toBe('2.26');
    // No volume in yfinance-max: the figure is null, never NaN or 0, and the CLI says why.
    expect(m.averageVolume).toBeNull();
  });

  it('prints exactly the keys issue 4 lists', async () => {
    expect(Object.keys(await metrics('IWM'))).toEqual([
      'ticker',
      'from',
      'to',
      'firstDate',
      'lastDate',
      'bars',
      'basis',
      'openToClose',
      'closeToClose',
      'sincePriorClose',
      'dailyVolatility',
      'annualizedVolatility',
      'averageVolume',
      'close',
      'sma20',
      'sma50',
      'sma200',
      'periodHigh',
      'periodHighDate',
      'periodLow',
      'periodLowDate',
      'allTimeHigh',
      'allTimeHighDate',
      'high52w',
      'low52w',
      'maxDrawdown',
      'missingCount',
      'missingDays',
    ]);
  });

  it('says how a non-trading day resolved, and that the provider prices already carry the dividends', async () => {
    const r = await cli([
      'metrics',
      '--ticker',
      'IWM',
      '--from',
      '2025-11-27',
      '--to',
      '2026-01-10',
      '--basis',
      'total-return',
    ]);
    expect(r.code).toBe(0);
    expect(r.json.firstDate).toBe('2025-11-26');
    expect(r.json.basis).toBe('total-return');
    expect(r.stderr).toMatch(/from 2025-11-27 is not a trading day \(Thanksgiving Day\).*2025-11-26/);
    expect(r.stderr).toMatch(/provider already adjusted these prices for dividends/);
  });

  it('relative and group commands answer from the same archive', async () => {
    const rel = await cli(['relative', '--a', 'IWM', '--b', 'SPY', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(rel.code, rel.stderr).toBe(0);
    expect(rel.json.commonBars).toBe(28);
    expect(rel.json.difference as number).toBeCloseTo((rel.json.returnA as number) - (rel.json.returnB as number), 15);
    const g = await cli(['group', '--tickers', 'IWM,SPY,^DJI,^RUT', '--date', '2026-01-09']);
    expect(g.code, g.stderr).toBe(0);
    const changes = (g.json.rows as Array<{ change: number }>).map((r) => r.change);
    expect(changes).toEqual([...changes].sort((a, b) => b - a));
    const bad = await cli(['metrics', '--ticker', 'NOPE', '--from', '2025-12-01', '--to', '2026-01-09']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/no bars for NOPE/);
  });
});
