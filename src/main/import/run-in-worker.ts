import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileResult } from '../../shared/contract/imports';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

/** A running import worker: its final results, and the way to cancel it. */
export interface ImportJobHandle {
  result: Promise<FileResult[]>;
  /** Asks the worker to stop: the file being written rolls back, later files are skipped. */
  cancel(): void;
}

// `.ts` under tsx/vitest (the worker then needs tsx's loader), `.js` when bundled (electron-vite
// emits out/main/import-worker.js beside out/main/index.js).
const ext = path.extname(fileURLToPath(import.meta.url)) || '.js';

function tsxApi(): string {
  return createRequire(import.meta.url).resolve('tsx/cjs/api');
}

/** Starts an import (or preview) in a worker thread; `onProgress` gets the worker's progress events. */
export function startImportWorker(
  job: Omit<WorkerJob, 'cancel'>,
  onProgress: (p: { file: string; rowsDone: number; rowsTotal: number }) => void = () => {},
): ImportJobHandle {
  const cancel = new SharedArrayBuffer(4);
  const flag = new Int32Array(cancel);
  const entry = new URL(`./import-worker${ext}`, import.meta.url);
  const workerData = { ...job, cancel } satisfies WorkerJob;
  const worker =
    ext === '.ts'
      ? // Under tsx/vitest the worker registers tsx's loader itself before loading the TypeScript source
        // (`execArgv: ['--import', 'tsx']` does not reach worker threads on Node 20); tsx's CommonJS hook
        // is synchronous and in-thread, so it applies before the entry loads.
        new Worker(
          `require(${JSON.stringify(tsxApi())}).register(); require(${JSON.stringify(fileURLToPath(entry))});`,
          { eval: true, workerData },
        )
      : new Worker(entry, { workerData });
  const result = new Promise<FileResult[]>((resolve, reject) => {
    let settled = false;
    worker.on('message', (m: WorkerMessage) => {
      if (m.type === 'progress') onProgress({ file: m.file, rowsDone: m.rowsDone, rowsTotal: m.rowsTotal });
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
