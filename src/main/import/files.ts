import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportFileHandle } from '../../shared/import';
import { DomainError, invalidInput } from '../errors';

/** A file the import may read: where it is, the name the user knows it by, whether Breadth owns it. */
interface Entry {
  handle: ImportFileHandle;
  path: string;
  /** A staged copy (removed when its import ends or the core closes); otherwise the user's own file. */
  staged: boolean;
}

/** The largest file that can be staged (a dropped file's copy on disk). */
export const MAX_STAGED_BYTES = 512 * 1024 * 1024;

/**
 * The only files the import channels may read. The renderer never names a path: it holds ids that main
 * handed out itself, for a file chosen in the open dialog (or named on the CLI's command line) or for
 * a dropped file that was staged, i.e. copied once to a private temporary folder. Previews and the
 * import then read the file by path, as the CLI does, however often the options change.
 */
export class ImportFiles {
  private readonly entries = new Map<string, Entry>();
  private dir: string | null = null;

  /** Hands out an id for a file the user chose (open dialog, command line); refuses anything but a regular file. */
  register(file: string): ImportFileHandle {
    const abs = path.resolve(file);
    const st = fs.statSync(abs, { throwIfNoEntry: false });
    if (!st) throw new DomainError('NOT_FOUND', `${abs}: no such file`);
    if (!st.isFile()) throw invalidInput(`${abs}: not a regular file (a folder, pipe or device cannot be imported)`);
    return this.add(abs, path.basename(abs), st.size, false);
  }

  /** Stages a dropped file's bytes (IPC: the renderer read the file once) and hands out its id. */
  stage(name: string, bytes: string | Uint8Array): ImportFileHandle {
    const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.byteLength;
    if (size > MAX_STAGED_BYTES) throw invalidInput(`${name}: larger than ${MAX_STAGED_BYTES} bytes`);
    const file = this.stagingPath();
    fs.writeFileSync(file, bytes, { mode: 0o600 });
    return this.add(file, cleanName(name), size, true);
  }

  /** Stages a dropped file streamed to disk (the browser host's upload); at most `maxBytes`. */
  async stageStream(name: string, body: Readable, maxBytes = MAX_STAGED_BYTES): Promise<ImportFileHandle> {
    const file = this.stagingPath();
    let size = 0;
    const out = fs.createWriteStream(file, { mode: 0o600 });
    try {
      await pipeline(
        body,
        async function* (chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            size += chunk.length;
            if (size > maxBytes) throw invalidInput(`${name}: larger than ${maxBytes} bytes`);
            yield chunk;
          }
        },
        out,
      );
    } catch (err) {
      fs.rmSync(file, { force: true });
      throw err;
    }
    return this.add(file, cleanName(name), size, true);
  }

  /** The file behind an id; refuses an id main did not hand out (or already released). */
  resolve(fileId: string): { path: string; name: string } {
    const e = this.entries.get(fileId);
    if (!e) throw new DomainError('NOT_FOUND', `no file with id ${fileId}: open or drop the file again`);
    return { path: e.path, name: e.handle.name };
  }

  /** Forgets ids; staged copies are deleted. Unknown ids are ignored. */
  release(fileIds: Iterable<string>): void {
    for (const id of fileIds) {
      const e = this.entries.get(id);
      if (!e) continue;
      this.entries.delete(id);
      if (e.staged) fs.rmSync(e.path, { force: true });
    }
  }

  /** How many staged copies exist (for tests and the host's stats). */
  get stagedCount(): number {
    let n = 0;
    for (const e of this.entries.values()) if (e.staged) n++;
    return n;
  }

  /** Deletes every staged copy and the staging folder. */
  close(): void {
    this.release([...this.entries.keys()]);
    if (this.dir) fs.rmSync(this.dir, { recursive: true, force: true });
    this.dir = null;
  }

  private add(file: string, name: string, size: number, staged: boolean): ImportFileHandle {
    const handle: ImportFileHandle = { fileId: randomUUID(), name, size };
    this.entries.set(handle.fileId, { handle, path: file, staged });
    return handle;
  }

  private stagingPath(): string {
    this.dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'breadth-staged-'));
    return path.join(this.dir, `${randomUUID()}.csv`);
  }
}

/** A dropped file's name as shown: its base name, without control characters. */
function cleanName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  // eslint-disable-next-line no-control-regex
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 255);
  return clean || 'dropped.csv';
}
