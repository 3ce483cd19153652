import type { FileResult } from '../../shared/import';
import type { ImportOptions } from '../../shared/contract/import';
import type { ImportSource } from './source';

/** What the import worker is started with (its `workerData`). */
export interface WorkerJob {
  archivePath: string;
  /** Electron's build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  mode: 'preview' | 'import';
  files: Array<{ source: ImportSource; options?: ImportOptions }>;
  options: ImportOptions;
  /** One Int32: set to 1 to cancel. */
  cancel: SharedArrayBuffer;
  progressIntervalMs?: number;
}

/** Messages the worker posts back. */
export type WorkerMessage =
  | { type: 'progress'; file: string; rowsDone: number; rowsTotal: number; waiting?: boolean }
  | { type: 'done'; files: FileResult[] }
  | { type: 'error'; message: string };
