/**
 * `npm run bench -- chart`: in Chromium, through the browser host, the time from choosing a ticker (a
 * click in the sidebar) to its chart drawn (the PriceChart marks `data-drawn` two animation frames after
 * its candles and volume were set for the range shown), and, for reference, to `data-settled` (the
 * whole history of a long series and the moving averages in, done in idle time after the first frame), for tickers of 7,500 and 100,000 daily bars, median of 20 each, against the time to
 * load the same bars over the contract alone (`archive:bars` over HTTP, decoded into typed columns).
 * Prints both and the ratio; goal: ratio < 2.0 at 100,000 bars (drawing costs less than loading).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import Database from 'better-sqlite3';
import { openArchive } from '../src/main/db/open';
import { repoRoot, startHost } from '../tests/e2e/support/host';
import { prng } from '../tests/helpers/prng';

const SIZES = [7_500, 100_000];
const RUNS = 20;

/** `n` weekdays ending 2026-01-09, oldest first (100,000 reach back into the 17th century). */
function weekdays(n: number): string[] {
  const out: string[] = [];
  const d = new Date(Date.UTC(2026, 0, 9));
  while (out.length < n) {
    const w = d.getUTCDay();
    if (w !== 0 && w !== 6) out.push(d.toISOString().slice(0, 10));
    d.setUTCDate(d.getUTCDate() - 1);
  }
  return out.reverse();
}

/** Ticker `i` of a size: `C7500_03`, `C100000_17`. */
const symbol = (size: number, i: number): string => `C${size}_${String(i).padStart(2, '0')}`;

