import { spawn } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { generateCsv } from '../../../bench/import/generate';
import { openArchive } from '../../../src/main/db/open';
import { processFile } from '../../../src/main/import/import-file';
import { tempDir } from '../../helpers/archive';

const root = path.resolve(__dirname, '../../..');
const real = path.join(root, 'tests/fixtures/import/real');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

describe('a killed import', () => {
  it('SIGKILL part-way through leaves the archive intact: integrity ok, none of its rows, earlier data untouched', async () => {
    const t = tempDir();
    cleanups.push(t.cleanup);
    const file = path.join(t.dir, 'archive.sqlite');
    const csv = path.join(t.dir, 'big.csv');
    generateCsv(csv, 120, 2500); // 300,000 rows: several seconds of work, killed well before the end
    const { db } = openArchive(file);
    expect(processFile(db, { path: path.join(real, 'yahoo/SPY.csv') }, {}, 'import').status).toBe('imported');
    const before = db.prepare('SELECT * FROM bars ORDER BY ticker, date').all();
    db.close();

    const child = spawn(
      process.execPath,
      ['--import', 'tsx', path.join(root, 'src/main/cli/index.ts'), 'import', '--db', file, csv],
      {
        cwd: root,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stderr = '';
    const killedAt = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString();
        const m = /import: big\.csv (\d+)\/(\d+)/g;
        for (const hit of stderr.matchAll(m)) {
          const done = Number(hit[1]);
          if (done > 0 && done < Number(hit[2])) {
            child.kill('SIGKILL');
            resolve(hit[0]);
            return;
          }
        }
      });
      child.on('exit', (code) =>
        reject(new Error(`the import ended (code ${code}) before it could be killed: ${stderr}`)),
      );
    });
    const exit = await new Promise<NodeJS.Signals | null>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve(child.signalCode);
      else child.on('exit', (_code, signal) => resolve(signal));
    });
    expect(exit).toBe('SIGKILL');
    expect(killedAt).toMatch(/^import: big\.csv [1-9]\d*\/300000$/);

    const check = new Database(file);
    try {
      expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
      expect(check.prepare("SELECT count(*) AS n FROM bars WHERE ticker LIKE 'T0%'").get()).toEqual({ n: 0 });
      expect(check.prepare("SELECT count(*) AS n FROM tickers WHERE symbol LIKE 'T0%'").get()).toEqual({ n: 0 });
      expect(check.prepare('SELECT id, file_name FROM imports').all()).toEqual([{ id: 1, file_name: 'SPY.csv' }]);
      expect(check.prepare('SELECT * FROM bars ORDER BY ticker, date').all()).toEqual(before);
    } finally {
      check.close();
    }
  }, 60_000);
});
