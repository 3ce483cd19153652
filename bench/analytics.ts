/**
 * `npm run bench -- analytics`: the full metrics panel (the window is each ticker's last 252 bars) of
 * 500 tickers × 2,500 bars, through the service the app calls, from a freshly opened archive (built
 * once under .bench/ and reused), against two references in the same run: numpy reading each ticker
 * with Python's sqlite3 module, and DuckDB (`@duckdb/node-api`) computing the same figures with window
 * functions over its own copy of the bars (loaded untimed). The sums of eleven figures must agree.
 * Prints each run's times, the ratios to DuckDB and Breadth's memory. Goal (issue 14): Breadth ≤ 0.5 ×
 * DuckDB in every run. pandas is timed once beside them, outside the ratio (it builds a DataFrame per
 * ticker, which flatters Breadth), after the runs. numpy runs in one Python process started before the
 * runs: a process spawned between two runs would charge the next for the fork (see ./python.ts).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import { metricsPanel } from '../src/main/analytics/service';
import { openArchive } from '../src/main/db/open';
import { withPythonReference, type PythonReference } from './python';
import { randomArchive, type RandomArchive } from './random-archive';

const TICKERS = 500;
const BARS = 2500;
const WINDOW = 252;
const RUNS = 3;
const here = path.dirname(fileURLToPath(import.meta.url));

/** The figures every side sums over all tickers. */
const FIGURES = ['openToClose', 'closeToClose', 'dailyVolatility', 'averageVolume', 'sma20', 'sma200', 'ema20', 'periodHigh', 'allTimeHigh', 'high52w', 'maxDrawdown'] as const;
type Sums = Record<(typeof FIGURES)[number], number>;

const agree = (a: Sums, b: Sums): boolean => FIGURES.every((k) => Math.abs(a[k] - b[k]) <= 1e-9 * Math.max(1, Math.abs(b[k])));

function breadthSide(a: RandomArchive): { ms: number; rssMb: number; sums: Sums } {
  const rss0 = process.memoryUsage().rss;
  const t0 = performance.now();
  const { db } = openArchive(a.dbPath);
  // Every ticker has the same calendar here: the window is the last 252 trading days.
  const dates = db.prepare(`SELECT date FROM bars WHERE ticker = ? ORDER BY date DESC LIMIT ${WINDOW}`).pluck().all(a.symbols[0]) as string[];
  const from = dates.at(-1)!;
  const to = dates[0]!;
  const sums = Object.fromEntries(FIGURES.map((k) => [k, 0])) as Sums;
  for (const ticker of a.symbols) {
    const p = metricsPanel(db, { ticker, from, to, basis: 'as-traded' });
    for (const k of FIGURES) sums[k] += p[k].value!;
  }
  const ms = performance.now() - t0;
  const rssMb = (process.memoryUsage().rss - rss0) / 1e6;
  db.close();
  return { ms, rssMb, sums };
}

const NUMPY = String.raw`
import json, sqlite3, sys, time
import numpy as np
t0 = time.perf_counter()
db = sqlite3.connect(sys.argv[1])
W = int(sys.argv[2])
tickers = [r[0] for r in db.execute("SELECT symbol FROM tickers ORDER BY symbol")]
keys = ["openToClose", "closeToClose", "dailyVolatility", "averageVolume", "sma20", "sma200", "ema20", "periodHigh", "allTimeHigh", "high52w", "maxDrawdown"]
s = dict.fromkeys(keys, 0.0)
a = 2 / 21
for t in tickers:
    rows = db.execute("SELECT julianday(date), open, high, close, volume FROM bars WHERE ticker = ? ORDER BY date", (t,)).fetchall()
    x = np.array(rows, dtype=float)
    jd, o, h, c, v = x[:, 0], x[:, 1], x[:, 2], x[:, 3], x[:, 4]
    n = len(c)
    w = slice(n - W, n)
    wc = c[w]
    r = wc[1:] / wc[:-1] - 1
    s["openToClose"] += wc[-1] / o[n - W] - 1
    s["closeToClose"] += wc[-1] / wc[0] - 1
    s["dailyVolatility"] += r.std(ddof=1)
    s["averageVolume"] += v[w].mean()
    s["sma20"] += c[-20:].mean()
    s["sma200"] += c[-200:].mean()
    # EMA(20) seeded with the first close: (1-a)^(n-1) c0 + a * sum (1-a)^(n-1-i) ci
    wts = a * (1 - a) ** np.arange(n - 1, -1, -1.0)
    wts[0] = (1 - a) ** (n - 1)
    s["ema20"] += float(wts @ c)
    s["periodHigh"] += h[w].max()
    s["allTimeHigh"] += h.max()
    s["high52w"] += h[jd >= jd[-1] - 365].max()
    s["maxDrawdown"] += (wc / np.maximum.accumulate(wc) - 1).min()
ms = (time.perf_counter() - t0) * 1000
print(json.dumps({"ms": ms, "sums": s}))
`;

async function numpySide(py: PythonReference, a: RandomArchive): Promise<{ ms: number; sums: Sums } | null> {
  try {
    return JSON.parse(await py.run(NUMPY, [a.dbPath, String(WINDOW)])) as { ms: number; sums: Sums };
  } catch (e) {
    console.log(`numpy reference skipped: ${(e as Error).message}`);
    return null;
  }
}

