import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ConflictPolicy } from '../../../src/shared/import';
import type { Db } from '../../../src/main/db/open';
import { processFile } from '../../../src/main/import/import-file';
import { undoImport } from '../../../src/main/import/write';
import { freshArchive } from '../../helpers/archive';
import { prng } from '../../helpers/prng';

const real = path.resolve(__dirname, '../../fixtures/import/real');
const cleanups: Array<() => void> = [];
afterAll(() => cleanups.splice(0).forEach((c) => c()));

const NOISE = [
  ',',
  ';',
  '"',
  '\n',
  '\r\n',
  '-',
  '.',
  '0',
  '9',
  '1',
  'a',
  'Z',
  ' ',
  '\t',
  '$',
  '\ufeff',
  'é',
  '/',
  ':',
  'e',
];

/** Applies 1–6 random edits: delete/duplicate/corrupt a character, delete/duplicate/swap a line, truncate. */
function mutate(text: string, rand: () => number): string {
  const pick = (n: number): number => Math.floor(rand() * n);
  let s = text;
  const edits = 1 + pick(6);
  for (let e = 0; e < edits; e++) {
    const i = pick(Math.max(1, s.length));
    const lines = s.split('\n');
    const l = pick(lines.length);
    switch (pick(8)) {
      case 0:
        s = s.slice(0, i) + s.slice(i + 1);
        break;
      case 1:
        s = s.slice(0, i) + s.charAt(i) + s.slice(i);
        break;
      case 2:
        s = s.slice(0, i) + NOISE[pick(NOISE.length)] + s.slice(i + 1);
        break;
      case 3:
        lines.splice(l, 1);
        s = lines.join('\n');
        break;
      case 4:
        lines.splice(l, 0, lines[l] ?? '');
        s = lines.join('\n');
        break;
      case 5: {
        const m = pick(lines.length);
        [lines[l], lines[m]] = [lines[m]!, lines[l]!];
        s = lines.join('\n');
        break;
      }
      case 6:
        s = s.slice(0, i);
        break;
      default: {
        // change a digit in a number, which may break High/Low or create a conflicting duplicate
        const j = s.indexOf('.', i);
        if (j > 0) s = s.slice(0, j - 1) + String(pick(10)) + s.slice(j);
      }
    }
  }
  return s;
}

function snapshot(db: Db): string {
  return JSON.stringify([
    db.prepare('SELECT * FROM bars ORDER BY ticker, date').all(),
    db.prepare('SELECT symbol, prices_adjusted FROM tickers ORDER BY symbol').all(),
    db.prepare('SELECT id, status FROM imports ORDER BY id').all(),
  ]);
}

const sources = [
  'yfinance/XLE.csv',
  'yfinance/XLB.csv',
  'yahoo/SPY.csv',
  'stooq/spy.us.txt',
  'nasdaq/MSFT.csv',
  'nasdaq/SPX.csv',
  'investing/SPY Historical Data.csv',
  'alphavantage/IWM.csv',
  'bad/SP500-spliced.csv',
  'yfinance-max/^GSPC.csv',
].map((f) => ({ name: path.basename(f), text: fs.readFileSync(path.join(real, f), 'utf8') }));

describe('fuzz: mutated real excerpts', () => {
  it('never throw, never fail internally, and never leave a partial import (seeded, 250 cases)', () => {
    const rand = prng(20261129);
    const policies: ConflictPolicy[] = ['fail', 'replace', 'keep'];
    const a = freshArchive();
    cleanups.push(a.cleanup);
    // Seed the archive with the clean files, so mutations also collide with existing bars.
    for (const s of sources) processFile(a.db, s, { allowRejected: true }, 'import');
    let committed = 0;
    let refused = 0;
    for (let n = 0; n < 250; n++) {
      const src = sources[Math.floor(rand() * sources.length)]!;
      const text = mutate(src.text, rand);
      const options = { onConflict: policies[Math.floor(rand() * 3)]!, allowRejected: rand() < 0.5 };
      const before = snapshot(a.db);
      let result: ReturnType<typeof processFile> | undefined;
      expect(() => {
        result = processFile(a.db, { name: src.name, text }, options, 'import');
      }, `case ${n}`).not.toThrow();
      const r = result!;
      expect(r.error ?? '', `case ${n}: ${r.error}`).not.toMatch(/internal error/);
      expect(a.db.inTransaction).toBe(false);
      if (r.status === 'imported') {
        committed++;
        const mine = a.db.prepare('SELECT count(*) AS n FROM bars WHERE import_id = ?').get(r.importId) as {
          n: number;
        };
        expect(mine.n, `case ${n}`).toBe(r.counts.imported);
        // Undo brings the archive back exactly: the import was whole and self-contained.
        undoImport(a.db, r.importId!);
        const after = JSON.parse(snapshot(a.db)) as unknown[];
        const expected = JSON.parse(before) as unknown[];
        expect(after[0], `case ${n}`).toEqual(expected[0]);
        expect(after[1], `case ${n}`).toEqual(expected[1]);
      } else {
        refused++;
        expect(snapshot(a.db), `case ${n}: ${r.status} ${r.error}`).toBe(before);
      }
    }
    // Both outcomes occur, so both branches above were exercised.
    expect(committed).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(20);
    expect(a.db.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
