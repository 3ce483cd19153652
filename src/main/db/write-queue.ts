import type { Db } from './open';

/** How long a write waits between tries while another connection holds the write lock. */
const RETRY_MS = 20;

function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_BUSY' || code === 'SQLITE_BUSY_SNAPSHOT' || code === 'SQLITE_LOCKED';
}

/**
 * The main connection's writes, one at a time, each in its own IMMEDIATE transaction. While another
 * connection holds the write lock (an import's worker, the CLI in another process), a write waits its
 * turn without blocking the event loop: it tries with no busy timeout and, on SQLITE_BUSY, tries again
 * a moment later, for as long as `timeoutMs` allows. Reads never wait (WAL).
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    /** How long a write may wait for the lock before it fails with the database's own error. */
    private readonly timeoutMs = 10 * 60_000,
  ) {}

  /** Runs `fn` in an IMMEDIATE transaction after every write queued before it. */
  run<T>(fn: () => T): Promise<T> {
    const result = this.tail.then(() => this.attempt(fn, Date.now() + this.timeoutMs));
    this.tail = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs `fn` alone: after every write queued before it and before any queued after, with no
   * transaction of its own (a restore writes the archive through another connection meanwhile).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const result = this.tail.then(fn);
    this.tail = result.catch(() => undefined);
    return result;
  }

  private async attempt<T>(fn: () => T, deadline: number): Promise<T> {
    const tx = this.db.transaction(fn);
    for (;;) {
      const busyTimeout = this.db.pragma('busy_timeout', { simple: true }) as number;
      this.db.pragma('busy_timeout = 0');
      try {
        return tx.immediate();
      } catch (err) {
        if (!isBusy(err) || Date.now() >= deadline) throw err;
      } finally {
        this.db.pragma(`busy_timeout = ${busyTimeout}`);
      }
      await new Promise((r) => setTimeout(r, RETRY_MS));
    }
  }
}
