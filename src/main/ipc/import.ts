import { scheduleRecheck } from '../claims/recheck';
import type { importChannels, ImportFileInput } from '../../shared/contract/import';
import type { Core } from '../core';
import type { JobFile } from '../import/jobs';
import { listImports, saveMapping, undoImport } from '../import/write';
import type { DomainHandlers } from './handle';

/** The files of a call, resolved from the ids main handed out (an unknown id is refused: NOT_FOUND). */
function toJobFiles(core: Core, files: ImportFileInput[]): JobFile[] {
  return files.map((f) => ({ source: core.importFiles.resolve(f.fileId), ...(f.options ? { options: f.options } : {}) }));
}

/** Handlers of the import domain: staging, preview, run, cancel, history, undo and remembered mappings. */
export const importHandlers: DomainHandlers<keyof typeof importChannels> = {
  'import:stage': ({ name, text }, { core }) => core.importFiles.stage(name, text),
  'import:discard': ({ fileIds }, { core }) => {
    const before = core.importFiles.stagedCount;
    core.importFiles.release(fileIds);
    return { released: before - core.importFiles.stagedCount };
  },
  'import:preview': ({ files, options, jobId }, { core }) =>
    core.importJobs.preview(toJobFiles(core, files), options ?? {}, jobId),
  'import:run': async ({ files, options, jobId }, { core }) => {
    const out = await core.importJobs.run(toJobFiles(core, files), options ?? {}, jobId);
    // An imported file is done with: its staged copy goes. A file that failed stays for another try.
    core.importFiles.release(files.filter((_, i) => out.files[i]?.status === 'imported').map((f) => f.fileId));
    return out;
  },
  'import:cancel': ({ jobId }, { core }) => ({ cancelled: core.importJobs.cancel(jobId) }),
  'import:list': (_input, { core }) => listImports(core.db),
  'import:undo': async ({ id }, { core }) => {
    const undone = await core.writes.run(() => undoImport(core.db, id));
    scheduleRecheck(core);
    return undone;
  },
  'import:saveMapping': ({ layoutKey, mapping }, { core }) =>
    core.writes.run(() => {
      saveMapping(core.db, layoutKey, mapping);
      return { layoutKey };
    }),
};
