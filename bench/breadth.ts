/**
 * `npm run bench -- breadth`: the breadth series of 500 tickers × 5,000 trading days (2.5 M bars; the
 * archive is built once under .bench/ and reused), from a freshly opened archive, against two
 * references in the same run: numpy reading each ticker with Python's sqlite3 module, and DuckDB
 * (`@duckdb/node-api`) computing the same counts with window functions over its own copy of the bars
 * (loaded untimed). All three checksums must agree. Prints times, ratios to DuckDB and Breadth's memory.
 * Goal (issue 14): Breadth ≤ 0.5 × DuckDB. numpy runs in one Python process started before the runs: a
 * process spawned between two runs would charge the next for the fork (see ./python.ts).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { breadthOf } from '../src/main/breadth/service';
import { openArchive } from '../src/main/db/open';
import { withPythonReference, type PythonReference } from './python';
import { randomArchive } from './random-archive';

const TICKERS = 500;
const DAYS = 5_000;
const RUNS = 3;
const archive = (): ReturnType<typeof randomArchive> =>
  randomArchive({ name: `breadth-${TICKERS}x${DAYS}-v1`, tickers: TICKERS, days: DAYS, seed: 14, skip: 0.002, symbol: (i) => `B${String(i).padStart(3, '0')}` });
let dbPath = '';

/** The figures all three sides compute, summed into one number each so they can be compared. */
interface Checksums {
  advancers: number;
  decliners: number;
  adLineLast: number;
  above50: number;
  above200: number;
  newHighs: number;
  newLows: number;
}

const same = (a: Checksums, b: Checksums): boolean => (Object.keys(a) as Array<keyof Checksums>).every((k) => a[k] === b[k]);

function breadthSide(span: { first: string; last: string; symbols: string[] }): { ms: number; rssMb: number; sums: Checksums } {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const { db } = openArchive(dbPath);
  const s = breadthOf(db, {
    universe: { kind: 'tickers', tickers: span.symbols },
    from: span.first,
    to: span.last,
    basis: 'split-adjusted',
  });
  const ms = performance.now() - t0;
  const rssMb = (process.memoryUsage().rss - rss0) / 1e6;
  db.close();
  const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
  const count = (xs: Array<number | null>, base: number[]): number => Math.round(sum(xs.map((x, i) => (x ?? 0) * base[i]!)));
  return {
    ms,
    rssMb,
    sums: {
      advancers: sum(s.advancers),
      decliners: sum(s.decliners),
      adLineLast: s.adLine.at(-1)!,
      above50: count(s.above.sma50.share, s.above.sma50.base),
      above200: count(s.above.sma200.share, s.above.sma200.base),
      newHighs: sum(s.newHighs),
      newLows: sum(s.newLows),
    },
  };
}

const NUMPY = String.raw`
import json, sqlite3, sys, time
import numpy as np
t0 = time.perf_counter()
db = sqlite3.connect(sys.argv[1])
tickers = [r[0] for r in db.execute("SELECT symbol FROM tickers ORDER BY symbol")]
cal = [r[0] for r in db.execute("SELECT DISTINCT date FROM bars ORDER BY date")]
day = {d: i for i, d in enumerate(cal)}
n = len(cal)
adv = np.zeros(n, np.int64); dec = np.zeros(n, np.int64)
a50 = 0; a200 = 0; hi = 0; lo = 0
def window_max(x, w):
    from numpy.lib.stride_tricks import sliding_window_view
    return sliding_window_view(x, w).max(axis=1)
for t in tickers:
    rows = db.execute("SELECT date, close, high, low FROM bars WHERE ticker = ? ORDER BY date", (t,)).fetchall()
    idx = np.fromiter((day[r[0]] for r in rows), np.int64, len(rows))
    c = np.fromiter((r[1] for r in rows), float, len(rows))
    h = np.fromiter((r[2] for r in rows), float, len(rows))
    l = np.fromiter((r[3] for r in rows), float, len(rows))
    full = np.full(n, np.nan); full[idx] = c
    d = full[1:] - full[:-1]
    adv[1:] += d > 0; dec[1:] += d < 0
    cs = np.concatenate([[0.0], np.cumsum(c)])
    for w in (50, 200):
        sma = (cs[w:] - cs[:-w]) / w
        above = int((c[w - 1:] - sma > 1e-9 * c[w - 1:]).sum())
        if w == 50: a50 += above
        else: a200 += above
    if len(h) >= 252:
        ph = window_max(h[:-1], 251)
        pl = -window_max(-l[:-1], 251)
        hi += int((h[251:] >= ph).sum()); lo += int((l[251:] <= pl).sum())
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": ms, "sums": {"advancers": int(adv.sum()), "decliners": int(dec.sum()), "adLineLast": int((adv - dec).sum()),
  "above50": a50, "above200": a200, "newHighs": hi, "newLows": lo}}))
`;

