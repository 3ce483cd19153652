/**
 * Killing Breadth's process at random points while it writes: imports, note saves, report edits and
 * migrations, at least 20 runs each. After every kill the archive passes `integrity_check`, opens again,
 * and each operation is all or nothing. The writer is the real core (the dispatcher and the write
 * queue for notes and reports, the importer, openArchive's migrations), bundled and run on plain Node.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCsv } from '../../../bench/import/generate';
import { checkArchiveFile, listBackups } from '../../../src/main/backups/backup';
import { readPacked } from '../../../src/main/archive/packed';
import { readPackedRecord } from '../../../src/main/archive/packed-file';
import { readBarRows, refreshTickerTotals } from '../../../src/main/archive/repository';
import { openArchive, LATEST_SCHEMA_VERSION } from '../../../src/main/db/open';
import { createNote } from '../../../src/main/notes/repository';
import { createReport } from '../../../src/main/reports/repository';
import type { ReportDraft } from '../../../src/shared/reports';
import { tempDir } from '../../helpers/archive';
import { prng } from '../../helpers/prng';
import { noteBody, reportDraft } from './kill-shapes';

const RUNS = 20;
const root = path.resolve(__dirname, '../../..');
let dir: string;
let cleanup: () => void;
let child: string;

beforeAll(async () => {
  ({ dir, cleanup } = tempDir('breadth-kill-'));
  child = path.join(dir, 'kill-child.cjs');
  await build({
    entryPoints: [path.join(__dirname, 'kill-child.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    outfile: child,
    external: ['better-sqlite3', 'playwright-core'],
    logLevel: 'silent',
    // import.meta.url in the core (worker paths) becomes the bundle's own file.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  });
  // The bundle resolves better-sqlite3 from the repository's node_modules.
  fs.symlinkSync(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
}, 60_000);
afterAll(() => cleanup());

/** Runs the child and kills it (SIGKILL) a random time after it holds the archive; resolves with the operations it saw committed. */
function killedRun(args: string[], killAfterMs: number): Promise<{ done: number; killed: boolean; stderr: string }> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, [child, ...args], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    p.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('ready\n')) timer = setTimeout(() => p.kill('SIGKILL'), killAfterMs);
    });
    p.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    p.on('error', reject);
    p.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (code !== 0 && signal !== 'SIGKILL') reject(new Error(`child exited ${code}: ${stderr}`));
      resolve({ done: (out.match(/^done \d+$/gm) ?? []).length, killed: signal === 'SIGKILL', stderr });
    });
  });
}

function integrity(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db.pragma('integrity_check', { simple: true }) as string;
  } finally {
    db.close();
  }
}

const sample = (rand: () => number, maxMs: number): number => Math.floor(rand() * maxMs);

