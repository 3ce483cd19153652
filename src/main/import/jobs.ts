import { randomUUID } from 'node:crypto';
import type { FileResult } from '../../shared/import';
import type { ImportOptions } from '../../shared/contract/import';
import type { Db } from '../db/open';
import { conflict } from '../errors';
import type { EventBus } from '../events';
import { cancelledResult, processFiles } from './import-file';
import { startImportWorker, type ImportJobHandle } from './run-in-worker';
import type { ImportSource } from './source';

/** A file of a job, with its own options. */
export interface JobFile {
  source: ImportSource;
  options?: ImportOptions;
}

/** What the jobs service needs of the core. */
export interface JobsHost {
  db: Db;
  archivePath: string;
  nativeBinding?: string;
  events: EventBus;
}

interface Job {
  id: string;
  mode: 'preview' | 'import';
  files: JobFile[];
  options: ImportOptions;
  cancelled: boolean;
  worker: ImportJobHandle | null;
  /** Starts the job once a worker slot is free. */
  start: () => void;
  /** Settles a job cancelled while it waited: every file comes back cancelled, none was read. */
  drop: () => void;
}

/** How many import workers run at once (the machine has 2 cores; the rest of a burst waits its turn). */
export const DEFAULT_POOL_SIZE = 2;

/**
 * The import domain's jobs: previews and imports run in worker threads (an in-memory archive runs
 * in-process), at most `poolSize` at a time; the others wait in order. `cancel` reaches a job wherever
 * it is: waiting (it never starts), reading or writing (the worker stops at its next check and rolls
 * the file back). IPC, the browser host and the CLI all go through one instance per core.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly waiting: Job[] = [];
  private running = 0;
  private closed = false;

  constructor(
    private readonly host: JobsHost,
    readonly poolSize = DEFAULT_POOL_SIZE,
  ) {}

  /** Checks files without writing anything. */
  preview(files: JobFile[], options: ImportOptions, jobId: string = randomUUID()): Promise<FileResult[]> {
    return this.submit(jobId, 'preview', files, options);
  }

  /** Imports files (each its own transaction), emitting `import:progress` and then `import:done`. */
  async run(files: JobFile[], options: ImportOptions, jobId: string = randomUUID()): Promise<{ jobId: string; files: FileResult[] }> {
    const results = await this.submit(jobId, 'import', files, options);
    this.host.events.emit('import:done', { jobId, files: results });
    return { jobId, files: results };
  }

  /** Cancels a waiting or running job; false when no job has that id. */
  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    if (!job) return false;
    job.cancelled = true;
    const i = this.waiting.indexOf(job);
    if (i >= 0) {
      this.waiting.splice(i, 1);
      job.drop();
    } else {
      job.worker?.cancel();
    }
    return true;
  }

  /** Whether an import (a job that writes) is waiting or running. */
  get importing(): boolean {
    for (const j of this.jobs.values()) if (j.mode === 'import') return true;
    return false;
  }

  /** Counts, for tests and diagnostics. */
  get stats(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /** Cancels everything (the app is quitting): waiting jobs are dropped, workers stop and roll back. */
  close(): void {
    this.closed = true;
    for (const id of [...this.jobs.keys()]) this.cancel(id);
  }

  private submit(id: string, mode: Job['mode'], files: JobFile[], options: ImportOptions): Promise<FileResult[]> {
    if (this.jobs.has(id)) throw conflict(`import job ${id} is already running`);
    return new Promise<FileResult[]>((resolve, reject) => {
      const job: Job = {
        id,
        mode,
        files,
        options,
        cancelled: this.closed,
        worker: null,
        start: () => {
          this.running++;
          this.execute(job).then(resolve, reject).finally(() => {
            this.running--;
            this.jobs.delete(id);
            this.next();
          });
        },
        drop: () => {
          this.jobs.delete(id);
          resolve(files.map((f) => cancelledResult(f.source)));
        },
      };
      this.jobs.set(id, job);
      if (job.cancelled) return job.drop();
      this.waiting.push(job);
      this.next();
    });
  }

  private next(): void {
    while (this.running < this.poolSize && this.waiting.length) this.waiting.shift()!.start();
  }

  private execute(job: Job): Promise<FileResult[]> {
    const { host } = this;
    const onProgress = (p: { file: string; rowsDone: number; rowsTotal: number; waiting?: boolean }): void => {
      if (job.mode === 'import') host.events.emit('import:progress', { jobId: job.id, ...p });
    };
    if (host.archivePath === ':memory:') {
      // Another connection cannot see an in-memory archive: run here (tests, small in-memory cores).
      return Promise.resolve(
        processFiles(host.db, job.files, job.options, job.mode, { onProgress, isCancelled: () => job.cancelled }),
      );
    }
    job.worker = startImportWorker(
      {
        archivePath: host.archivePath,
        mode: job.mode,
        files: job.files,
        options: job.options,
        // Inside Electron the worker must load Electron's build of better-sqlite3, as the core did.
        ...(host.nativeBinding ? { nativeBinding: host.nativeBinding } : {}),
      },
      onProgress,
    );
    if (job.cancelled) job.worker.cancel();
    return job.worker.result;
  }
}
