/**
 * SQLite's storage failures in the analyst's words. A full disk, a failing one or a read-only file is
 * not a bug in Breadth: every write path reports it as what it is, with what to do, and says that
 * nothing was written (the transaction rolled back).
 */

/** A sentence for a storage failure, or null when `err` is not one. */
export function storageFailure(err: unknown): string | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  if (code === 'SQLITE_FULL') return 'the disk holding the archive is full; free some space and try again';
  if (code.startsWith('SQLITE_IOERR')) return `the archive's disk could not be written (${code}); check the disk and try again`;
  if (code.startsWith('SQLITE_READONLY')) return 'the archive is read-only (its file or folder may not be writable)';
  return null;
}
