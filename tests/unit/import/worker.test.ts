import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
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

    const staged = await dispatch('import:stage', { name: 'SPY Historical Data.csv', text }, TRUSTED);
    expect(staged).toMatchObject({ ok: true, data: { name: 'SPY Historical Data.csv', size: Buffer.byteLength(text) } });
    const { fileId } = (staged as { data: { fileId: string } }).data;
    expect(core.importFiles.stagedCount).toBe(1);

    const preview = await dispatch('import:preview', { files: [{ fileId }] }, TRUSTED);
    expect(preview).toMatchObject({
      ok: true,
      data: [
        { status: 'checked', error: null, detection: { provider: 'investing', ticker: 'SPY' }, counts: { rows: 30 } },
      ],
    });

    const run = await dispatch(
      'import:run',
      { files: [{ fileId }], jobId: 'job-1' },
      TRUSTED,
    );
    expect(run).toMatchObject({
      ok: true,
      data: { jobId: 'job-1', files: [{ status: 'imported', counts: { imported: 30 } }] },
    });
    expect(seen).toContain('import:progress:job-1');
    // The import is done with the staged copy: it is gone, and its id with it.
    expect(core.importFiles.stagedCount).toBe(0);
    expect(await dispatch('import:preview', { files: [{ fileId }] }, TRUSTED)).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
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
      await dispatch('import:run', { files: [{ fileId: randomUUID() }], options: { onConflict: 'merge' } }, TRUSTED),
    ).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  }, 60_000);
});

describe('the boundary of the import channels', () => {
  const TRUSTED = { url: 'file:///app/out/renderer/index.html' };
  const setup = () => {
    const { core, cleanup } = freshCore();
    cleanups.push(cleanup);
    return { core, dispatch: createDispatcher(handlers, core, (s) => s.url === TRUSTED.url, () => {}) };
  };

  it('never reads a path the renderer names: /etc/passwd is refused before any file is opened', async () => {
    const { dispatch } = setup();
    for (const channel of ['import:preview', 'import:run'] as const) {
      const r = await dispatch(
        channel,
        { files: [{ path: '/etc/passwd' }], options: { mapping: { date: 0, open: 1, high: 2, low: 3, close: 4 } } },
        TRUSTED,
      );
      expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      expect(JSON.stringify(r)).not.toContain('root:');
    }
    // An id main never handed out reads nothing either.
    const unknown = await dispatch('import:preview', { files: [{ fileId: randomUUID() }] }, TRUSTED);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('registers only regular files: a named pipe or a folder is refused, so no worker can hang on it', () => {
    const { core } = setup();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-fifo-'));
    cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
    const fifo = path.join(dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    expect(() => core.importFiles.register(fifo)).toThrow(/not a regular file/);
    expect(() => core.importFiles.register(dir)).toThrow(/not a regular file/);
    expect(() => core.importFiles.register(path.join(dir, 'missing.csv'))).toThrow(/no such file/);
    expect(core.importFiles.register(path.join(real, 'yahoo/SPY.csv'))).toMatchObject({ name: 'SPY.csv' });
  });

  it('runs at most two workers; 20 concurrent previews queue, and cancel reaches waiting and running jobs', async () => {
    const a = freshArchive();
    cleanups.push(a.cleanup);
    const csv = bigFile(a.dir, 40); // 100,000 rows
    const { ImportJobs } = await import('../../../src/main/import/jobs');
    const { EventBus } = await import('../../../src/main/events');
    const jobs = new ImportJobs({ db: a.db, archivePath: a.file, events: new EventBus() });
    const files = [{ source: { path: csv } }];
    const runs = Array.from({ length: 20 }, (_, i) => jobs.preview(files, {}, `p${i}`));
    expect(jobs.stats).toEqual({ running: 2, waiting: 18 });
    for (let i = 0; i < 20; i++) expect(jobs.cancel(`p${i}`)).toBe(true);
    const results = await Promise.all(runs);
    expect(results.map((r) => r[0]!.status)).toEqual(Array(20).fill('cancelled'));
    // The 18 that waited were never read at all.
    expect(results.slice(2).every((r) => r[0]!.error === 'cancelled before it started; nothing was imported')).toBe(true);
    expect(jobs.stats).toEqual({ running: 0, waiting: 0 });
  }, 60_000);

  it('deletes staged copies when they are discarded and when the core closes', async () => {
    const { core, dispatch } = setup();
    const a = (await dispatch('import:stage', { name: 'a.csv', text: 'Date,Close\n' }, TRUSTED)) as { ok: true; data: { fileId: string } };
    const b = (await dispatch('import:stage', { name: '../../b.csv', text: 'Date,Close\n' }, TRUSTED)) as { ok: true; data: { fileId: string; name: string } };
    expect(b.data.name).toBe('b.csv');
    const pathOf = (id: string) => core.importFiles.resolve(id).path;
    const pa = pathOf(a.data.fileId);
    const pb = pathOf(b.data.fileId);
    expect(fs.existsSync(pa) && fs.existsSync(pb)).toBe(true);
    expect(await dispatch('import:discard', { fileIds: [a.data.fileId] }, TRUSTED)).toEqual({ ok: true, data: { released: 1 } });
    expect(fs.existsSync(pa)).toBe(false);
    core.close();
    expect(fs.existsSync(pb)).toBe(false);
    expect(fs.existsSync(path.dirname(pb))).toBe(false);
  });
});
