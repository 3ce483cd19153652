/**
 * The analytics off the main thread and bounded by the archive, not the window (issue 8): a window of
 * 0001-01-01..9999-12-31 answers small and about as fast as a year, a group over 1,000 tickers with that
 * window runs in a worker while other calls answer within 100 ms, and a DomainError crosses the thread
 * with its code, message and details. Bars: real yfinance XLU 2021-01-04..2023-08-28 (tests/fixtures/analytics).
 */
import { refreshTickerTotals } from '../../../src/main/archive/repository';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import type { GroupTable, MetricsPanel } from '../../../src/shared/analytics';
import { countTradingDays, nextTradingDay } from '../../../src/shared/calendar';
import type { Result } from '../../../src/shared/domain';
import { freshCore } from '../../helpers/core';
import { analyticsFixtures, loadCsv } from '../../helpers/load-bars';

const SENDER = { url: 'test:' };
const HUGE = { from: '0001-01-01', to: '9999-12-31' };
const TICKERS = Array.from({ length: 1000 }, (_, i) => `T${String(i).padStart(4, '0')}`);

let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
let xluBars: number;

beforeAll(() => {
  ({ core, cleanup } = freshCore('browser'));
  xluBars = loadCsv(core.db, 'XLU', path.join(analyticsFixtures, 'yahoo-XLU.csv'));
  // 1,000 tickers, each with XLU's real bars: 670k rows, copied inside SQLite.
  core.db.transaction(() => {
    const t = core.db.prepare('INSERT INTO tickers (symbol) VALUES (?)');
    for (const s of TICKERS) t.run(s);
    core.db.exec(
      `INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume)
       SELECT t.symbol, b.date, b.open, b.high, b.low, b.close, b.adj_close, b.volume
       FROM bars b JOIN tickers t ON t.symbol GLOB 'T[0-9][0-9][0-9][0-9]' WHERE b.ticker = 'XLU'`,
    );
    refreshTickerTotals(core.db, TICKERS);
  })();
  dispatch = createDispatcher(handlers, core, () => true, () => {});
});
afterAll(() => cleanup());

async function call<T>(channel: string, input: object): Promise<T> {
  const r = (await dispatch(channel, input, SENDER)) as Result<T>;
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

async function median(n: number, fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)]!;
}

describe('a window of 0001-01-01..9999-12-31', () => {
  it('answers small, counts the gaps and lists only the first of them', async () => {
    const p = await call<MetricsPanel>('analytics:panel', { ticker: 'XLU', ...HUGE });
    expect(JSON.stringify(p).length).toBeLessThan(20_000);
    expect(p.window.bars).toBe(xluBars);
    expect(p.window.firstDate).toBe('2021-01-04');
    // 0001-01-01 is New Year's Day (a Monday): the window starts on the trading day before it.
    expect(p.window.fromTradingDay).toBe('0000-12-29');
    expect(p.window.toTradingDay).toBe('9999-12-31');
    // Every XLU bar is on an NYSE trading day, so the gaps are the window's trading days less the bars.
    expect(p.window.missingCount).toBe(countTradingDays('0000-12-29', '9999-12-31') - xluBars);
    expect(p.window.missingDays).toHaveLength(20);
    expect(p.window.missingDays.slice(0, 2)).toEqual(['0000-12-29', nextTradingDay('0001-01-01')]);
    expect(p.window.notes.join(' ')).toMatch(/before the first bar, .* after the last bar/);
    expect(p.closeToClose.value).not.toBeNull();
  });

  it('takes about as long as a one-year window (ratio measured in this run)', async () => {
    const year = { ticker: 'XLU', from: '2022-01-03', to: '2022-12-30' };
    await call('analytics:panel', year); // warm the worker
    const tYear = await median(7, () => call('analytics:panel', year));
    const tHuge = await median(7, () => call('analytics:panel', { ticker: 'XLU', ...HUGE }));
    console.log(`panel: one year ${tYear.toFixed(2)} ms, 0001..9999 ${tHuge.toFixed(2)} ms (×${(tHuge / tYear).toFixed(2)})`);
    expect(tHuge / tYear).toBeLessThan(5);
  });
});

describe('heavy analytics run in a worker', () => {
  it('a group over 1,000 tickers with that window leaves other calls answering within 100 ms', async () => {
    const started = performance.now();
    let settled = false;
    const group = call<GroupTable>('analytics:group', { tickers: TICKERS, ...HUGE }).finally(() => {
      settled = true;
    });
    const latencies: number[] = [];
    while (!settled) {
      const t = performance.now();
      await call('settings:get', {});
      latencies.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 10));
    }
    const table = await group;
    const took = performance.now() - started;
    console.log(
      `group of 1,000 over 0001..9999: ${took.toFixed(0)} ms; ${latencies.length} settings:get calls meanwhile, slowest ${Math.max(...latencies).toFixed(1)} ms`,
    );
    expect(table.rows).toHaveLength(1000);
    expect(JSON.stringify(table).length).toBeLessThan(2_000_000);
    expect(core.analytics.running).toBeGreaterThan(0);
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(100);
  });

  it('a DomainError keeps its code, message and details across the thread, as in-process', async () => {
    const viaWorker = await dispatch('analytics:panel', { ticker: 'NOPE', from: '2022-01-03', to: '2022-01-07' }, SENDER);
    const local = freshCore('cli');
    try {
      const inProcess = await createDispatcher(handlers, local.core, () => true)(
        'analytics:panel',
        { ticker: 'NOPE', from: '2022-01-03', to: '2022-01-07' },
        SENDER,
      );
      expect(viaWorker).toEqual({
        ok: false,
        error: { code: 'NOT_FOUND', message: 'no bars for NOPE in the archive', details: { ticker: 'NOPE' } },
      });
      expect(inProcess).toEqual(viaWorker);
      expect(local.core.analytics.running).toBe(0);
    } finally {
      local.cleanup();
    }
  });

  it('a worker that dies fails only its own requests; the next call starts another', async () => {
    const pool = core.analytics as unknown as { slots: Array<{ worker: { terminate(): Promise<number> } } | null> };
    await Promise.all(pool.slots.filter(Boolean).map((s) => s!.worker.terminate()));
    expect(core.analytics.running).toBe(0);
    const p = await call<MetricsPanel>('analytics:panel', { ticker: 'XLU', from: '2022-01-03', to: '2022-12-30' });
    expect(p.window.bars).toBe(251);
    expect(core.analytics.running).toBe(1);
  });

  it('closing the core stops the workers and refuses further work', async () => {
    const c = freshCore('browser');
    loadCsv(c.core.db, 'XLU', path.join(analyticsFixtures, 'yahoo-XLU.csv'));
    await c.core.analytics.run('panel', { ticker: 'XLU', from: '2022-01-03', to: '2022-12-30', basis: 'as-traded' });
    expect(c.core.analytics.running).toBe(1);
    c.cleanup();
    expect(c.core.analytics.running).toBe(0);
    await expect(
      c.core.analytics.run('panel', { ticker: 'XLU', from: '2022-01-03', to: '2022-12-30', basis: 'as-traded' }),
    ).rejects.toMatchObject({ code: 'CANCELLED' });
  });
});
