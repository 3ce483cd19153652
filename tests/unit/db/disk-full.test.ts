/**
 * A full disk, simulated with `PRAGMA max_page_count` (the archive may not grow past its size): an
 * import, a note save and a report save fail with a message that says the disk is full and that
 * nothing was written, the archive stays whole and unchanged, and the same write succeeds once there
 * is room again.
 */
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCsv } from '../../../bench/import/generate';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { processFile } from '../../../src/main/import/import-file';
import { archiveHash } from '../../helpers/archive';
import { freshCore } from '../../helpers/core';
import { reportDraft } from './kill-shapes';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

const snapshot = (core: Core): string => archiveHash(core.db);

/** Lets the archive grow by at most `pages` pages from now on. */
function fillDisk(core: Core, pages = 2): void {
  const count = core.db.pragma('page_count', { simple: true }) as number;
  core.db.pragma(`max_page_count = ${count + pages}`);
}

function roomAgain(core: Core): void {
  core.db.pragma('max_page_count = 4294967294');
}

function setup(): { core: Core; dispatch: Dispatch; dir: string } {
  const c = freshCore();
  cleanups.push(c.cleanup);
  expect(processFile(c.core.db, { path: path.join(real, 'yahoo/SPY.csv') }, {}, 'import').status).toBe('imported');
  // Checkpointed, so the WAL's pages are in the file and the file is the archive's true size.
  c.core.db.pragma('wal_checkpoint(TRUNCATE)');
  return { core: c.core, dispatch: createDispatcher(handlers, c.core, () => true, () => undefined), dir: c.dir };
}

describe('a full disk', () => {
  it('an import fails saying the disk is full and nothing was imported; the archive is unchanged; with room it succeeds', () => {
    const { core, dir } = setup();
    const csv = path.join(dir, 'big.csv');
    generateCsv(csv, 10, 2000);
    const before = snapshot(core);
    fillDisk(core);
    const failed = processFile(core.db, { path: csv }, {}, 'import');
    expect(failed.status).toBe('failed');
    expect(failed.error).toBe('the disk holding the archive is full; free some space and try again; nothing was imported');
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(core)).toBe(before);
    roomAgain(core);
    const ok = processFile(core.db, { path: csv }, {}, 'import');
    expect(ok.status).toBe('imported');
    expect((core.db.prepare("SELECT count(*) n FROM bars WHERE ticker LIKE 'T%'").get() as { n: number }).n).toBe(20_000);
  });

  it('a note save and a report save fail with UNAVAILABLE naming the full disk; the note and the report are as they were', async () => {
    const { core, dispatch } = setup();
    const created = await dispatch('reports:create', { draft: reportDraft(1) }, { url: 't:' });
    expect(created.ok).toBe(true);
    const reportId = (created as { data: { id: number } }).data.id;
    const note = await dispatch('notes:create', { reportId, body: 'first words' }, { url: 't:' });
    const noteId = (note as { data: { id: number } }).data.id;
    const before = snapshot(core);
    fillDisk(core, 0);

    const save = await dispatch('notes:update', { id: noteId, body: 'x'.repeat(500_000) }, { url: 't:' });
    expect(save).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'notes:update: the disk holding the archive is full; free some space and try again. Nothing was written.', details: { archive: 'STORAGE' } },
    });
    const edit = await dispatch('reports:update', { id: reportId, draft: reportDraft(2) }, { url: 't:' });
    expect(edit).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('the disk holding the archive is full') } });
    expect(core.db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(snapshot(core)).toBe(before);
    expect(await dispatch('notes:list', { reportId }, { url: 't:' })).toMatchObject({ ok: true, data: [{ body: 'first words', version: 1 }] });

    roomAgain(core);
    expect(await dispatch('notes:update', { id: noteId, body: 'x'.repeat(500_000) }, { url: 't:' })).toMatchObject({ ok: true, data: { version: 2 } });
    expect(await dispatch('reports:update', { id: reportId, draft: reportDraft(2) }, { url: 't:' })).toMatchObject({ ok: true, data: { title: 'Run 2' } });
  });
});
