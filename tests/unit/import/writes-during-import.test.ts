import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCsv } from '../../../bench/import/generate';
import { WriteQueue } from '../../../src/main/db/write-queue';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { openArchive } from '../../../src/main/db/open';
import { freshCore } from '../../helpers/core';

const TRUSTED = { url: 'file:///app/out/renderer/index.html' };
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The longest gap between timer ticks while `work` runs: how long the event loop was blocked. */
async function longestStall<T>(work: Promise<T>): Promise<{ value: T; stallMs: number }> {
  let last = performance.now();
  let stallMs = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    stallMs = Math.max(stallMs, now - last);
    last = now;
  }, 5);
  try {
    return { value: await work, stallMs };
  } finally {
    clearInterval(timer);
  }
}

describe('writes while an import holds the write lock', () => {
  it('a watchlist created and a mapping saved during an import succeed, and the event loop never waits on the lock', async () => {
    const { core, dir, cleanup } = freshCore();
    cleanups.push(cleanup);
    const dispatch = createDispatcher(handlers, core, (s) => s.url === TRUSTED.url, () => {});
    const csv = path.join(dir, 'big.csv');
    generateCsv(csv, 120, 2500); // 300,000 rows: the worker holds the lock for a good while
    const { fileId } = core.importFiles.register(csv);

    let writing!: () => void;
    const started = new Promise<void>((resolve) => (writing = resolve));
    core.events.on('import:progress', (p) => {
      if (p.rowsDone > 0) writing();
    });
    const run = dispatch('import:run', { files: [{ fileId }], jobId: 'big' }, TRUSTED);
    await started;
    expect(core.importJobs.importing).toBe(true);

    const { value, stallMs } = await longestStall(
      Promise.all([
        dispatch('watchlists:create', { name: 'During the import', tickers: ['SPY'] }, TRUSTED),
        dispatch('import:saveMapping', { layoutKey: 'a,b,c,d,e', mapping: { date: 0, open: 1, high: 2, low: 3, close: 4 } }, TRUSTED),
        // Reads answer at once, lock or not.
        dispatch('watchlists:list', {}, TRUSTED),
      ]),
    );
    const [created, saved, listed] = value;
    expect(created).toMatchObject({ ok: true, data: { name: 'During the import', tickers: ['SPY'] } });
    expect(saved).toEqual({ ok: true, data: { layoutKey: 'a,b,c,d,e' } });
    expect(listed).toEqual({ ok: true, data: [] });
    // Before the queue the main thread sat 5 s in the busy timeout; now it only waits on timers.
    expect(stallMs).toBeLessThan(100);
    expect(await run).toMatchObject({ ok: true, data: { files: [{ status: 'imported' }] } });
    expect(core.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual({ n: 300_000 });
  }, 120_000);

  it('runs queued writes one at a time, in order, each IMMEDIATE', async () => {
    const { core, cleanup } = freshCore();
    cleanups.push(cleanup);
    // Another connection holds the write lock for a while, as the CLI in another process would.
    const other = openArchive(core.archivePath).db;
    cleanups.push(() => other.close());
    other.exec('BEGIN IMMEDIATE');
    const queue = new WriteQueue(core.db);
    const order: number[] = [];
    const writes = [1, 2, 3].map((n) =>
      queue.run(() => {
        order.push(n);
        core.db.prepare('INSERT INTO watchlists(name, position) VALUES (?, ?)').run(`w${n}`, n);
        return n;
      }),
    );
    await new Promise((r) => setTimeout(r, 100));
    expect(order).toEqual([]);
    other.exec('COMMIT');
    expect(await Promise.all(writes)).toEqual([1, 2, 3]);
    expect(order).toEqual([1, 2, 3]);
    // A failing write rejects alone; the next still runs.
    await expect(queue.run(() => core.db.prepare('INSERT INTO nope VALUES (1)').run())).rejects.toThrow(/nope/);
    expect(await queue.run(() => 4)).toBe(4);
  });
});
