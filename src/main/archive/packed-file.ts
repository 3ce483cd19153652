/**
 * The packed file: the packed copies of `bar_columns` (archive/packed.ts) once more, in a plain file
 * beside the archive (`archive.sqlite-packed`), read with one `pread` into memory the connection reuses
 * read after read. Reading a blob through SQLite hands back a fresh buffer each time, and on a
 * universe of 500 tickers those fresh pages (45 MB, each faulted in on first touch) cost more than
 * everything else the analytics do; the file costs one copy from the page cache into the same memory.
 *
 * It is a cache of a cache, never the source of truth: the rows in `bars` are, and `bar_columns` holds
 * the transactional copy. `packed_places` (in the archive, written in the same transaction as the copy)
 * says where each ticker's record lies; each record carries a random tag that its place repeats, so a
 * record from another file or a rolled-back write, or one whose header is damaged, is never taken for
 * the ticker's: the reader then falls back to `bar_columns` (the payload has no checksum of its own,
 * as SQLite's pages have none). The file only grows between rewrites: a record is never written over,
 * and a new file always takes the name by a rename, so a reader holding the old one reads it whole.
 * Any committed place, even one in a restored backup, so points at its record until the file is
 * rewritten under a new id (`maintainPackedFile`).
 *
 * Layout (little-endian): a 16-byte header (magic "BRPK", u32 version, f64 id) and records at 8-aligned
 * offsets: magic "PREC", u32 length, u32 tag low, u32 tag high, then the packed copy's bytes.
 */
import fs from 'node:fs';
import { randomInt } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import type { Db } from '../db/open';
import { prepared } from '../db/statements';
import { readMeta, writeMeta } from '../db/meta';

const FILE_MAGIC = 0x4b505242; // "BRPK"
const RECORD_MAGIC = 0x43455250; // "PREC"
const VERSION = 1;
const HEADER = 16;
const RECORD_HEADER = 16;
/** The archive's note of the file it wrote (app_meta). */
const ID_KEY = 'packed_file_id';
/** Superseded records are rewritten away once they outweigh the live ones by this much. */
const SLACK = 64 << 20;

/** The schema that has `packed_places` (migration 10): an older one reads and writes no packed file. */
export const PACKED_FILE_SCHEMA = 10;

const align8 = (n: number): number => (n + 7) & ~7;
const newTag = (): number => randomInt(1, 2 ** 48);
/** A temporary name beside the file, this process's and thread's alone. */
const tmpName = (file: string): string => `${file}.${process.pid}-${threadId}-${randomInt(2 ** 32)}.tmp`;

/** Where a connection's archive keeps its packed file (null: an in-memory archive has none). */
export function packedFilePath(db: Db): string | null {
  const main = (db.pragma('database_list') as Array<{ name: string; file: string }>).find((d) => d.name === 'main');
  return main?.file ? `${main.file}-packed` : null;
}

interface Reader {
  fd: number;
  /** Reused read after read: a record is valid until the connection's next read. */
  buf: Buffer;
}

const readers = new WeakMap<Db, Reader>();
const paths = new WeakMap<Db, string | null>();
/** Whether a connection's archive has `packed_places` (looked up once: a reader never migrates). */
const placed = new WeakMap<Db, boolean>();

const hasPlaces = (db: Db): boolean => (db.pragma('user_version', { simple: true }) as number) >= PACKED_FILE_SCHEMA;
const closeOnCollect = new FinalizationRegistry<number>((fd) => fs.close(fd, () => undefined));

function pathOf(db: Db): string | null {
  let p = paths.get(db);
  if (p === undefined) paths.set(db, (p = packedFilePath(db)));
  return p;
}

function readerOf(db: Db): Reader | null {
  const known = readers.get(db);
  if (known) return known;
  const file = pathOf(db);
  if (!file) return null;
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  const r: Reader = { fd, buf: Buffer.allocUnsafeSlow(1 << 17) };
  readers.set(db, r);
  closeOnCollect.register(db, fd, r);
  return r;
}

/**
 * Closes a connection's open packed file, if any (when the connection closes, or after the file was
 * rewritten or damaged): a next read opens it anew.
 */
export function closePackedFile(db: Db): void {
  const r = readers.get(db);
  if (!r) return;
  readers.delete(db);
  closeOnCollect.unregister(r);
  fs.closeSync(r.fd);
}

/**
 * A ticker's packed copy from the packed file, in memory reused by the connection's next read (copy
 * what must outlive it), or null when the file has no record for it that its place vouches for.
 */
