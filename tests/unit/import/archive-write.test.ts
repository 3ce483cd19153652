import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { processFile } from '../../../src/main/import/import-file';
import { listImports, undoImport } from '../../../src/main/import/write';
import type { Db } from '../../../src/main/db/open';
import { freshArchive } from '../../helpers/archive';

const real = path.resolve(__dirname, '../../fixtures/import/real');
// The whole spliced file: the issue's "../shared/data/" beside the repository.
const shared = path.resolve(__dirname, '../../../../shared/data');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive() {
  const a = freshArchive();
  cleanups.push(a.cleanup);
  return a;
}

/** Everything an import can touch, for before/after comparisons. */
function snapshot(db: Db) {
  return {
    bars: db.prepare('SELECT * FROM bars ORDER BY ticker, date').all(),
    tickers: db.prepare('SELECT symbol, prices_adjusted FROM tickers ORDER BY symbol').all(),
  };
}

const YAHOO_SPY = fs.readFileSync(path.join(real, 'yahoo/SPY.csv'), 'utf8');

describe('the spliced S&P 500 file', () => {
  const file = path.join(shared, 'bad/SP500-spliced.csv');

  it('reports each of the 2,517 spliced rows from 2013-05-24 on by line, and by default imports nothing', () => {
    const a = archive();
    const lines = fs
      .readFileSync(file, 'utf8')
      .replace(/^\ufeff/, '')
      .split('\n');
    const r = processFile(a.db, { path: file }, { ticker: '^GSPC' }, 'import');
    expect(r.status).toBe('failed');
    expect(r.error).toMatch(/2,517 rows rejected/);
    const t = r.tickers[0]!;
    expect(t.ticker).toBe('^GSPC');
    expect(t.rows).toBe(5340);
    expect(t.rejected).toHaveLength(2517);
    expect(t.rejected[0]).toMatchObject({ line: 2825, date: '2013-05-24', kind: 'range' });
    expect(t.rejected[0]!.reason).toBe(
      'High 1636.88 is below Close 1649.60; Low 1649.78 is above Open 1646.67; High 1636.88 is below Low 1649.78',
    );
    // Row by row: every line from 2825 to the end, each with its own date.
    expect(t.rejected.map((x) => x.line)).toEqual(Array.from({ length: 2517 }, (_, i) => 2825 + i));
    expect(t.rejected.at(-1)).toMatchObject({ line: 5341, date: '2023-05-24' });
    expect(lines[2825 - 1]).toMatch(/^5\/24\/2013,/);
    expect(snapshot(a.db)).toEqual({ bars: [], tickers: [] });
    expect(listImports(a.db)).toEqual([]);
  });

  it('with rejected rows allowed, imports the 2,823 sound rows up to 2013-05-23', () => {
    const a = archive();
    const r = processFile(a.db, { path: file }, { ticker: '^GSPC', allowRejected: true }, 'import');
    expect(r.status).toBe('imported');
    expect(r.counts).toMatchObject({ rows: 5340, imported: 2823, rejected: 2517 });
    expect(a.db.prepare("SELECT count(*) AS n, max(date) AS last FROM bars WHERE ticker = '^GSPC'").get()).toEqual({
      n: 2823,
      last: '2013-05-23',
    });
    const issues = a.db
      .prepare("SELECT count(*) AS n FROM import_issues WHERE severity = 'rejected' AND ticker = '^GSPC'")
      .get();
    expect(issues).toEqual({ n: 2517 });
  });

  it('every issue carries the raw line as the file has it', () => {
    const a = archive();
    const excerpt = path.join(real, 'bad/SP500-spliced.csv');
    const lines = fs.readFileSync(excerpt, 'utf8').split('\n');
    const r = processFile(a.db, { path: excerpt }, { ticker: '^GSPC', allowRejected: true }, 'import');
    const raws = a.db
      .prepare('SELECT line, raw FROM import_issues WHERE import_id = ? ORDER BY line')
      .all(r.importId) as Array<{ line: number; raw: string }>;
    expect(raws).toHaveLength(16);
    for (const { line, raw } of raws) expect(raw).toBe(lines[line - 1]);
  });
});

