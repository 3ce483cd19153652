import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openArchive, type Db } from '../../src/main/db/open';

/** A fresh temporary directory, removed by the returned cleanup. */
export function tempDir(prefix = 'breadth-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh archive file with every migration applied; each test gets its own. */
export function freshArchive(): { db: Db; file: string; dir: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'archive.sqlite');
  const { db } = openArchive(file);
  return {
    db,
    file,
    dir,
    cleanup: () => {
      if (db.open) db.close();
      cleanup();
    },
  };
}
