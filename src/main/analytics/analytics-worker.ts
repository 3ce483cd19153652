/**
 * The analytics worker thread: its own read-only connection to the archive, so a group table over a
 * thousand tickers never holds up the main thread (or the window). WAL lets it read while an import
 * writes; each request reads the latest committed state.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { openArchive } from '../db/open';
import { DomainError } from '../errors';
import { analyticsOps, type OpRequest, type OpResponse } from './ops';

/** What the pool starts a worker with. */
export interface AnalyticsWorkerData {
  archivePath: string;
  nativeBinding?: string;
}

const data = workerData as AnalyticsWorkerData;
const { db } = openArchive(data.archivePath, {
  readonly: true,
  ...(data.nativeBinding ? { nativeBinding: data.nativeBinding } : {}),
});

parentPort!.on('message', (req: OpRequest) => {
  let res: OpResponse;
  try {
    const run = analyticsOps[req.op] as (d: typeof db, q: unknown) => unknown;
    res = { id: req.id, ok: true, data: run(db, req.input) };
  } catch (err) {
    res =
      err instanceof DomainError
        ? { id: req.id, ok: false, error: { message: err.message, code: err.code, details: err.details } }
        : { id: req.id, ok: false, error: { message: err instanceof Error ? err.message : String(err) } };
  }
  parentPort!.postMessage(res);
});