/** DuckDB's side: its own table of the bars (loaded once, untimed), then one query per run. */
async function duckdb(a: RandomArchive): Promise<{ run: () => Promise<{ ms: number; sums: Sums }>; close: () => void }> {
  const instance = await DuckDBInstance.create(':memory:');
  const con = await instance.connect();
  const src = new Database(a.dbPath, { readonly: true });
  await con.run('CREATE TABLE bars (ticker VARCHAR, date DATE, open DOUBLE, high DOUBLE, low DOUBLE, close DOUBLE, volume DOUBLE)');
  const appender = await con.createAppender('bars');
  for (const r of src.prepare('SELECT ticker, date, open, high, low, close, volume FROM bars ORDER BY ticker, date').raw().iterate() as Iterable<[string, string, number, number, number, number, number]>) {
    appender.appendVarchar(r[0]);
    appender.appendVarchar(r[1]);
    for (let k = 2; k < 7; k++) appender.appendDouble(r[k] as number);
    appender.endRow();
  }
  appender.closeSync();
  src.close();
  const sql = `
    WITH b AS (
      SELECT ticker, date, open, high, close, volume,
        row_number() OVER w - 1 AS i,
        count(*) OVER (PARTITION BY ticker) AS n,
        lag(close) OVER w AS pclose,
        max(date) OVER (PARTITION BY ticker) AS last_date
      FROM bars WINDOW w AS (PARTITION BY ticker ORDER BY date)
    ),
    win AS (
      SELECT *, max(close) OVER (PARTITION BY ticker ORDER BY date ROWS UNBOUNDED PRECEDING) AS peak
      FROM b WHERE i >= n - ${WINDOW}
    ),
    per AS (
      SELECT ticker,
        arg_max(close, i) / arg_min(open, i) - 1 AS openToClose,
        arg_max(close, i) / arg_min(close, i) - 1 AS closeToClose,
        stddev_samp(CASE WHEN i > n - ${WINDOW} THEN close / pclose - 1 END) AS dailyVolatility,
        avg(volume) AS averageVolume,
        max(high) AS periodHigh,
        min(close / peak - 1) AS maxDrawdown
      FROM win GROUP BY ticker
    ),
    whole AS (
      SELECT ticker,
        avg(CASE WHEN i >= n - 20 THEN close END) AS sma20,
        avg(CASE WHEN i >= n - 200 THEN close END) AS sma200,
        sum(close * CASE WHEN i = 0 THEN pow(1 - 2.0 / 21, n - 1) ELSE 2.0 / 21 * pow(1 - 2.0 / 21, n - 1 - i) END) AS ema20,
        max(high) AS allTimeHigh,
        max(CASE WHEN date >= last_date - INTERVAL 365 DAY THEN high END) AS high52w
      FROM b GROUP BY ticker
    )
    SELECT ${FIGURES.map((k) => `sum(${k}) AS ${k}`).join(', ')} FROM per JOIN whole USING (ticker)`;
  return {
    run: async () => {
      const t0 = performance.now();
      const row = (await con.runAndReadAll(sql)).getRowObjects()[0]!;
      const ms = performance.now() - t0;
      return { ms, sums: Object.fromEntries(FIGURES.map((k) => [k, Number(row[k])])) as Sums };
    },
    close: () => {
      con.closeSync();
      instance.closeSync();
    },
  };
}

function pandasOnce(a: RandomArchive): string {
  const r = spawnSync('/usr/bin/python3', [path.join(here, 'analytics-pandas.py'), a.dbPath], { encoding: 'utf8', maxBuffer: 16 << 20 });
  if (r.status !== 0) return `pandas skipped: ${r.stderr.trim().split('\n').at(-1)}`;
  const t = JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number };
  return `pandas (once, not in the ratio): ${(t.seconds * 1000).toFixed(0)} ms`;
}

/** Runs the benchmark. */
export function run(): Promise<void> {
  return withPythonReference(async (py) => {
    const t0 = Date.now();
    const a = randomArchive({ name: `analytics-${TICKERS}x${BARS}-v1`, tickers: TICKERS, days: BARS, seed: 42, skip: 0, symbol: (i) => `T${String(i).padStart(3, '0')}` });
    console.log(`archive: ${TICKERS} tickers × ${BARS.toLocaleString('en-US')} bars (${((Date.now() - t0) / 1000).toFixed(0)} s to build or find)`);
    const duck = await duckdb(a);
    try {
      for (let r = 0; r < RUNS; r++) {
        const b = breadthSide(a);
        const np = await numpySide(py, a);
        const d = await duck.run();
        const ok = agree(b.sums, d.sums) && (!np || agree(b.sums, np.sums));
        console.log(
          `run ${r + 1}: Breadth ${b.ms.toFixed(0)} ms (memory +${b.rssMb.toFixed(0)} MB) · numpy ${np ? np.ms.toFixed(0) + ' ms' : '—'} · DuckDB ${d.ms.toFixed(0)} ms · ratio to DuckDB ${(b.ms / d.ms).toFixed(2)} · sums ${ok ? 'agree' : `DIFFER ${JSON.stringify({ breadth: b.sums, duckdb: d.sums, numpy: np?.sums })}`}`,
        );
        if (!ok) process.exitCode = 1;
      }
    } finally {
      duck.close();
    }
    console.log(pandasOnce(a));
    console.log('goal: Breadth ≤ 0.5 × DuckDB in every run');
  });
}
