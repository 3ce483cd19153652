import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';

// `.ts` under tsx/vitest (the worker then needs tsx's loader), `.js` when bundled (electron-vite
// emits out/main/import-worker.js beside out/main/index.js).
const here = fileURLToPath(import.meta.url);
const ext = path.extname(here) || '.js';

/**
 * Starts the `import-worker` thread with `workerData`. Under tsx/vitest the thread registers
 * tsx's loader itself before loading the TypeScript source (`execArgv: ['--import', 'tsx']` does not
 * reach worker threads on Node 20); tsx's CommonJS hook is synchronous and in-thread, so it applies
 * before the entry loads.
 */
export function spawnImportWorker(workerData: unknown, transferList: TransferListItem[] = []): Worker {
  const entry = path.join(path.dirname(here), `import-worker${ext}`);
  if (ext === '.ts') {
    const tsx = createRequire(here).resolve('tsx/cjs/api');
    return new Worker(`require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`, {
      eval: true,
      workerData,
      transferList,
    });
  }
  return new Worker(entry, { workerData, transferList });
}