describe('warnings', () => {
  it.each(['XLB', 'XLU'])(
    '%s: the unadjusted 2:1 split of 2025-11-17 is imported with a warning and a chart marker',
    (ticker) => {
      const a = archive();
      const r = processFile(
        a.db,
        { path: path.join(real, `yfinance/${ticker}.csv`) },
        { allowRejected: true },
        'import',
      );
      expect(r.status).toBe('imported');
      const splits = r.tickers[0]!.warnings.filter((w) => w.kind === 'split');
      expect(splits).toHaveLength(1);
      expect(splits[0]!.date).toBe('2025-11-17');
      expect(splits[0]!.reason).toMatch(/looks like an unadjusted 2:1 split/);
      expect(
        a.db.prepare("SELECT kind, severity FROM import_issues WHERE ticker = ? AND date = '2025-11-17'").all(ticker),
      ).toEqual([{ kind: 'split', severity: 'warning' }]);
      expect(
        a.db.prepare("SELECT count(*) AS n FROM bars WHERE ticker = ? AND date = '2025-11-17'").get(ticker),
      ).toEqual({ n: 1 });
    },
  );

  it('XLB 2025-09-08 (Open above High) is rejected, blocking the file by default', () => {
    const a = archive();
    const r = processFile(a.db, { path: path.join(real, 'yfinance/XLB.csv') }, {}, 'import');
    expect(r.status).toBe('failed');
    expect(r.tickers[0]!.rejected).toEqual([
      {
        line: 25,
        kind: 'range',
        date: '2025-09-08',
        reason: 'High 92.07 is below Open 92.13',
        raw: '2025-09-08,92.06999969482422,92.06999969482422,90.96499633789062,92.12999725341795,6533752',
      },
    ]);
    expect(snapshot(a.db).bars).toEqual([]);
  });

  it('weekend placeholder rows, holidays, zero volume and XLE stray row are warnings', () => {
    const a = archive();
    const text = [
      'Date,Open,High,Low,Close,Volume',
      ',XLE,XLE,XLE,XLE,XLE',
      '2024-07-03,10,11,9,10.5,1000',
      '2024-07-04,10.5,10.5,10.5,10.5,0',
      '2024-07-06,10.5,10.5,10.5,10.5,',
      '2024-07-08,10.5,11,10,10.8,0',
    ].join('\r\n');
    const r = processFile(a.db, { name: 'XLE.csv', text }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.tickers[0]!.warnings.map((w) => `${w.line}:${w.kind}`)).toEqual([
      '2:stray',
      '4:holiday',
      '4:flat',
      '5:weekend',
      '5:flat',
      '6:zero-volume',
    ]);
    expect(r.counts).toMatchObject({ rows: 4, good: 1, warned: 3, skipped: 1, imported: 4 });
  });

  it('rejects what is not a bar: bad numbers, non-positive prices, negative volume, impossible dates; keeps missing volume', () => {
    const a = archive();
    const text = [
      'Date,Open,High,Low,Close,Volume',
      '2024-01-02,10,11,9,10.5,null',
      '2024-01-03,abc,11,9,10.5,100',
      '2024-01-04,0,11,9,10.5,100',
      '2024-01-05,10,11,9,10.5,-5',
      '2024-02-30,10,11,9,10.5,100',
      '2024-01-08,N/A,11,9,10.5,100',
    ].join('\n');
    const r = processFile(a.db, { name: 'ABC.csv', text }, { allowRejected: true }, 'import');
    expect(r.tickers[0]!.rejected.map((x) => [x.line, x.reason])).toEqual([
      [3, 'Open "abc" is not a number'],
      [4, 'Open 0 is not a positive price'],
      [5, 'Volume -5 is negative'],
      [6, '"2024-02-30" is not a date in the format YYYY-MM-DD'],
      [7, 'Open is missing'],
    ]);
    expect(a.db.prepare('SELECT date, volume FROM bars').all()).toEqual([{ date: '2024-01-02', volume: null }]);
  });

  it('duplicate dates: identical ones are dropped, conflicting ones rejected', () => {
    const a = archive();
    const text = [
      'Date,Open,High,Low,Close',
      '2024-01-02,10,11,9,10.5',
      '2024-01-02,10,11,9,10.5',
      '2024-01-03,10,11,9,10.5',
      '2024-01-03,10,11,9,10.6',
    ].join('\n');
    const r = processFile(a.db, { name: 'ABC.csv', text }, { allowRejected: true }, 'import');
    expect(r.tickers[0]!.warnings.map((w) => [w.line, w.kind])).toEqual([[3, 'duplicate']]);
    expect(r.tickers[0]!.rejected.map((w) => [w.line, w.kind])).toEqual([
      [4, 'conflicting-duplicate'],
      [5, 'conflicting-duplicate'],
    ]);
    expect(a.db.prepare('SELECT date FROM bars').all()).toEqual([{ date: '2024-01-02' }]);
  });
});

