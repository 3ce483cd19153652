import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

/** The core's worker threads, by bundle name, with their sources under src/main. */
const ENTRIES = {
  'import-worker': 'import/import-worker',
  'analytics-worker': 'analytics/analytics-worker',
} as const;

/** A worker thread the core starts. */
export type WorkerEntry = keyof typeof ENTRIES;

// `.ts` under tsx/vitest (the worker then needs tsx's loader), `.js` when bundled (electron-vite emits
// out/main/<entry>.js beside out/main/index.js; this module is in one of them or in out/main/chunks/).
const here = fileURLToPath(import.meta.url);
const ext = path.extname(here) || '.js';

/**
 * Starts a worker thread with `workerData`. Under tsx/vitest the thread registers tsx's loader itself
 * before loading the TypeScript source (`execArgv: ['--import', 'tsx']` does not reach worker threads on
 * Node 20); tsx's CommonJS hook is synchronous and in-thread, so it applies before the entry loads.
 */
export function spawnWorker(entry: WorkerEntry, workerData: unknown, transferList: TransferListItem[] = []): Worker {
  if (ext === '.ts') {
    const source = path.join(path.dirname(here), '..', `${ENTRIES[entry]}.ts`);
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`, {
      eval: true,
      workerData,
      transferList,
    });
  }
  // Bundled, this module may sit in a shared chunk (out/main/chunks/) below the entries.
  const dir = path.basename(path.dirname(here)) === 'chunks' ? path.dirname(path.dirname(here)) : path.dirname(here);
  return new Worker(path.join(dir, `${entry}${ext}`), { workerData, transferList });
}
