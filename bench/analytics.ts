/**
 * `npm run bench -- analytics`: Breadth's full metrics panel for 500 tickers × 2,500 bars, read from an
 * archive, against pandas doing the same from the same archive in the same run. Prints both and the ratio
 * (goal ≤ 0.25).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { computePanel } from '../src/main/analytics/panel';
import { readBarsMany } from '../src/main/archive/repository';
import { openArchive, type Db } from '../src/main/db/open';
import { previousTradingDay } from '../src/shared/calendar';
import { prng } from '../tests/helpers/prng';

const TICKERS = 500;
const BARS = 2500;
const WINDOW = 252;
const here = path.dirname(fileURLToPath(import.meta.url));

/** Fills an archive with TICKERS random-walk tickers of BARS trading days each, with plain SQL. */
function buildArchive(db: Db): string[] {
  const dates: string[] = [];
  let d = '2026-01-12';
  for (let i = 0; i < BARS; i++) dates.unshift((d = previousTradingDay(d)));
  const rand = prng(42);
  const insTicker = db.prepare('INSERT INTO tickers (symbol, prices_adjusted) VALUES (?, 1)');
  const insBar = db.prepare(
    'INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)',
  );
  const symbols: string[] = [];
  db.transaction(() => {
    for (let t = 0; t < TICKERS; t++) {
      const sym = `T${String(t).padStart(3, '0')}`;
      symbols.push(sym);
      insTicker.run(sym);
      let close = 20 + rand() * 200;
      for (const date of dates) {
        const open = close * (1 + (rand() - 0.5) * 0.01);
        close = close * (1 + (rand() - 0.5) * 0.04);
        const high = Math.max(open, close) * (1 + rand() * 0.01);
        const low = Math.min(open, close) * (1 - rand() * 0.01);
        insBar.run(sym, date, open, high, low, close, Math.round(1e5 + rand() * 1e7));
      }
    }
  })();
  return symbols;
}

/** One side's timing: wall and CPU seconds, time spent reading, and a checksum of the panels. */
interface Timing {
  seconds: number;
  cpuSeconds: number;
  readSeconds: number;
  checksum: number;
  tickers: number;
}

/** Breadth's side: read every ticker through the columnar path and compute its full panel. */
function breadthPanel(db: Db): Timing {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const all = readBarsMany(db);
  const t1 = performance.now();
  let checksum = 0;
  for (const bars of all.values()) {
    const n = bars.dates.length;
    const p = computePanel(bars, {
      from: bars.dates[n - WINDOW]!,
      to: bars.dates[n - 1]!,
      basis: 'as-traded',
      pricing: { providerAdjusted: false, actions: [] },
    });
    checksum +=
      p.openToClose.value! + p.dailyVolatility.value! + p.sma200.value! + p.maxDrawdown.value! + p.ema20.value!;
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage(c0);
  return {
    seconds: (t2 - t0) / 1000,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    readSeconds: (t1 - t0) / 1000,
    checksum,
    tickers: all.size,
  };
}

/** Runs the benchmark and prints both timings and their ratio. */
export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-bench-analytics-'));
  try {
    const file = path.join(dir, 'archive.sqlite');
    const { db } = openArchive(file);
    const b0 = performance.now();
    buildArchive(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    console.log(
      `archive: ${TICKERS} tickers × ${BARS} bars built in ${((performance.now() - b0) / 1000).toFixed(1)} s`,
    );
    // Warm the page cache for both sides alike, then take the best of three runs each.
    breadthPanel(db);
    const ours = [breadthPanel(db), breadthPanel(db), breadthPanel(db)].sort((a, b) => a.seconds - b.seconds)[0]!;
    const theirs = [0, 1, 2]
      .map(() => {
        const r = spawnSync('/usr/bin/python3', [path.join(here, 'analytics-pandas.py'), file], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(`pandas failed: ${r.stderr}`);
        return JSON.parse(r.stdout.trim().split('\n').pop()!) as Timing;
      })
      .sort((a, b) => a.seconds - b.seconds)[0]!;
    db.close();
    const agree = Math.abs(ours.checksum - theirs.checksum) <= 1e-9 * Math.abs(theirs.checksum);
    const line = (who: string, t: Timing): string =>
      `${who} ${t.seconds.toFixed(3)} s wall, ${t.cpuSeconds.toFixed(3)} s CPU for ${t.tickers} panels (reading ${t.readSeconds.toFixed(3)} s)`;
    console.log(line('breadth:', ours));
    console.log(line('pandas: ', theirs));
    console.log(
      `ratio:   ${(ours.seconds / theirs.seconds).toFixed(3)} wall, ${(ours.cpuSeconds / theirs.cpuSeconds).toFixed(3)} CPU (goal ≤ 0.25; best of 3 runs each)`,
    );
    console.log(`checksums ${agree ? 'agree' : 'DIFFER'}: breadth ${ours.checksum} pandas ${theirs.checksum}`);
    if (!agree) process.exitCode = 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