/** RUNS + 1 random-walk tickers per size (the first warms up). */
function seed(dbPath: string): void {
  openArchive(dbPath).db.close();
  const db = new Database(dbPath);
  const rand = prng(7);
  const insTicker = db.prepare('INSERT INTO tickers (symbol) VALUES (?)');
  const insBar = db.prepare('INSERT INTO bars (ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,NULL,?)');
  for (const size of SIZES) {
    const dates = weekdays(size);
    for (let i = 0; i <= RUNS; i++) {
      db.transaction(() => {
        const t = symbol(size, i);
        insTicker.run(t);
        let close = 50 + rand() * 100;
        for (const date of dates) {
          const open = close * (1 + (rand() - 0.5) * 0.01);
          close = Math.max(0.01, close * (1 + (rand() - 0.5) * 0.03));
          insBar.run(t, date, open, Math.max(open, close) * (1 + rand() * 0.01), Math.min(open, close) * (1 - rand() * 0.01), close, Math.round(1e5 + rand() * 1e7));
        }
      })();
    }
  }
  db.close();
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

// In-page code as strings: the bench runs under tsx, whose helpers must not leak into the page.
const CHOOSE = `async (ticker) => {
  const button = [...document.querySelectorAll('nav[aria-label="Sidebar"] button')].find((b) => b.textContent === ticker);
  const t0 = performance.now();
  button.click();
  for (;;) {
    const el = document.querySelector('[data-testid="price-chart"]');
    if (el && el.dataset.drawn === ticker) break;
    await new Promise((r) => setTimeout(r, 1));
  }
  const drawn = performance.now() - t0;
  // Then until the work deferred past the first frame is done (the whole history of a long series,
  // the moving averages), so that it does not run into the next measurement.
  for (;;) {
    const el = document.querySelector('[data-testid="price-chart"]');
    if (el && el.dataset.settled === ticker) return [drawn, performance.now() - t0];
    await new Promise((r) => setTimeout(r, 1));
  }
}`;
const LOAD = `async (ticker) => {
  const t0 = performance.now();
  const res = await fetch('/api/invoke', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ channel: 'archive:bars', input: { ticker } }) });
  const text = await res.text();
  const out = JSON.parse(text, (_k, v) => {
    if (v && typeof v === 'object' && typeof v.$f64 === 'string') {
      const s = atob(v.$f64);
      const b = new Uint8Array(s.length);
      for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i);
      return new Float64Array(b.buffer);
    }
    return v;
  });
  if (!out.ok || out.data.close.length === 0) throw new Error('no bars for ' + ticker);
  return performance.now() - t0;
}`;

/** Builds the renderer when out/renderer is missing. */
function ensureRenderer(): void {
  if (fs.existsSync(path.join(repoRoot, 'out/renderer/index.html'))) return;
  const r = spawnSync(path.join(repoRoot, 'node_modules/.bin/electron-vite'), ['build'], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('electron-vite build failed');
}

/** Runs the benchmark and prints the medians and ratios. */
export async function run(): Promise<void> {
  ensureRenderer();
  const t0 = Date.now();
  const host = await startHost(seed);
  console.log(`archive: ${SIZES.map((s) => `${RUNS + 1} × ${s.toLocaleString('en-US')} bars`).join(', ')} (built and host started in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1360, height: 860 } });
    await page.goto(host.url);
    await page.getByRole('tab', { name: 'Chart' }).click();
    const choose = (t: string): Promise<[number, number]> => page.evaluate(`(${CHOOSE})(${JSON.stringify(t)})`) as Promise<[number, number]>;
    const load = (t: string): Promise<number> => page.evaluate(`(${LOAD})(${JSON.stringify(t)})`) as Promise<number>;
    const rows: Array<{ bars: number; chart: number; settled: number; load: number; ratio: number }> = [];
    for (const size of SIZES) {
      await load(symbol(size, 0));
      await choose(symbol(size, 0));
      const chart: number[] = [];
      const settled: number[] = [];
      const contract: number[] = [];
      const measure = async (t: string): Promise<void> => {
        const [drawn, all] = await choose(t);
        chart.push(drawn);
        settled.push(all);
      };
      for (let i = 1; i <= RUNS; i++) {
        const t = symbol(size, i);
        // Alternate which goes first, so neither always finds the archive's pages warm.
        if (i % 2) {
          contract.push(await load(t));
          await measure(t);
        } else {
          await measure(t);
          contract.push(await load(t));
        }
      }
      const c = median(chart);
      const l = median(contract);
      rows.push({ bars: size, chart: c, settled: median(settled), load: l, ratio: c / l });
    }
    // Scrolling 100,000 bars: drag the chart sideways and time the animation frames meanwhile.
    const box = (await page.getByTestId('price-chart').boundingBox())!;
    await page.evaluate(`(() => { window.__frames = []; const tick = (t) => { window.__frames.push(t); if (window.__frames.length < 100000) window.__raf = requestAnimationFrame(tick); }; window.__raf = requestAnimationFrame(tick); })()`);
    const y = box.y + box.height * 0.4;
    await page.mouse.move(box.x + box.width * 0.2, y);
    await page.mouse.down();
    for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + box.width * (0.2 + (0.6 * i) / 40), y);
    for (let i = 1; i <= 40; i++) await page.mouse.move(box.x + box.width * (0.8 - (0.6 * i) / 40), y);
    await page.mouse.up();
    const frames = (await page.evaluate(`(() => { cancelAnimationFrame(window.__raf); return window.__frames; })()`)) as number[];
    const gaps = frames.slice(1).map((t, i) => t - frames[i]!).sort((a, b) => a - b);
    const p95 = gaps[Math.floor(gaps.length * 0.95)] ?? NaN;

    console.log('\nbars      load over the contract   first paint   ratio   settled (whole history + overlays)   ratio');
    for (const r of rows) {
      console.log(
        `${r.bars.toLocaleString('en-US').padStart(7)}   ${r.load.toFixed(1).padStart(17)} ms   ${r.chart.toFixed(1).padStart(8)} ms   ${r.ratio.toFixed(2).padStart(5)}   ${r.settled.toFixed(1).padStart(30)} ms   ${(r.settled / r.load).toFixed(2).padStart(5)}`,
      );
    }
    const big = rows.at(-1)!;
    console.log(`\nscrolling 100,000 bars (80 drag steps): ${gaps.length} frames, median ${median(gaps).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms per frame`);
    console.log(`\ngoal: ratio < 2.0 at 100,000 bars → ${big.ratio < 2 ? 'met' : 'NOT met'} (${big.ratio.toFixed(2)}); medians of ${RUNS}`);
  } finally {
    await browser.close();
    await host.stop();
  }
}
