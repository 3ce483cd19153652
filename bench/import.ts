/**
 * `npm run bench -- import`: Breadth's import of a 1,000,000-row multi-ticker CSV (400 tickers × 2,500
 * days) against the sqlite3 tool's `.import` of the same file into the same table, and Breadth's peak
 * memory importing 4,000,000 rows (1,600 tickers × 2,500 days) against 1,000,000.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCsv } from './import/generate';

const here = path.dirname(fileURLToPath(import.meta.url));
const sec = (ms: number): string => (ms / 1000).toFixed(2);

interface Measure {
  ms: number;
  cpuMs: number;
  maxRssMb: number;
  bars: number;
}

function measure(tool: 'breadth' | 'sqlite3', csv: string, archive: string): Measure {
  const out = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'import', 'child.ts'), tool, csv, archive],
    {
      encoding: 'utf8',
    },
  );
  return JSON.parse(out.trim().split('\n').pop()!) as Measure;
}

/** What the import benchmark measured. */
export interface ImportBenchResult {
  breadthMs: number;
  sqliteMs: number;
  ratio: number;
  cpuRatio: number;
  rss1MMb: number;
  rss4MMb: number;
  memoryRatio: number;
}

/** Runs the import benchmark and prints its figures. */
export function run(): ImportBenchResult {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-bench-import-'));
  try {
    const csv1 = path.join(dir, 'bars-1m.csv');
    const csv4 = path.join(dir, 'bars-4m.csv');
    const t = performance.now();
    generateCsv(csv1, 400, 2500);
    generateCsv(csv4, 1600, 2500, 7);
    const mb = (f: string): string => (fs.statSync(f).size / 1e6).toFixed(1);
    console.log(`generated 1M and 4M rows (${mb(csv1)} MB, ${mb(csv4)} MB) in ${sec(performance.now() - t)} s`);
    // Two interleaved rounds, best of each: the machine's load changes while the benchmark runs, and
    // the fastest run of each tool is the one least disturbed by it. CPU time is printed as well.
    const sqliteRuns: Measure[] = [];
    const breadthRuns: Measure[] = [];
    for (let round = 0; round < 2; round++) {
      const s = measure('sqlite3', csv1, path.join(dir, `sqlite3-${round}.sqlite`));
      const b = measure('breadth', csv1, path.join(dir, `breadth-1m-${round}.sqlite`));
      sqliteRuns.push(s);
      breadthRuns.push(b);
      console.log(
        `round ${round + 1}: sqlite3 ${sec(s.ms)} s (CPU ${sec(s.cpuMs)} s), Breadth ${sec(b.ms)} s (CPU ${sec(b.cpuMs)} s)`,
      );
    }
    const best = (runs: Measure[]): Measure => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const sqlite = best(sqliteRuns);
    const breadth = best(breadthRuns);
    const breadth4 = measure('breadth', csv4, path.join(dir, 'breadth-4m.sqlite'));
    for (const [name, m, want] of [
      ['sqlite3 1M', sqlite, 1_000_000],
      ['Breadth 1M', breadth, 1_000_000],
      ['Breadth 4M', breadth4, 4_000_000],
    ] as const) {
      if (m.bars !== want) throw new Error(`${name} wrote ${m.bars} bars, expected ${want}`);
    }
    const ratio = breadth.ms / sqlite.ms;
    const cpuRatio = Math.min(...breadthRuns.map((r) => r.cpuMs)) / Math.min(...sqliteRuns.map((r) => r.cpuMs));
    // Peak memory of the 1M runs to compare with: the larger of the two (the conservative ratio).
    const rss1 = Math.max(...breadthRuns.map((r) => r.maxRssMb));
    const memoryRatio = breadth4.maxRssMb / rss1;
    console.log(
      `import of 1,000,000 rows (best wall time): Breadth ${sec(breadth.ms)} s, sqlite3 .import ${sec(sqlite.ms)} s, ratio ${ratio.toFixed(2)}× (goal ≤ 1.0×)`,
    );
    console.log(`CPU time ratio (best of each): ${cpuRatio.toFixed(2)}×`);
    console.log(`Breadth 4,000,000 rows: ${sec(breadth4.ms)} s (CPU ${sec(breadth4.cpuMs)} s)`);
    console.log(
      `peak memory (maxRSS): 1M rows ${rss1.toFixed(0)} MB, 4M rows ${breadth4.maxRssMb.toFixed(0)} MB, ratio ${memoryRatio.toFixed(2)} (goal ≤ 1.2)`,
    );
    return {
      breadthMs: breadth.ms,
      sqliteMs: sqlite.ms,
      ratio,
      cpuRatio,
      rss1MMb: rss1,
      rss4MMb: breadth4.maxRssMb,
      memoryRatio,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