export function readPackedRecord(db: Db, ticker: string): Buffer | null {
  let known = placed.get(db);
  if (known === undefined) placed.set(db, (known = hasPlaces(db)));
  if (!known) return null;
  const place = prepared(db, 'SELECT at, len, tag FROM packed_places WHERE ticker = ?').get(ticker) as { at: number; len: number; tag: number } | undefined;
  if (!place) return null;
  const r = readerOf(db);
  if (!r) return null;
  const size = RECORD_HEADER + place.len;
  if (r.buf.length < size) r.buf = Buffer.allocUnsafeSlow(align8(size + (size >> 1)));
  let got = 0;
  try {
    got = fs.readSync(r.fd, r.buf, 0, size, place.at);
  } catch {
    got = 0;
  }
  const b = r.buf;
  if (got !== size || b.readUInt32LE(0) !== RECORD_MAGIC || b.readUInt32LE(4) !== place.len || b.readUInt32LE(8) + b.readUInt32LE(12) * 2 ** 32 !== place.tag) {
    // Rewritten by another connection since it was opened, or damaged: open it again next time.
    closePackedFile(db);
    return null;
  }
  return b.subarray(RECORD_HEADER, size);
}

function fileId(fd: number): number | null {
  const h = Buffer.alloc(HEADER);
  if (fs.readSync(fd, h, 0, HEADER, 0) !== HEADER || h.readUInt32LE(0) !== FILE_MAGIC || h.readUInt32LE(4) !== VERSION) return null;
  return h.readDoubleLE(8);
}

function storedId(db: Db): number | null {
  const v = readMeta(db, ID_KEY);
  return v === null ? null : Number(v);
}

function header(id: number): Buffer {
  const h = Buffer.alloc(HEADER);
  h.writeUInt32LE(FILE_MAGIC, 0);
  h.writeUInt32LE(VERSION, 4);
  h.writeDoubleLE(id, 8);
  return h;
}

/** Where a ticker's record lies in the packed file, and the tag it carries. */
interface Place {
  ticker: string;
  at: number;
  len: number;
  tag: number;
}

/** Writes records from `at` on; the places they get. */
function writeRecords(fd: number, at: number, copies: ReadonlyArray<{ ticker: string; data: Buffer }>): Place[] {
  const head = Buffer.alloc(RECORD_HEADER);
  const pad = Buffer.alloc(8);
  return copies.map(({ ticker, data }) => {
    const tag = newTag();
    head.writeUInt32LE(RECORD_MAGIC, 0);
    head.writeUInt32LE(data.length, 4);
    head.writeUInt32LE(tag % 2 ** 32, 8);
    head.writeUInt32LE(Math.floor(tag / 2 ** 32), 12);
    const place = { ticker, at, len: data.length, tag };
    fs.writeSync(fd, head, 0, RECORD_HEADER, at);
    fs.writeSync(fd, data, 0, data.length, at + RECORD_HEADER);
    const end = at + RECORD_HEADER + data.length;
    at = align8(end);
    if (at > end) fs.writeSync(fd, pad, 0, at - end, end);
    return place;
  });
}

function putPlaces(db: Db, places: readonly Place[]): void {
  const put = prepared(db, 'INSERT OR REPLACE INTO packed_places (ticker, at, len, tag) VALUES (@ticker, @at, @len, @tag)');
  for (const p of places) put.run(p);
}

function setStoredId(db: Db, id: number): void {
  writeMeta(db, ID_KEY, String(id));
}

/**
 * Runs `write`, whose `append` puts each packed copy it has just written to `bar_columns` at the end of
 * the packed file and records its place, inside the caller's transaction (which holds the archive's
 * write lock, so no other writer appends meanwhile). Each copy is written as it comes, so an import of
 * any size holds one in memory. The file is flushed before the transaction can commit: a committed
 * place never points at bytes a crash lost. A missing or foreign file is started anew, and the places
 * into it forgotten. Without a packed file (in memory, read-only, an older schema) `append` does nothing.
 */
