import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * A file to read: from disk (`name` is what the user calls it when the file is a staged copy), or text
 * in memory (tests and benchmarks).
 */
export type ImportSource = { path: string; name?: string } | { name: string; text: string };

const CHUNK = 1024 * 1024;

/** A file's text encoding, from its byte-order mark: UTF-16 files from spreadsheet exports carry one. */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The encoding the first bytes of a file declare (UTF-8 without a mark). */
export function encodingOf(head: Uint8Array): TextEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/** The line ends of a text: `\n` (with or without `\r`), or a lone `\r` (classic Mac, some exports). */
function lineEnd(text: string): '\n' | '\r' | null {
  if (text.includes('\n')) return '\n';
  return text.includes('\r') ? '\r' : null;
}

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
  if ('text' in source) {
    const text = source.text.slice(0, bytes);
    return { text: lineEnd(text) === '\r' ? text.replace(/\r/g, '\n') : text, complete: source.text.length <= bytes };
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    const n = fs.readSync(fd, buf, 0, bytes, 0);
    const text = new TextDecoder(encodingOf(buf.subarray(0, n))).decode(buf.subarray(0, n));
    // Lines end with \n from here on, whatever the file used.
    return { text: lineEnd(text) === '\r' ? text.replace(/\r/g, '\n') : text, complete: n < bytes };
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
  // Decided by the first text that has a line end: \n (with or without \r before it), or \r alone.
  let eol: '\n' | '\r' | null = null;
  const feed = (text: string, last: boolean): void => {
    let s = carry + text;
    if (lineNo === 0 && s.charCodeAt(0) === 0xfeff) s = s.slice(1);
    eol ??= lineEnd(s);
    const nlChar = eol ?? '\n';
    let start = 0;
    for (;;) {
      const nl = s.indexOf(nlChar, start);
      if (nl < 0) break;
      const end = nlChar === '\n' && nl > start && s.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
      onLine(s.slice(start, end), ++lineNo);
      start = nl + 1;
    }
    carry = s.slice(start);
    if (last && carry !== '') {
      onLine(carry.endsWith('\r') && eol !== '\r' ? carry.slice(0, -1) : carry, ++lineNo);
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
  const fd = fs.openSync(source.path, 'r');
  let decoder: InstanceType<typeof TextDecoder> | null = null;
  try {
    const buf = Buffer.alloc(CHUNK);
    for (;;) {
      check(isCancelled);
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      const bytes = buf.subarray(0, n);
      hash.update(bytes);
      // The byte-order mark of the first chunk says how to read every chunk.
      decoder ??= new TextDecoder(encodingOf(bytes), { ignoreBOM: true });
      feed(decoder.decode(bytes, { stream: true }), false);
    }
    feed(decoder?.decode() ?? '', true);
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/** Counts a source's lines cheaply (by newline bytes), for progress totals; a cancel stops it between chunks. */
export function countLines(source: ImportSource, isCancelled?: () => boolean): number {
  if ('text' in source) {
    const nl = lineEnd(source.text) ?? '\n';
    let n = 0;
    for (let i = source.text.indexOf(nl); i >= 0; i = source.text.indexOf(nl, i + 1)) n++;
    return source.text.length && !source.text.endsWith(nl) ? n + 1 : n;
  }
  const fd = fs.openSync(source.path, 'r');
  try {
    const buf = Buffer.alloc(CHUNK);
    let n = 0;
    let cr = 0;
    let lastByte = 10;
    for (;;) {
      check(isCancelled);
      const got = fs.readSync(fd, buf, 0, CHUNK, null);
      if (got === 0) break;
      for (let i = buf.indexOf(10, 0); i >= 0 && i < got; i = buf.indexOf(10, i + 1)) n++;
      if (n === 0) for (let i = buf.indexOf(13, 0); i >= 0 && i < got; i = buf.indexOf(13, i + 1)) cr++;
      lastByte = buf[got - 1]!;
    }
    // A file whose lines end in a lone \r counts its \r.
    if (n === 0 && cr > 0) return lastByte === 13 ? cr : cr + 1;
    return lastByte === 10 ? n : n + 1;
  } finally {
    fs.closeSync(fd);
  }
}
