import type { Worker } from 'node:worker_threads';
import type { ErrorCode } from '../../shared/domain';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { spawnWorker } from '../workers/spawn';
import type { AnalyticsWorkerData } from './analytics-worker';
import { analyticsOps, type AnalyticsOp, type OpInput, type OpOutput, type OpRequest, type OpResponse } from './ops';

/** How many analytics workers run at once (the machines have two cores). */
export const DEFAULT_ANALYTICS_WORKERS = 2;

/** What the pool needs of the core. */
export interface AnalyticsPoolOptions {
  db: Db;
  archivePath: string;
  nativeBinding?: string;
  /** Run on the calling thread (an in-memory archive has no file a worker could open; the CLI has no UI). */
  inProcess: boolean;
  size?: number;
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>;
}

/**
 * Runs the analytics off the main thread: a few worker threads, each with a read-only connection,
 * started on first use; a request goes to the least busy one. A worker that dies fails only its own
 * requests and is replaced on the next call. A DomainError keeps its code and message across the thread.
 */
export class AnalyticsPool {
  private readonly slots: Array<Slot | null>;
  private nextId = 1;
  private closed = false;

  constructor(private readonly options: AnalyticsPoolOptions) {
    this.slots = new Array<Slot | null>(Math.max(1, options.size ?? DEFAULT_ANALYTICS_WORKERS)).fill(null);
  }

  /** Runs one operation and resolves with its answer (or rejects with its DomainError). */
  run<K extends AnalyticsOp>(op: K, input: OpInput<K>): Promise<OpOutput<K>> {
    if (this.closed) return Promise.reject(new DomainError('CANCELLED', 'the archive is closed'));
    if (this.options.inProcess) {
      try {
        const fn = analyticsOps[op] as (db: Db, q: OpInput<K>) => OpOutput<K>;
        return Promise.resolve(fn(this.options.db, input));
      } catch (err) {
        return Promise.reject(err);
      }
    }
    const slot = this.pick();
    const id = this.nextId++;
    return new Promise<OpOutput<K>>((resolve, reject) => {
      // A worker with work keeps the process alive; an idle one does not (a script or test may end).
      if (slot.pending.size === 0) slot.worker.ref();
      slot.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      slot.worker.postMessage({ id, op, input } satisfies OpRequest);
    });
  }

  /** How many workers are running now (they start on first use). */
  get running(): number {
    return this.slots.filter(Boolean).length;
  }

  /** Stops the workers; their pending requests fail. */
  close(): void {
    this.closed = true;
    for (let i = 0; i < this.slots.length; i++) {
      const slot = this.slots[i];
      if (!slot) continue;
      this.slots[i] = null;
      this.fail(slot, new DomainError('CANCELLED', 'the archive closed before the figure was computed'));
      void slot.worker.terminate();
    }
  }

  private pick(): Slot {
    // An idle running worker first, then a new one, then the least busy.
    let best: Slot | null = null;
    for (const s of this.slots) if (s && (!best || s.pending.size < best.pending.size)) best = s;
    if (best && best.pending.size === 0) return best;
    const free = this.slots.indexOf(null);
    if (free >= 0) return (this.slots[free] = this.start(free));
    return best!;
  }

  private start(index: number): Slot {
    const data: AnalyticsWorkerData = {
      archivePath: this.options.archivePath,
      ...(this.options.nativeBinding ? { nativeBinding: this.options.nativeBinding } : {}),
    };
    const worker = spawnWorker('analytics-worker', data);
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (res: OpResponse) => {
      const p = slot.pending.get(res.id);
      if (!p) return;
      slot.pending.delete(res.id);
      if (slot.pending.size === 0) worker.unref();
      if (res.ok) p.resolve(res.data);
      else if (res.error.code) p.reject(new DomainError(res.error.code as ErrorCode, res.error.message, res.error.details));
      else p.reject(new Error(res.error.message));
    });
    const gone = (why: unknown): void => {
      if (this.slots[index] === slot) this.slots[index] = null;
      this.fail(slot, why instanceof Error ? why : new Error(`analytics worker exited: ${String(why)}`));
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(`code ${code}`));
    return slot;
  }

  private fail(slot: Slot, err: unknown): void {
    for (const p of slot.pending.values()) p.reject(err);
    slot.pending.clear();
  }
}
