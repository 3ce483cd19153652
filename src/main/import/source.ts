import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A file to read: from disk (`name` is what the user calls it when the file is a staged copy), or text
 * in memory (tests and benchmarks).
 */
export type ImportSource = { path: string; name?: string } | { name: string; text: string };

const CHUNK = 1024 * 1024;

/** Thrown when a cancel stops a read (or the import around it). */
export class ImportCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ImportCancelled';
  }
}

function check(isCancelled: (() => boolean) | undefined): void {
  if (isCancelled?.()) throw new ImportCancelled();
}

/** The name shown for a source (its base name). */
export function sourceName(source: ImportSource): string {
  return 'path' in source ? (source.name ?? path.basename(source.path)) : source.name;
}

/** Reads the first `bytes` of a source as text; `complete` is true when that is the whole file. */
export function readSample(source: ImportSource, bytes: number): { text: string; complete: boolean } {
  if ('text' in source) return { text: source.text.slice(0, bytes), complete: source.text.length <= bytes };
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    return { text: new TextDecoder('utf-8').decode(buf.subarray(0, n)), complete: n < bytes };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Streams a source line by line (1 MiB at a time, so memory does not grow with the file), calling
 * `onLine(line, lineNumber)` with `\r` and the byte-order mark removed. Returns the sha256 of its bytes.
 */
export function forEachLine(
  source: ImportSource,
  onLine: (line: string, lineNo: number) => void,
  isCancelled?: () => boolean,
): string {
  const hash = createHash('sha256');
  let carry = '';
  let lineNo = 0;
  const feed = (text: string, last: boolean): void => {
    let s = carry + text;
    if (lineNo === 0 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    let start = 0;
    for (;;) {
      const nl = s.indexOf('\n', start);
      if (nl < 0) break;
      const end = nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(s.slice(start, end), ++lineNo);
      start = nl + 1;
    }
    carry = s.slice(start);
    if (last && carry !== '') {
      onLine(carry.endsWith('\r') ? carry.slice(0, -1) : carry, ++lineNo);
      carry = '';
    }
  };
  if ('text' in source) {
    hash.update(source.text, 'utf8');
    for (let i = 0; i < source.text.length; i += CHUNK) {
      check(isCancelled);
      feed(source.text.slice(i, i + CHUNK), i + CHUNK >= source.text.length);
    }
    if (source.text.length === 0) feed('', true);
    return hash.digest('hex');
  }
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      check(isCancelled);
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const bytes = buf.subarray(0, n);
      hash.update(bytes);
      feed(decoder.decode(bytes, { stream: true }), false);
    }
    feed(decoder.decode(), true);
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Counts a source's lines cheaply (by newline bytes), for progress totals; a cancel stops it between chunks. */
export function countLines(source: ImportSource, isCancelled?: () => boolean): number {
  if ('text' in source) {
    let n = 0;
    for (let i = source.text.indexOf('\n'); i >= 0; i = source.text.indexOf('\n', i + 1)) n++;
    return source.text.length && !source.text.endsWith('\n') ? n + 1 : n;
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let n = 0;
    let lastByte = 10;
    for (;;) {
      check(isCancelled);
      const got = fs.readSync(fd, buf, 0, CHUNK, null);
      if (got === 0) break;
      for (let i = buf.indexOf(10, 0); i >= 0 && i < got; i = buf.indexOf(10, i + 1)) n++;
      lastByte = buf[got - 1]!;
    }
    return lastByte === 10 ? n : n + 1;
  } finally {
    fs.closeSync(fd);
  }
}
