/**
 * The import worker thread: opens its own connection to the archive (better-sqlite3 is synchronous, so
 * a long import here never blocks the window) and runs the job it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../db/open';
import { processFiles } from './import-file';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

runImportJob(workerData as WorkerJob);

function runImportJob(job: WorkerJob): void {
  const post = (m: WorkerMessage): void => parentPort!.postMessage(m);
  const flag = new Int32Array(job.cancel);

  try {
    const { db } = openArchive(job.archivePath, job.nativeBinding ? { nativeBinding: job.nativeBinding } : {});
    try {
      const files = processFiles(db, job.files, job.options, job.mode, {
        onProgress: (p) => post({ type: 'progress', ...p }),
        isCancelled: () => Atomics.load(flag, 0) === 1,
        progressIntervalMs: job.progressIntervalMs ?? 100,
      });
      post({ type: 'done', files });
    } finally {
      db.close();
    }
  } catch (err) {
    post({ type: 'error', message: err instanceof Error ? err.message : String(err) });
  }
}
