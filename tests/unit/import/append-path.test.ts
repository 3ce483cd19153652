import { afterEach, describe, expect, it, vi } from 'vitest';
import { processFile } from '../../../src/main/import/import-file';
import { APPEND_BATCH, BarWriter, beginImportRecord, undoImport } from '../../../src/main/import/write';
import type { Row } from '../../../src/main/import/validate';
import type { Db } from '../../../src/main/db/open';
import { nextTradingDay } from '../../../src/shared/calendar';
import { freshArchive } from '../../helpers/archive';

const cleanups: Array<() => void> = [];
afterEach(() => {
  vi.restoreAllMocks();
  cleanups.splice(0).forEach((c) => c());
});

function archive() {
  const a = freshArchive();
  cleanups.push(a.cleanup);
  return a;
}

function snapshot(db: Db) {
  return {
    bars: db.prepare('SELECT * FROM bars ORDER BY ticker, date').all(),
    tickers: db.prepare('SELECT symbol, prices_adjusted FROM tickers ORDER BY symbol').all(),
    replaced: db.prepare('SELECT * FROM replaced_bars ORDER BY import_id, ticker, date').all(),
    issues: db.prepare('SELECT * FROM import_issues ORDER BY import_id, line, kind').all(),
    imports: db
      .prepare('SELECT id, rows_total, rows_written, rows_replaced, rows_rejected, rows_warned, status FROM imports')
      .all(),
  };
}

const DATES: string[] = [];
for (let d = '2010-01-04', i = 0; i < 600; i++, d = nextTradingDay(d)) DATES.push(d);

/** `Ticker,Date,…` lines of one ticker over DATES[from..to), prices shifted by `bump`. */
function lines(ticker: string, from: number, to: number, bump = 0): string[] {
  const out: string[] = [];
  for (let i = from; i < to; i++) {
    const c = 100 + (i % 37) + bump;
    out.push(`${ticker},${DATES[i]},${c},${c + 2},${c - 1},${c + 1},${c + 0.5},${1000 + i}`);
  }
  return out;
}

function csv(...parts: string[][]): string {
  return ['Ticker,Date,Open,High,Low,Close,Adj Close,Volume', ...parts.flat()].join('\n') + '\n';
}

/** Runs the same imports twice (append path on, and off) and expects the same results and archive. */
function sameBothWays(
  steps: Array<{ text: string; onConflict?: 'fail' | 'replace' | 'keep'; allowRejected?: boolean }>,
) {
  const run = () => {
    const a = archive();
    const results = steps.map((s) =>
      processFile(
        a.db,
        { name: 'multi.csv', text: s.text },
        { onConflict: s.onConflict, allowRejected: s.allowRejected },
        'import',
      ),
    );
    return { a, results, snap: snapshot(a.db) };
  };
  const spy = vi.spyOn(BarWriter.prototype, 'appendRun');
  const fast = run();
  const appended = spy.mock.results.reduce((n, r) => n + (r.value as number), 0);
  spy.mockReturnValue(0);
  const slow = run();
  expect(fast.results).toEqual(slow.results);
  expect(fast.snap).toEqual(slow.snap);
  return { ...fast, appended };
}

describe('the multi-row append path', () => {
  it('writes whole batches of a run that overlaps nothing, with the same results as row by row', () => {
    const { results, appended, a } = sameBothWays([{ text: csv(lines('AAA', 0, 300), lines('BBB', 0, 250)) }]);
    expect(appended).toBe(
      2 * Math.floor(250 / APPEND_BATCH) * APPEND_BATCH + (Math.floor(300 / APPEND_BATCH) - 3) * APPEND_BATCH,
    );
    expect(results[0]!.counts).toMatchObject({ rows: 550, imported: 550 });
    expect(a.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual({ n: 550 });
  });

  it('a ticker that comes back later in the file: identical repeats dropped, different ones rejected', () => {
    const text = csv(lines('AAA', 0, 300), lines('BBB', 0, 100), lines('AAA', 250, 400), lines('AAA', 400, 420, 3));
    const both = sameBothWays([{ text }, { text, allowRejected: true }]);
    expect(both.results[0]!.status).toBe('imported');
    const again = sameBothWays([{ text: csv(lines('AAA', 0, 200), lines('AAA', 100, 300, 1)) }]);
    expect(again.results[0]!.status).toBe('failed');
    expect(again.results[0]!.counts.rejected).toBe(200);
    const allowed = sameBothWays([{ text: csv(lines('AAA', 0, 200), lines('AAA', 100, 300, 1)), allowRejected: true }]);
    expect(allowed.results[0]!.status).toBe('imported');
  });

  it('runs overlapping bars already in the archive keep the per-row policies (fail, keep, replace) and undo', () => {
    const first = csv(lines('AAA', 100, 200), lines('BBB', 0, 300));
    const second = csv(lines('AAA', 0, 400, 1), lines('BBB', 300, 500), lines('CCC', 0, 300));
    for (const onConflict of ['fail', 'keep', 'replace'] as const) {
      const { results, a } = sameBothWays([{ text: first }, { text: second, onConflict }]);
      if (onConflict === 'fail') expect(results[1]!.status).toBe('failed');
      else expect(results[1]!.counts).toMatchObject({ imported: onConflict === 'keep' ? 800 : 900 });
      if (results[1]!.importId !== null) {
        undoImport(a.db, results[1]!.importId);
        expect(a.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual({ n: 400 });
      }
    }
  });

  it('re-importing the same file writes nothing and reports every row unchanged', () => {
    const text = csv(lines('AAA', 0, 300));
    const { results } = sameBothWays([{ text }, { text }]);
    expect(results[1]!.counts).toMatchObject({ imported: 0, unchanged: 300 });
  });

  it('a batch that meets a conflict after all is rolled back whole and left to the per-row path', () => {
    const a = archive();
    const id = a.db.transaction(() => beginImportRecord(a.db, 'x.csv', 'generic'))();
    a.db.prepare("INSERT INTO tickers (symbol) VALUES ('AAA')").run();
    const rows: Row[] = DATES.slice(0, 200).map((date, i) => ({
      line: i + 2,
      raw: '',
      ticker: 'AAA',
      date,
      open: 10,
      high: 11,
      low: 9,
      close: 10,
      adjClose: null,
      volume: 5,
      warned: false,
    }));
    a.db
      .prepare("INSERT INTO bars (ticker, date, open, high, low, close, import_id) VALUES ('AAA', ?, 1, 1, 1, 1, ?)")
      .run(DATES[100], id);
    const w = new BarWriter(a.db, 'write', 'fail', id, false);
    // Pretend the overlap check saw nothing, so the second batch meets the bar of DATES[100].
    (w as unknown as { overlap: { get: () => undefined } }).overlap = { get: () => undefined };
    expect(w.appendRun('AAA', rows)).toBe(APPEND_BATCH);
    expect(a.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual({ n: APPEND_BATCH + 1 });
  });
});