describe('conflicts and undo', () => {
  // Line 3 (2021-01-05) gets a different close; line 2 stays identical; a new day is appended.
  const lines = YAHOO_SPY.split('\n');
  const changed = [
    lines[0],
    lines[1],
    lines[2]!.replace('371.329987,357.894897', '371.5,357.894897'),
    '2023-08-29,442.649994,449.450012,442.459991,449.160004,449.160004,82557000',
  ].join('\n');

  it('identical rows are not conflicts: re-importing the same file writes nothing and succeeds', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    const r = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    expect(r.status).toBe('imported');
    expect(r.counts).toMatchObject({ imported: 0, unchanged: 30, conflicts: 0 });
  });

  it('fail (default): shows the differences field by field and leaves the archive as it was', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    const before = snapshot(a.db);
    const r = processFile(a.db, { name: 'SPY.csv', text: changed }, {}, 'import');
    expect(r.status).toBe('failed');
    expect(r.conflicts).toEqual([
      { ticker: 'SPY', date: '2021-01-05', line: 3, changes: [{ field: 'close', archive: 371.329987, file: 371.5 }] },
    ]);
    expect(snapshot(a.db)).toEqual(before);
    expect(listImports(a.db)).toHaveLength(1);
    // The preview shows the same conflict before anything is tried.
    expect(processFile(a.db, { name: 'SPY.csv', text: changed }, {}, 'preview').conflicts).toEqual(r.conflicts);
  });

  it('keep: conflicting rows stay as they were, new rows are added', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    const r = processFile(a.db, { name: 'SPY.csv', text: changed }, { onConflict: 'keep' }, 'import');
    expect(r.counts).toMatchObject({ imported: 1, kept: 1, unchanged: 1, replaced: 0 });
    expect(a.db.prepare("SELECT close FROM bars WHERE date = '2021-01-05'").get()).toEqual({ close: 371.329987 });
  });

  it('replace, then undo: restores the replaced bars exactly and removes only that import’s rows', () => {
    const a = archive();
    const first = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    const before = snapshot(a.db);
    const r = processFile(a.db, { name: 'SPY.csv', text: changed }, { onConflict: 'replace' }, 'import');
    expect(r.counts).toMatchObject({ imported: 2, replaced: 1, unchanged: 1 });
    expect(a.db.prepare("SELECT close, import_id FROM bars WHERE date = '2021-01-05'").get()).toEqual({
      close: 371.5,
      import_id: r.importId,
    });
    expect(a.db.prepare('SELECT ticker, date, close, prev_import_id FROM replaced_bars').all()).toEqual([
      { ticker: 'SPY', date: '2021-01-05', close: 371.329987, prev_import_id: first.importId },
    ]);
    // The first import cannot be undone while the second overwrote some of its bars.
    expect(() => undoImport(a.db, first.importId!)).toThrow(/undo those first/);
    expect(undoImport(a.db, r.importId!)).toEqual({ id: r.importId, removed: 2, restored: 1 });
    expect(snapshot(a.db)).toEqual(before);
    expect(listImports(a.db).map((i) => [i.id, i.status])).toEqual([
      [r.importId, 'undone'],
      [first.importId, 'committed'],
    ]);
    expect(() => undoImport(a.db, r.importId!)).toThrow(/already undone/);
    expect(undoImport(a.db, first.importId!)).toEqual({ id: first.importId, removed: 30, restored: 0 });
    expect(snapshot(a.db)).toEqual({ bars: [], tickers: [] });
  });

  it('records the file name, content hash, provider and counts', () => {
    const a = archive();
    const file = path.join(real, 'yahoo/SPY.csv');
    processFile(a.db, { path: file }, {}, 'import');
    const [rec] = listImports(a.db);
    expect(rec).toMatchObject({
      fileName: 'SPY.csv',
      fileHash: createHash('sha256').update(fs.readFileSync(file)).digest('hex'),
      provider: 'yahoo',
      rowsTotal: 30,
      rowsWritten: 30,
      status: 'committed',
      tickers: ['SPY'],
    });
  });
});

describe('the market an import sets', () => {
  const market = (db: Db): unknown => db.prepare("SELECT market FROM tickers WHERE symbol = 'SPY'").pluck().get();

  it('goes back to the ticker’s earlier market when the import is undone', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    expect(market(a.db)).toBe(null);
    const uk = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    expect(uk.status).toBe('imported');
    expect(market(a.db)).toBe('UK');
    undoImport(a.db, uk.importId!);
    expect(market(a.db)).toBe(null);
  });

  it('undone out of order: a later import’s market stays, and undoing that one goes back past both', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'US' }, 'import');
    const uk = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    const jp = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'JP' }, 'import');
    expect(market(a.db)).toBe('JP');
    undoImport(a.db, uk.importId!);
    expect(market(a.db)).toBe('JP');
    undoImport(a.db, jp.importId!);
    expect(market(a.db)).toBe('US');
  });

  it('stays when a later import, still in place, gave the same market', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'US' }, 'import');
    const first = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    const second = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    undoImport(a.db, first.importId!);
    expect(market(a.db)).toBe('UK');
    undoImport(a.db, second.importId!);
    expect(market(a.db)).toBe('US');
  });

  it('of a ticker the undone import created: a later import’s undo goes back to none', () => {
    const a = archive();
    const lines = YAHOO_SPY.split('\n');
    const created = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    // A later day, kept after the first import is undone: the ticker stays.
    const later = [lines[0], '2023-08-29,442.649994,449.450012,442.459991,449.160004,449.160004,82557000'].join('\n');
    const jp = processFile(a.db, { name: 'SPY.csv', text: later }, { market: 'JP' }, 'import');
    undoImport(a.db, created.importId!);
    expect(market(a.db)).toBe('JP');
    undoImport(a.db, jp.importId!);
    expect(market(a.db)).toBe(null);
  });

  it('is left alone by an import that gave none, and by undoing it', () => {
    const a = archive();
    processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, { market: 'UK' }, 'import');
    const plain = processFile(a.db, { name: 'SPY.csv', text: YAHOO_SPY }, {}, 'import');
    expect(market(a.db)).toBe('UK');
    undoImport(a.db, plain.importId!);
    expect(market(a.db)).toBe('UK');
  });
});
