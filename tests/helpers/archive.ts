import crypto from 'node:crypto';
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

/** Every table's rows, hashed (order-free): equal hashes mean an unchanged archive. */
export function archiveHash(db: Db): string {
  const h = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>;
  for (const { name } of tables) {
    h.update(name);
    const rows = (db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v)),
    );
    for (const row of rows.sort()) h.update(row);
  }
  return h.digest('hex');
}