async function numpySide(py: PythonReference): Promise<{ ms: number; sums: Checksums } | null> {
  try {
    return JSON.parse(await py.run(NUMPY, [dbPath])) as { ms: number; sums: Checksums };
  } catch (e) {
    console.log(`numpy reference skipped: ${(e as Error).message}`);
    return null;
  }
}

async function duckdbSide(): Promise<{ ms: number; sums: Checksums }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  // Untimed: DuckDB's own copy of the bars.
  const db = new Database(dbPath, { readonly: true });
  await con.run('CREATE TABLE bars (ticker VARCHAR, date DATE, close DOUBLE, high DOUBLE, low DOUBLE)');
  const appender = await con.createAppender('bars');
  for (const r of db.prepare('SELECT ticker, date, close, high, low FROM bars ORDER BY ticker, date').iterate() as Iterable<{ ticker: string; date: string; close: number; high: number; low: number }>) {
    appender.appendVarchar(r.ticker);
    appender.appendVarchar(r.date);
    appender.appendDouble(r.close);
    appender.appendDouble(r.high);
    appender.appendDouble(r.low);
    appender.endRow();
  }
  appender.closeSync();
  db.close();
  const t0 = performance.now();
  const sql = `
    WITH cal AS (SELECT date, row_number() OVER (ORDER BY date) AS k FROM (SELECT DISTINCT date FROM bars)),
    b AS (
      SELECT b.ticker, b.date, c.k, b.close, b.high, b.low,
        lag(b.close) OVER w AS pclose, lag(c.k) OVER w AS pk,
        avg(b.close) OVER (w ROWS BETWEEN 49 PRECEDING AND CURRENT ROW) AS sma50,
        avg(b.close) OVER (w ROWS BETWEEN 199 PRECEDING AND CURRENT ROW) AS sma200,
        max(b.high) OVER (w ROWS BETWEEN 251 PRECEDING AND 1 PRECEDING) AS phigh,
        min(b.low) OVER (w ROWS BETWEEN 251 PRECEDING AND 1 PRECEDING) AS plow,
        row_number() OVER w AS i
      FROM bars b JOIN cal c USING (date)
      WINDOW w AS (PARTITION BY b.ticker ORDER BY b.date)
    )
    SELECT
      sum(CASE WHEN pk = k - 1 AND close > pclose THEN 1 ELSE 0 END)::BIGINT AS advancers,
      sum(CASE WHEN pk = k - 1 AND close < pclose THEN 1 ELSE 0 END)::BIGINT AS decliners,
      sum(CASE WHEN i >= 50 AND close - sma50 > 1e-9 * close THEN 1 ELSE 0 END)::BIGINT AS above50,
      sum(CASE WHEN i >= 200 AND close - sma200 > 1e-9 * close THEN 1 ELSE 0 END)::BIGINT AS above200,
      sum(CASE WHEN i >= 252 AND high >= phigh THEN 1 ELSE 0 END)::BIGINT AS newHighs,
      sum(CASE WHEN i >= 252 AND low <= plow THEN 1 ELSE 0 END)::BIGINT AS newLows
    FROM b`;
  const rows = (await con.runAndReadAll(sql)).getRowObjects()[0]!;
  const ms = performance.now() - t0;
  const n = (k: string): number => Number(rows[k] as bigint);
  con.closeSync();
  instance.closeSync();
  return { ms, sums: { advancers: n('advancers'), decliners: n('decliners'), adLineLast: n('advancers') - n('decliners'), above50: n('above50'), above200: n('above200'), newHighs: n('newHighs'), newLows: n('newLows') } };
}

/** Runs the benchmark. */
export function run(): Promise<void> {
  return withPythonReference(async (py) => {
    const t0 = Date.now();
    const span = archive();
    dbPath = span.dbPath;
    console.log(`archive: ${TICKERS} tickers × ${DAYS.toLocaleString('en-US')} days (${((Date.now() - t0) / 1000).toFixed(0)} s to build or find)`);
    for (let r = 0; r < RUNS; r++) {
      const b = breadthSide(span);
      const np = await numpySide(py);
      const duck = await duckdbSide();
      const agree = same(b.sums, duck.sums) && (!np || same(b.sums, np.sums));
      console.log(
        `run ${r + 1}: Breadth ${b.ms.toFixed(0)} ms (memory +${b.rssMb.toFixed(0)} MB) · numpy ${np ? np.ms.toFixed(0) + ' ms' : '—'} · DuckDB ${duck.ms.toFixed(0)} ms · ratio to DuckDB ${(b.ms / duck.ms).toFixed(2)} · checksums ${agree ? 'equal' : `DIFFER ${JSON.stringify({ breadth: b.sums, duckdb: duck.sums, numpy: np?.sums })}`}`,
      );
      if (!agree) process.exitCode = 1;
    }
    console.log('goal: Breadth ≤ 0.5 × DuckDB in every run');
  });
}
