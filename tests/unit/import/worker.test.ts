import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCsv } from '../../../bench/import/generate';
import { handlers } from '../../../src/main/ipc/handlers';
import { createDispatcher } from '../../../src/main/ipc/handle';
import { startImportWorker } from '../../../src/main/import/run-in-worker';
import { freshArchive } from '../../helpers/archive';
import { freshCore } from '../../helpers/core';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function bigFile(dir: string, tickers: number): string {
  const csv = path.join(dir, 'big.csv');
  generateCsv(csv, tickers, 2500);
  return csv;
}

describe('the import worker', () => {
  it('imports in a worker thread with progress at least 4 times a second', async () => {
    const a = freshArchive();
    cleanups.push(a.cleanup);
    const csv = bigFile(a.dir, 24); // 60,000 rows
    const events: Array<{ at: number; rowsDone: number; rowsTotal: number }> = [];
    const job = startImportWorker(
      { archivePath: a.file, mode: 'import', files: [{ source: { path: csv } }], options: {} },
      (p) => events.push({ at: Date.now(), rowsDone: p.rowsDone, rowsTotal: p.rowsTotal }),
    );
    const [r] = await job.result;
    expect(r!.status).toBe('imported');
    expect(r!.counts.imported).toBe(60_000);
    expect(a.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual({ n: 60_000 });
    expect(events[0]).toMatchObject({ rowsDone: 0, rowsTotal: 60_000 });
    expect(events.at(-1)).toMatchObject({ rowsDone: 60_000, rowsTotal: 60_000 });
    for (let i = 1; i < events.length; i++) expect(events[i]!.rowsDone).toBeGreaterThanOrEqual(events[i - 1]!.rowsDone);
    // At least 4 a second over the import (the worker aims at 10 a second).
    const span = events.at(-1)!.at - events[0]!.at;
    expect(events.length).toBeGreaterThanOrEqual(Math.floor(span / 250));
  }, 60_000);

  it('cancel rolls the file back and leaves the archive untouched', async () => {
    const a = freshArchive();
    cleanups.push(a.cleanup);
    const csv = bigFile(a.dir, 80); // 200,000 rows
    const before = a.db.prepare('SELECT count(*) AS n FROM bars').get();
    let cancelledAt = -1;
    const job = startImportWorker(
      {
        archivePath: a.file,
        mode: 'import',
        files: [{ source: { path: csv } }, { source: { path: path.join(real, 'yahoo/SPY.csv') } }],
        options: {},
      },
      (p) => {
        if (cancelledAt < 0 && p.rowsDone > 0) {
          cancelledAt = p.rowsDone;
          job.cancel();
        }
      },
    );
    const results = await job.result;
    expect(cancelledAt).toBeGreaterThan(0);
    expect(results.map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(a.db.prepare('SELECT count(*) AS n FROM bars').get()).toEqual(before);
    expect(a.db.prepare('SELECT count(*) AS n FROM imports').get()).toEqual({ n: 0 });
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 60_000);
});

describe('the import channels', () => {
  const TRUSTED = { url: 'file:///app/out/renderer/index.html' };

  it('preview and run accept dropped file text, emit progress and done, list and undo the history', async () => {
    const { core, cleanup } = freshCore();
    cleanups.push(cleanup);
    const dispatch = createDispatcher(
      handlers,
      core,
      (s) => s.url === TRUSTED.url,
      () => {},
    );
    const seen: string[] = [];
    core.events.attach((e, p) => seen.push(`${e}:${(p as { jobId: string }).jobId}`));
    const text = fs.readFileSync(path.join(real, 'investing/SPY Historical Data.csv'), 'utf8');

    const preview = await dispatch('import:preview', { files: [{ name: 'SPY Historical Data.csv', text }] }, TRUSTED);
    expect(preview).toMatchObject({
      ok: true,
      data: [
        { status: 'checked', error: null, detection: { provider: 'investing', ticker: 'SPY' }, counts: { rows: 30 } },
      ],
    });

    const run = await dispatch(
      'import:run',
      { files: [{ name: 'SPY Historical Data.csv', text }], jobId: 'job-1' },
      TRUSTED,
    );
    expect(run).toMatchObject({
      ok: true,
      data: { jobId: 'job-1', files: [{ status: 'imported', counts: { imported: 30 } }] },
    });
    expect(seen).toContain('import:progress:job-1');
    expect(seen.at(-1)).toBe('import:done:job-1');

    const list = await dispatch('import:list', {}, TRUSTED);
    expect(list).toMatchObject({
      ok: true,
      data: [
        { id: 1, fileName: 'SPY Historical Data.csv', provider: 'investing', rowsWritten: 30, status: 'committed' },
      ],
    });
    expect(await dispatch('import:undo', { id: 1 }, TRUSTED)).toEqual({
      ok: true,
      data: { id: 1, removed: 30, restored: 0 },
    });
    expect(await dispatch('import:undo', { id: 1 }, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(await dispatch('import:undo', { id: 99 }, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await dispatch('import:cancel', { jobId: 'nope' }, TRUSTED)).toEqual({
      ok: true,
      data: { cancelled: false },
    });
    expect(await dispatch('import:run', { files: [{ name: 'x.csv' }] }, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    });
    expect(
      await dispatch('import:run', { files: [{ path: 'a.csv' }], options: { onConflict: 'merge' } }, TRUSTED),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 60_000);
});