describe('kill runs', () => {
  it(`imports: ${RUNS} runs killed at random points; each import is whole or absent`, async () => {
    const file = path.join(dir, 'import.sqlite');
    openArchive(file).db.close();
    const template = path.join(dir, 'template.csv');
    generateCsv(template, 12, 2500); // 30,000 rows
    const text = fs.readFileSync(template, 'utf8');
    const rand = prng(15);
    const seen = { whole: 0, absent: 0 };
    for (let run = 0; run < RUNS; run++) {
      const csv = path.join(dir, `run${run}.csv`);
      fs.writeFileSync(csv, text.replace(/^T(\d{4})/gm, `R${run}X$1`));
      const r = await killedRun(['import', file, csv], sample(rand, 900));
      expect(integrity(file)).toBe('ok');
      const db = openArchive(file).db;
      const rows = (db.prepare("SELECT count(*) n FROM bars WHERE ticker LIKE ?").get(`R${run}X%`) as { n: number }).n;
      const imports = (db.prepare('SELECT count(*) n FROM imports WHERE file_name = ?').get(`run${run}.csv`) as { n: number }).n;
      const tickers = (db.prepare('SELECT count(*) n FROM tickers WHERE symbol LIKE ? AND bar_count > 0').get(`R${run}X%`) as { n: number }).n;
      db.close();
      // Read as the run left it (no maintenance at opening): each committed place vouches for its record
      // in the packed file, and the copy read from there equals the rows.
      const reader = openArchive(file, { readonly: true }).db;
      for (const t of reader.prepare('SELECT symbol FROM tickers WHERE symbol LIKE ? AND bar_count > 0').pluck().all(`R${run}X%`) as string[]) {
        expect(readPackedRecord(reader, t), t).not.toBeNull();
        expect(Array.from(readPacked(reader, t)!.close)).toEqual(Array.from(readBarRows(reader, t).close));
      }
      reader.close();
      expect([0, 30_000]).toContain(rows);
      expect(imports).toBe(rows ? 1 : 0);
      expect(tickers).toBe(rows ? 12 : 0);
      if (r.done) expect(rows).toBe(30_000);
      seen[rows ? 'whole' : 'absent']++;
    }
    // The kills landed both before and after commits (else the runs proved nothing).
    expect(seen.absent).toBeGreaterThan(0);
    expect(seen.whole + seen.absent).toBe(RUNS);
  }, 240_000);

  it(`note saves: ${RUNS} runs killed mid-save; the note is always one whole version with its history`, async () => {
    const file = path.join(dir, 'notes.sqlite');
    const db = openArchive(file).db;
    const report = createReport(db, reportDraft(0) as ReportDraft);
    createNote(db, report.id, noteBody(0));
    db.close();
    const rand = prng(16);
    let saves = 0;
    for (let run = 0; run < RUNS; run++) {
      const r = await killedRun(['note', file, String(report.id)], 50 + sample(rand, 400));
      expect(r.killed).toBe(true);
      expect(integrity(file)).toBe('ok');
      const check = openArchive(file).db;
      const note = check.prepare('SELECT id, body, version FROM notes').get() as { id: number; body: string; version: number };
      const n = Number(note.body.split(':')[0]);
      expect(note.body).toBe(noteBody(n));
      expect(note.version).toBe(n + 1);
      const versions = (check.prepare('SELECT version, body FROM note_versions WHERE note_id = ? ORDER BY version').all(note.id) as Array<{ version: number; body: string }>);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: n }, (_, i) => i + 1));
      for (const v of versions) expect(v.body).toBe(noteBody(v.version - 1));
      check.close();
      expect(n).toBeGreaterThanOrEqual(saves + r.done);
      saves = n;
    }
    expect(saves).toBeGreaterThan(RUNS);
  }, 240_000);

  it(`report edits: ${RUNS} runs killed mid-edit; the report, its search entry and its watchlist always agree`, async () => {
    const file = path.join(dir, 'reports.sqlite');
    const db = openArchive(file).db;
    const report = createReport(db, reportDraft(0) as ReportDraft);
    db.close();
    const rand = prng(17);
    let edits = 0;
    for (let run = 0; run < RUNS; run++) {
      const r = await killedRun(['report', file, String(report.id)], 50 + sample(rand, 400));
      expect(r.killed).toBe(true);
      expect(integrity(file)).toBe('ok');
      const check = openArchive(file).db;
      const row = check.prepare('SELECT title, tickers, tags, body FROM reports WHERE id = ?').get(report.id) as Record<string, string>;
      const n = Number(row['title']!.replace('Run ', ''));
      const draft = reportDraft(n) as ReportDraft;
      expect(JSON.parse(row['tickers']!)).toEqual(draft.tickers);
      expect(JSON.parse(row['tags']!)).toEqual(draft.tags);
      for (const s of draft.sections) expect(row['body']).toContain(s.heading);
      const list = check.prepare('SELECT w.name, (SELECT json_group_array(ticker) FROM (SELECT ticker FROM watchlist_items i WHERE i.watchlist_id = w.id ORDER BY position)) t FROM watchlists w WHERE report_id = ?').get(report.id) as { name: string; t: string };
      expect(list.name).toBe(draft.title);
      const indexed = check.prepare("SELECT title, body FROM search_text WHERE kind = 'report' AND ref_id = ?").all(report.id) as Array<{ title: string; body: string }>;
      expect(indexed).toHaveLength(1);
      expect(indexed[0]!.title).toBe(draft.title);
      expect(indexed[0]!.body).toContain(draft.sections.at(-1)!.heading);
      expect(JSON.parse(list.t)).toEqual(draft.tickers);
      check.close();
      expect(n).toBeGreaterThanOrEqual(edits + r.done);
      edits = n;
    }
    expect(edits).toBeGreaterThan(RUNS);
  }, 240_000);

  it(`migrations: ${RUNS} runs killed while an archive migrates; it is at one schema or the next, never between`, async () => {
    // An archive of the schema before the packed copy, with enough bars that migrating takes a while.
    const template = path.join(dir, 'schema7.sqlite');
    const t = openArchive(template).db;
    t.transaction(() => {
      const ins = t.prepare('INSERT INTO bars(ticker, date, open, high, low, close, adj_close, volume) VALUES (?,?,?,?,?,?,?,?)');
      for (let k = 0; k < 150; k++) {
        const sym = `M${k}`;
        t.prepare('INSERT INTO tickers(symbol) VALUES (?)').run(sym);
        for (let d = 0; d < 1500; d++) {
          const day = new Date(Date.UTC(2010, 0, 1) + d * 86_400_000).toISOString().slice(0, 10);
          ins.run(sym, day, 10, 11, 9, 10 + (d % 7), 10, 1000 + d);
        }
      }
      refreshTickerTotals(t, Array.from({ length: 150 }, (_, k) => `M${k}`));
    })();
    t.exec('DROP TRIGGER bars_insert_stales_copy; DROP TRIGGER bars_update_stales_copy; DROP TRIGGER bars_delete_stales_copy; DROP TABLE bar_columns; DROP TABLE packed_places; DELETE FROM app_meta WHERE key = \'packed_file_id\';');
    t.pragma('user_version = 7');
    t.pragma('wal_checkpoint(TRUNCATE)');
    t.close();
    const rand = prng(18);
    const seen = { old: 0, new: 0 };
    for (let run = 0; run < RUNS; run++) {
      const runDir = path.join(dir, `migrate${run}`);
      fs.mkdirSync(runDir);
      const file = path.join(runDir, 'archive.sqlite');
      fs.copyFileSync(template, file);
      await killedRun(['migrate', file], sample(rand, 1500));
      expect(integrity(file)).toBe('ok');
      const peek = new Database(file, { readonly: true });
      const version = peek.pragma('user_version', { simple: true }) as number;
      const hasCopies = peek.prepare("SELECT 1 FROM sqlite_master WHERE name = 'bar_columns'").get() !== undefined;
      const copies = hasCopies ? (peek.prepare('SELECT count(*) n FROM bar_columns').get() as { n: number }).n : 0;
      peek.close();
      // Each migration is its own transaction: 7 (none applied), 8 (the packed copy), 9 (its narrow layout)
      // or 10 (the packed file's places, the file written after it).
      expect([7, 8, 9, 10]).toContain(version);
      expect(LATEST_SCHEMA_VERSION).toBe(10);
      expect(hasCopies).toBe(version >= 8);
      // Migration 8 makes the table, 9 fills it in its second layout.
      expect(copies).toBe(version >= 9 ? 150 : 0);
      seen[version === 7 ? 'old' : 'new']++;
      // Opening again finishes the work, and no half-written backup is ever listed.
      const { db, migration } = openArchive(file);
      expect(migration.to).toBe(LATEST_SCHEMA_VERSION);
      expect((db.prepare('SELECT count(*) n FROM bar_columns').get() as { n: number }).n).toBe(150);
      expect((db.prepare('SELECT count(*) n FROM packed_places').get() as { n: number }).n).toBe(150);
      expect((db.prepare('SELECT count(*) n FROM bars').get() as { n: number }).n).toBe(150 * 1500);
      db.close();
      // Every backup listed passes its check, at the schema it was taken from.
      for (const b of listBackups(file)) expect([7, 8, 9]).toContain(checkArchiveFile(b.path, LATEST_SCHEMA_VERSION, { breadth: false }).schema);
      fs.rmSync(runDir, { recursive: true });
    }
    expect(seen.old).toBeGreaterThan(0);
  }, 240_000);
});
