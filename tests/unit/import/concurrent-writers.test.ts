/**
 * Two imports at once (the app and the CLI, two windows) queue instead of failing with "database is
 * locked": while another process holds the archive's write lock for longer than the busy timeout, the
 * CLI's import says it waits and then imports every row; the other writer's rows are kept too.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempDir } from '../../helpers/archive';

const real = path.resolve(__dirname, '../../fixtures/import/real/yahoo/SPY.csv');

it('an import waits for another writer to finish, then imports whole', async () => {
  const t = tempDir();
  try {
    const db = path.join(t.dir, 'archive.sqlite');
    // Create the archive (schema and all) before the other writer opens it.
    expect(await runCli(['info', '--db', db], { stdout: () => {}, stderr: () => {}, env: {} })).toBe(0);
    // Another process takes the write lock for 7 s (longer than the 5 s busy timeout), writes, commits.
    const holder = spawn(
      process.execPath,
      [
        '-e',
        `const D = require('better-sqlite3'); const db = new D(${JSON.stringify(db)});
         db.exec('BEGIN IMMEDIATE'); db.prepare("INSERT INTO app_meta(key, value) VALUES ('other-writer', 'yes')").run();
         process.stdout.write('locked\\n');
         setTimeout(() => { db.exec('COMMIT'); db.close(); }, 7000);`,
      ],
      { cwd: path.resolve(__dirname, '../../..'), stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((r) => holder.once('exit', r));
    await new Promise<void>((resolve) => holder.stdout!.once('data', () => resolve()));
    let stdout = '';
    let stderr = '';
    const started = Date.now();
    const code = await runCli(['import', '--db', db, real], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {} });
    const waited = Date.now() - started;
    await exited;
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('import: SPY.csv waiting for another import to finish…');
    expect(waited).toBeGreaterThanOrEqual(5000);
    const out = JSON.parse(stdout) as { files: Array<{ status: string; imported: number; rows: number }> };
    expect(out.files[0]).toMatchObject({ status: 'imported' });
    expect(out.files[0]!.imported).toBe(out.files[0]!.rows);
    const D = (await import('better-sqlite3')).default;
    const check = new D(db, { readonly: true });
    expect(check.prepare("SELECT value FROM app_meta WHERE key = 'other-writer'").pluck().get()).toBe('yes');
    expect(check.prepare("SELECT count(*) FROM bars WHERE ticker = 'SPY'").pluck().get()).toBe(out.files[0]!.rows);
    check.close();
    expect(fs.existsSync(db)).toBe(true);
  } finally {
    t.cleanup();
  }
}, 60_000);