export function appendingPacked(db: Db, write: (append: (ticker: string, data: Buffer) => void) => void): void {
  const file = pathOf(db);
  if (!file || db.readonly || !hasPlaces(db)) {
    write(() => undefined);
    return;
  }
  let fd: number | null = null;
  let at = 0;
  const open = (): number => {
    if (fs.existsSync(file)) {
      const f = fs.openSync(file, 'r+');
      const size = fs.fstatSync(f).size;
      const id = size >= HEADER ? fileId(f) : null;
      if (id !== null && id === storedId(db)) {
        at = align8(size);
        return f;
      }
      fs.closeSync(f);
    }
    // A new file under the name (never the old one emptied: a reader may still be reading it).
    const fresh = newTag();
    const tmp = tmpName(file);
    try {
      fs.writeFileSync(tmp, header(fresh));
      fs.renameSync(tmp, file);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    setStoredId(db, fresh);
    prepared(db, 'DELETE FROM packed_places').run();
    at = HEADER;
    return fs.openSync(file, 'r+');
  };
  try {
    write((ticker, data) => {
      fd ??= open();
      const [place] = writeRecords(fd, at, [{ ticker, data }]);
      putPlaces(db, [place!]);
      at = align8(place!.at + RECORD_HEADER + place!.len);
    });
    if (fd !== null) fs.fdatasyncSync(fd);
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

/** What {@link maintainPackedFile} found, and whether it wrote the file anew. */
export interface PackedFileState {
  copies: number;
  placed: number;
  liveBytes: number;
  fileBytes: number;
  rewritten: boolean;
}

/** What the archive and its packed file hold, and whether the file must be written anew. */
function inspect(db: Db, file: string | null, compact: boolean, slack: number): { state: PackedFileState; needed: boolean } {
  const copies = db.prepare('SELECT count(*) FROM bar_columns').pluck().get() as number;
  const { placed, live } = db.prepare('SELECT count(*) AS placed, total(len + 16) AS live FROM packed_places').get() as { placed: number; live: number };
  let fileBytes = 0;
  let id: number | null = null;
  if (file && fs.existsSync(file)) {
    const fd = fs.openSync(file, 'r');
    try {
      fileBytes = fs.fstatSync(fd).size;
      id = fileBytes >= HEADER ? fileId(fd) : null;
    } finally {
      fs.closeSync(fd);
    }
  }
  const broken = id === null || id !== storedId(db) || placed < copies;
  const needed = copies > 0 && (broken || (compact && fileBytes > 2 * live + slack));
  return { state: { copies, placed, liveBytes: live, fileBytes, rewritten: false }, needed };
}

/**
 * Writes the packed file anew from `bar_columns` when it is missing or not the one the archive wrote,
 * or a copy has no place in it (an archive from before the file, or whose file was lost); with
 * `compact` (after an import or an undo, off the window's thread in the app) also when superseded
 * records outweigh the live ones by more than `slack` bytes (64 MB), which opening never waits for. The new file goes
 * beside the old one and takes its name inside the transaction that records its places: a crash in
 * between leaves a file the archive does not name, written anew at the next open.
 */
export function maintainPackedFile(db: Db, { compact = false, force = false, slack = SLACK }: { compact?: boolean; force?: boolean; slack?: number } = {}): PackedFileState {
  const file = pathOf(db);
  if (!hasPlaces(db)) return { copies: 0, placed: 0, liveBytes: 0, fileBytes: 0, rewritten: false };
  const first = inspect(db, file, compact, slack);
  if (!file || db.readonly || !(force || first.needed)) return first.state;
  let state = first.state;
  const tmp = tmpName(file);
  const rewrite = db.transaction(() => {
    // Another connection (an import's worker, another process) may have written it meanwhile.
    const now = inspect(db, file, compact, slack);
    state = now.state;
    if (!force && !now.needed) return;
    const fresh = newTag();
    const fd = fs.openSync(tmp, 'w');
    const places: Place[] = [];
    try {
      fs.writeSync(fd, header(fresh), 0, HEADER, 0);
      let at = HEADER;
      // One ticker at a time: a large archive's copies never sit in memory together.
      for (const { ticker, data } of db.prepare('SELECT ticker, data FROM bar_columns ORDER BY ticker').iterate() as Iterable<{ ticker: string; data: Buffer }>) {
        const [p] = writeRecords(fd, at, [{ ticker, data }]);
        places.push(p!);
        at = align8(p!.at + RECORD_HEADER + p!.len);
      }
      fs.fdatasyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    db.prepare('DELETE FROM packed_places').run();
    putPlaces(db, places);
    setStoredId(db, fresh);
    fs.renameSync(tmp, file);
    state.placed = places.length;
    state.liveBytes = places.reduce((s, p) => s + RECORD_HEADER + p.len, 0);
    state.fileBytes = fs.statSync(file).size;
    state.rewritten = true;
  });
  try {
    rewrite.immediate();
  } finally {
    // Left only by a failed rewrite: a done one renamed it.
    fs.rmSync(tmp, { force: true });
  }
  closePackedFile(db);
  return state;
}

/**
 * {@link maintainPackedFile} where the archive is opened or restored, or (`compact`) after a write to
 * its bars committed; never inside a caller's transaction. The file only makes reads faster: a failure
 * (a full disk, a read-only folder) leaves the reads on the archive's own copies, and is said once.
 */
export function keepPackedFile(db: Db, compact = false): void {
  if (db.inTransaction) return;
  try {
    maintainPackedFile(db, { compact });
  } catch (err) {
    console.warn(`Breadth: the packed file ${pathOf(db) ?? ''} could not be written (${(err as Error).message}); bars are read from the archive alone.`);
  }
}
