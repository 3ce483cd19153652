/**
 * The analytics operations a worker (or, for an in-memory archive and the CLI, the calling thread) runs
 * against a connection: one name per service function, so the pool and the worker share one table.
 */
import type { Db } from '../db/open';
import { quickCheck } from '../backups/backup';
import { groupTable, metricsGet, metricsPanel, relativePerformance, watchlistRows } from './service';

export const analyticsOps = {
  get: metricsGet,
  panel: metricsPanel,
  relative: relativePerformance,
  group: groupTable,
  watchlistRows,
  /** The archive's `quick_check`, off the main thread (backups' check at start-up). */
  integrity: (db: Db, _q: Record<string, never>) => quickCheck(db),
} satisfies Record<string, (db: Db, q: never) => unknown>;

/** The name of an analytics operation. */
export type AnalyticsOp = keyof typeof analyticsOps;
/** What an operation takes. */
export type OpInput<K extends AnalyticsOp> = Parameters<(typeof analyticsOps)[K]>[1];
/** What an operation answers. */
export type OpOutput<K extends AnalyticsOp> = ReturnType<(typeof analyticsOps)[K]>;

/** A request to a worker. */
export interface OpRequest {
  id: number;
  op: AnalyticsOp;
  input: unknown;
}

/** A worker's answer: the value, or the error with its domain code when it was a DomainError. */
export type OpResponse =
  | { id: number; ok: true; data: unknown }
  | { id: number; ok: false; error: { message: string; code?: string; details?: unknown } };
