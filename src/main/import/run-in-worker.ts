import type { FileResult } from '../../shared/import';
import { spawnWorker } from '../workers/spawn';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

/** A running import worker: its final results, and the way to cancel it. */
export interface ImportJobHandle {
  result: Promise<FileResult[]>;
  /** Asks the worker to stop: the file being written rolls back, later files are skipped. */
  cancel(): void;
}

/** Starts an import (or preview) in a worker thread; `onProgress` gets the worker's progress events. */
export function startImportWorker(
  job: Omit<WorkerJob, 'cancel'>,
  onProgress: (p: { file: string; rowsDone: number; rowsTotal: number; waiting?: boolean }) => void = () => {},
): ImportJobHandle {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const worker = spawnWorker('import-worker', { ...job, cancel } satisfies WorkerJob);
  const result = new Promise<FileResult[]>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress({ file: m.file, rowsDone: m.rowsDone, rowsTotal: m.rowsTotal, ...(m.waiting ? { waiting: true } : {}) });
      else if (m.type === 'done') {
        settled = true;
        resolve(m.files);
      } else {
        settled = true;
        reject(new Error(m.message));
      }
    });
    worker.on('error', (err) => {
      settled = true;
      reject(err);
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`import worker exited with code ${code}`));
    });
  });
  return { result, cancel: () => Atomics.store(flag, 0, 1) };
}
