import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli/run';
import { tempDir } from '../../helpers/archive';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const synthetic = path.resolve(__dirname, '../../fixtures/import/synthetic');
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** The parts of the CLI's JSON these tests read. */
interface Out {
  files: Array<Record<string, unknown>>;
  imports: Array<Record<string, unknown>>;
  bars: number;
}

async function cli(args: string[]): Promise<{ code: number; out: Out; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: {} });
  return { code, out: (stdout ? JSON.parse(stdout) : null) as Out, stderr };
}

function archivePath(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'archive.sqlite');
}

describe('cli import / imports / undo-import', () => {
  it('prints one entry per file with its warnings and rejections, and fails (exit 1) on a blocked file', async () => {
    const db = archivePath();
    const r = await cli(['import', '--db', db, path.join(real, 'yfinance/XLB.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/1 of 1 file\(s\) were not imported/);
    expect(r.out.files).toHaveLength(1);
    expect(r.out.files[0]).toMatchObject({
      file: 'XLB.csv',
      ticker: 'XLB',
      provider: 'yfinance',
      rows: 45,
      imported: 0,
      replaced: 0,
      status: 'failed',
      rejected: [{ line: 25, reason: 'High 92.07 is below Open 92.13' }],
    });
    expect(r.out.files[0]!.warnings).toEqual([
      expect.objectContaining({ line: 33, reason: expect.stringMatching(/unadjusted 2:1 split/) }),
    ]);
    const ok = await cli(['import', '--db', db, '--allow-rejected', path.join(real, 'yfinance/XLB.csv')]);
    expect(ok.code).toBe(0);
    expect(ok.out.files[0]).toMatchObject({ imported: 44, status: 'imported', importId: 1 });
  });

  it('lists a multi-ticker file per ticker and imports every CSV/TXT of a folder', async () => {
    const db = archivePath();
    const r = await cli(['import', '--db', db, path.join(synthetic, 'stooq-headerless')]);
    expect(r.code).toBe(0);
    expect(r.out.files.map((f) => [f.file, f.ticker, f.rows, f.imported])).toEqual([
      ['daily.txt', 'SPY', 4, 4],
      ['daily.txt', 'XLI', 3, 3],
    ]);
  });

  it('--dry-run writes nothing; --date-format settles an ambiguous file; --on-conflict replace; history and undo', async () => {
    const db = archivePath();
    const file = path.join(synthetic, 'ambiguous-dates/IWM.csv');
    const ask = await cli(['import', '--db', db, '--dry-run', file]);
    expect(ask.code).toBe(1);
    expect(ask.out.files[0]!.error).toMatch(/choose the date format/);
    const dry = await cli(['import', '--db', db, '--dry-run', '--date-format', 'DD/MM/YYYY', file]);
    expect(dry.code).toBe(0);
    expect(dry.out.files[0]).toMatchObject({ status: 'checked', rows: 4, importId: null });
    expect((await cli(['info', '--db', db])).out.bars).toBe(0);
    expect((await cli(['import', '--db', db, '--date-format', 'MM/DD/YYYY', file])).code).toBe(0);
    const again = await cli([
      'import',
      '--db',
      db,
      '--date-format',
      'MM/DD/YYYY',
      '--on-conflict',
      'replace',
      '--ticker',
      'IWM',
      file,
    ]);
    expect(again.out.files[0]).toMatchObject({ imported: 0, unchanged: 4 });
    const hist = await cli(['imports', '--db', db]);
    expect(hist.out.imports.map((i) => [i.id, i.fileName, i.rowsWritten])).toEqual([
      [2, 'IWM.csv', 0],
      [1, 'IWM.csv', 4],
    ]);
    const undo = await cli(['undo-import', '--db', db, '--id', '1']);
    expect(undo).toMatchObject({ code: 0, out: { id: 1, removed: 4, restored: 0 } });
    expect((await cli(['info', '--db', db])).out.bars).toBe(0);
  });

  it('previews a file that overlaps the archive under each conflict policy with its exact counts', async () => {
    // Yahoo's SPY (real, 20 rows) in the archive; then the same file with 3 closes changed and 2 new days.
    const db = archivePath();
    const spy = path.join(real, 'yahoo/SPY.csv');
    expect((await cli(['import', '--db', db, spy])).code).toBe(0);
    const lines = fs.readFileSync(spy, 'utf8').trim().split('\n');
    const changed = lines.map((l, i) => {
      if (i < 2 || i > 4) return l;
      const f = l.split(',');
      f[4] = (Number(f[4]) + 0.5).toFixed(6);
      f[2] = (Math.max(Number(f[2]), Number(f[4])) + 0.01).toFixed(6);
      return f.join(',');
    });
    const last = lines.at(-1)!.split(',');
    const extra = ['2021-03-01', '2021-03-02'].map((d) => [d, ...last.slice(1)].join(','));
    const file = path.join(path.dirname(db), 'SPY.csv');
    fs.writeFileSync(file, [...changed, ...extra].join('\n') + '\n');
    const rows = lines.length - 1 + extra.length;
    const counts = (f: Record<string, unknown>): unknown[] => [f['status'], f['rows'], f['imported'], f['replaced'], f['kept'], f['unchanged'], (f['conflicts'] as unknown[]).length];
    // The default policy (fail): the 3 changed rows are conflicts, neither written nor replaced, and
    // block the file; the 2 new days would go in.
    const fail = await cli(['import', '--db', db, '--dry-run', file]);
    expect(fail.code).toBe(1);
    expect(counts(fail.out.files[0]!)).toEqual(['checked', rows, 2, 0, 0, rows - 5, 3]);
    expect(fail.out.files[0]!.error).toMatch(/^3 rows differ from bars already in the archive \(choose replace or keep\)$/);
    const replace = await cli(['import', '--db', db, '--dry-run', '--on-conflict', 'replace', file]);
    expect(counts(replace.out.files[0]!)).toEqual(['checked', rows, 5, 3, 0, rows - 5, 3]);
    const keep = await cli(['import', '--db', db, '--dry-run', '--on-conflict', 'keep', file]);
    expect(counts(keep.out.files[0]!)).toEqual(['checked', rows, 2, 0, 3, rows - 5, 3]);
    // A preview writes nothing.
    expect((await cli(['info', '--db', db])).out.bars).toBe(lines.length - 1);
  });

  it('rejects bad options as usage errors (exit 2)', async () => {
    const db = archivePath();
    const f = path.join(real, 'yahoo/SPY.csv');
    expect((await cli(['import', '--db', db, '--on-conflict', 'merge', f])).code).toBe(2);
    expect((await cli(['import', '--db', db, '--date-format', 'YYYY', f])).code).toBe(2);
    expect((await cli(['import', '--db', db])).code).toBe(2);
    expect((await cli(['undo-import', '--db', db, '--id', 'x'])).code).toBe(2);
    expect(fs.existsSync(db)).toBe(false);
  });

  it('a missing file is reported in the output and fails the run', async () => {
    const db = archivePath();
    const r = await cli(['import', '--db', db, path.join(real, 'yahoo/SPY.csv'), path.join(real, 'nope.csv')]);
    expect(r.code).toBe(1);
    expect(r.out.files.map((f) => [f.file, f.status])).toEqual([
      ['SPY.csv', 'imported'],
      ['nope.csv', 'failed'],
    ]);
  });
});
