import { randomUUID } from 'node:crypto';
import type { importChannels } from '../../shared/contract/import';
import { type FileResult } from '../../shared/import';
import { type ImportFileInput } from '../../shared/contract/import';
import type { Core } from '../core';
import { processFiles } from '../import/import-file';
import { startImportWorker, type ImportJobHandle } from '../import/run-in-worker';
import type { ImportSource } from '../import/source';
import { listImports, saveMapping, undoImport } from '../import/write';
import { conflict } from '../errors';
import type { DomainHandlers } from './handle';

const jobs = new WeakMap<Core, Map<string, ImportJobHandle>>();

function jobsOf(core: Core): Map<string, ImportJobHandle> {
  let m = jobs.get(core);
  if (!m) jobs.set(core, (m = new Map()));
  return m;
}

function toFiles(files: ImportFileInput[]): Array<{ source: ImportSource; options?: ImportFileInput['options'] }> {
  return files.map((f) => ({
    source: 'path' in f ? { path: f.path } : { name: f.name, text: f.text },
    ...(f.options ? { options: f.options } : {}),
  }));
}

/** Runs a preview or import in a worker (or in-process for an in-memory archive), relaying progress. */
function runJob(
  core: Core,
  jobId: string,
  mode: 'preview' | 'import',
  files: ImportFileInput[],
  options: object,
): Promise<FileResult[]> {
  if (core.archivePath === ':memory:') return Promise.resolve(processFiles(core.db, toFiles(files), options, mode));
  // Inside Electron the worker must load Electron's build of better-sqlite3, as the core did.
  const nativeBinding = core.nativeBinding;
  const job = {
    archivePath: core.archivePath,
    mode,
    files: toFiles(files),
    options,
    ...(nativeBinding ? { nativeBinding } : {}),
  };
  const handle = startImportWorker(job, (p) => {
    if (mode === 'import') core.events.emit('import:progress', { jobId, ...p });
  });
  const running = jobsOf(core);
  running.set(jobId, handle);
  return handle.result.finally(() => running.delete(jobId));
}

/** Handlers of the import domain: preview, run, cancel, history, undo and remembered mappings. */
export const importHandlers: DomainHandlers<keyof typeof importChannels> = {
  'import:preview': ({ files, options }, { core }) => runJob(core, randomUUID(), 'preview', files, options ?? {}),
  'import:run': async ({ files, options, jobId }, { core }) => {
    const id = jobId ?? randomUUID();
    if (jobsOf(core).has(id)) throw conflict(`import job ${id} is already running`);
    const results = await runJob(core, id, 'import', files, options ?? {});
    core.events.emit('import:done', { jobId: id, files: results });
    return { jobId: id, files: results };
  },
  'import:cancel': ({ jobId }, { core }) => {
    const handle = jobsOf(core).get(jobId);
    handle?.cancel();
    return { cancelled: handle !== undefined };
  },
  'import:list': (_input, { core }) => listImports(core.db),
  'import:undo': ({ id }, { core }) => undoImport(core.db, id),
  'import:saveMapping': ({ layoutKey, mapping }, { core }) => {
    saveMapping(core.db, layoutKey, mapping);
    return { layoutKey };
  },
};
