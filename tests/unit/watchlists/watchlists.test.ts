import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { reportTickers } from '../../../src/main/watchlists/repository';
import { freshCore, insertBars } from '../../helpers/core';

const SENDER = { url: 'http://127.0.0.1/' };

describe('watchlist channels', () => {
  let core: Core;
  let cleanup: () => void;
  let dispatch: Dispatch;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- results are checked field by field below
  const call = async (channel: string, input: unknown): Promise<any> => {
    const r = await dispatch(channel, input, SENDER);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.data;
  };
  const failure = async (channel: string, input: unknown): Promise<{ code: string; message: string }> => {
    const r = await dispatch(channel, input, SENDER);
    if (r.ok) throw new Error(`${channel} unexpectedly succeeded`);
    return r.error;
  };

  beforeEach(() => {
    ({ core, cleanup } = freshCore());
    dispatch = createDispatcher(handlers, core, () => true, () => {});
  });
  afterEach(() => cleanup());

  it('creates, renames, adds, removes, reorders and deletes lists', async () => {
    const a = await call('watchlists:create', { name: ' Sectors ', tickers: ['xlb', 'XLU', 'xlb'] });
    expect(a).toMatchObject({ name: 'Sectors', report: null, tickers: ['XLB', 'XLU'] });
    const b = await call('watchlists:create', { name: 'Index' });
    expect(b.position).toBeGreaterThan(a.position);

    expect((await call('watchlists:addTicker', { id: a.id, ticker: 'xli' })).tickers).toEqual(['XLB', 'XLU', 'XLI']);
    expect(await failure('watchlists:addTicker', { id: a.id, ticker: 'XLI' })).toMatchObject({ code: 'CONFLICT' });
    expect((await call('watchlists:reorderItems', { id: a.id, tickers: ['XLI', 'XLB', 'XLU'] })).tickers).toEqual(['XLI', 'XLB', 'XLU']);
    expect(await failure('watchlists:reorderItems', { id: a.id, tickers: ['XLI', 'XLB'] })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call('watchlists:removeTicker', { id: a.id, ticker: 'XLB' })).tickers).toEqual(['XLI', 'XLU']);
    expect(await failure('watchlists:removeTicker', { id: a.id, ticker: 'XLB' })).toMatchObject({ code: 'NOT_FOUND' });

    expect((await call('watchlists:rename', { id: b.id, name: 'Indices' })).name).toBe('Indices');
    expect(await failure('watchlists:rename', { id: b.id, name: '  ' })).toMatchObject({ code: 'INVALID_INPUT' });
    expect((await call('watchlists:reorder', { ids: [b.id, a.id] })).map((w: { name: string }) => w.name)).toEqual(['Indices', 'Sectors']);
    expect(await failure('watchlists:reorder', { ids: [b.id] })).toMatchObject({ code: 'INVALID_INPUT' });

    expect(await call('watchlists:delete', { id: b.id })).toEqual({ id: b.id });
    expect((await call('watchlists:list', {})).map((w: { name: string }) => w.name)).toEqual(['Sectors']);
    expect(await failure('watchlists:delete', { id: b.id })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failure('watchlists:addTicker', { id: a.id, ticker: 'not a ticker' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it("forms a report's watchlist from its related tickers and keeps it with the report", async () => {
    await call('watchlists:create', { name: 'Mine', tickers: ['SPY'] });
    core.db
      .prepare("INSERT INTO reports(id, slug, title, as_of, window_from, window_to, tickers) VALUES (7, 'small-caps', 'Small caps led', '2026-01-09', '2025-12-01', '2026-01-09', ?)")
      .run(JSON.stringify(['iwm', { ticker: 'SPY' }, { symbol: '^RUT' }, 'IWM', 42]));
    // Listing only reads: the report's list is formed by the report's create/update, here by hand.
    const before = core.db.prepare('SELECT total_changes() AS n').get();
    expect(await call('watchlists:list', {})).toHaveLength(1);
    expect(core.db.prepare('SELECT total_changes() AS n').get()).toEqual(before);
    await call('watchlists:fromReport', { reportId: 7 });
    const lists = (await call('watchlists:list', {})).reverse();
    expect(lists[0]).toMatchObject({
      name: 'Small caps led',
      tickers: ['IWM', 'SPY', '^RUT'],
      report: { id: 7, slug: 'small-caps', asOf: '2026-01-09', windowFrom: '2025-12-01', windowTo: '2026-01-09' },
    });
    expect(lists[1]).toMatchObject({ name: 'Mine', report: null });
    // Forming again does not make a second list; it resets the tickers to the report's.
    await call('watchlists:fromReport', { reportId: 7 });
    expect(await call('watchlists:list', {})).toHaveLength(2);
    await call('watchlists:addTicker', { id: lists[0].id, ticker: 'XLU' });
    expect((await call('watchlists:fromReport', { reportId: 7 })).tickers).toEqual(['IWM', 'SPY', '^RUT']);
    expect(await failure('watchlists:delete', { id: lists[0].id })).toMatchObject({ code: 'CONFLICT' });
    expect(await failure('watchlists:fromReport', { reportId: 8 })).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('completes tickers over the archive, prefix matches first', async () => {
    insertBars(core, 'SPY', [['2026-01-09', 1, 1, 1, 1, null, 1]]);
    insertBars(core, 'XSP', [['2026-01-08', 1, 1, 1, 1, null, 1]]);
    insertBars(core, 'SPXL', [['2026-01-08', 1, 1, 1, 1, null, 1], ['2026-01-09', 1, 1, 1, 1, null, 1]]);
    core.db.prepare("UPDATE tickers SET name = 'S&P 500 bull 3x' WHERE symbol = 'SPXL'").run();
    const r = await call('watchlists:complete', { query: 'sp' });
    expect(r.map((c: { symbol: string }) => c.symbol)).toEqual(['SPY', 'SPXL', 'XSP']);
    expect(r[1]).toEqual({ symbol: 'SPXL', name: 'S&P 500 bull 3x', bars: 2, lastDate: '2026-01-09' });
    expect((await call('watchlists:complete', { query: 'bull', limit: 1 })).map((c: { symbol: string }) => c.symbol)).toEqual(['SPXL']);
    expect(await call('watchlists:complete', { query: '%' })).toEqual([]);
  });

  it('lists the data-quality issues of committed imports for a ticker', async () => {
    const db = core.db;
    db.prepare("INSERT INTO imports(id, file_name, file_hash, provider) VALUES (1, 'XLB.csv', 'h', 'yfinance'), (2, 'old.csv', 'h2', 'yahoo')").run();
    db.prepare("UPDATE imports SET status = 'undone' WHERE id = 2").run();
    const ins = db.prepare('INSERT INTO import_issues(import_id, line, severity, kind, ticker, date, reason) VALUES (?,?,?,?,?,?,?)');
    ins.run(1, 6500, 'warning', 'split', 'XLB', '2025-11-17', 'close fell 50% in a day: an unadjusted 2:1 split?');
    ins.run(1, 6450, 'warning', 'range', 'XLB', '2025-09-08', 'open above high');
    ins.run(1, 2, 'warning', 'stray', 'XLB', null, 'not a data row');
    ins.run(2, 9, 'warning', 'split', 'XLB', '2024-01-02', 'undone import');
    const all = await call('archive:issues', { ticker: 'xlb' });
    expect(all).toEqual([
      { date: '2025-09-08', kind: 'range', severity: 'warning', reason: 'open above high', importId: 1, line: 6450 },
      { date: '2025-11-17', kind: 'split', severity: 'warning', reason: 'close fell 50% in a day: an unadjusted 2:1 split?', importId: 1, line: 6500 },
    ]);
    expect(await call('archive:issues', { ticker: 'XLB', from: '2025-10-01' })).toHaveLength(1);
    expect(await failure('archive:issues', { ticker: 'XLB', from: '2025-12-01', to: '2025-01-01' })).toMatchObject({ code: 'INVALID_INPUT' });
  });

  it('reads related tickers from any reasonable report JSON', () => {
    expect(reportTickers('not json')).toEqual([]);
    expect(reportTickers('{"a":1}')).toEqual([]);
    expect(reportTickers('[" spy ","SPY",{"ticker":"iwm"}]')).toEqual(['SPY', 'IWM']);
  });
});
