import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Test seam: called after each chunk is written to the temporary file (a throw aborts the write). */
export type ChunkHook = (written: number, total: number) => void;

const CHUNK = 64 * 1024;

/**
 * Writes `bytes` to `target` whole or not at all: into a temporary file beside it, flushed to disk,
 * then renamed over the target in one step. On any failure the temporary file is removed and the target
 * is exactly as it was (absent, or the previous file).
 */
export function writeFileAtomic(target: string, bytes: Uint8Array, onChunk?: ChunkHook): void {
  const dir = path.dirname(path.resolve(target));
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.part`);
  let fd: number | null = null;
  try {
    fd = fs.openSync(temp, 'wx', 0o644);
    for (let at = 0; at < bytes.length; ) {
      at += fs.writeSync(fd, bytes, at, Math.min(CHUNK, bytes.length - at));
      onChunk?.(at, bytes.length);
    }
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fd = null;
    fs.renameSync(temp, target);
  } catch (err) {
    if (fd !== null) fs.closeSync(fd);
    fs.rmSync(temp, { force: true });
    throw err;
  }
}
