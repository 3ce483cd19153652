import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBars, readBarsColumnar, readBarsMany } from '../../../src/main/archive/repository';
import type { Db } from '../../../src/main/db/open';
import { freshArchive } from '../../helpers/archive';
import { analyticsFixtures, loadCsv } from '../../helpers/load-bars';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  const a = freshArchive();
  db = a.db;
  cleanup = a.cleanup;
  loadCsv(db, 'XLU', path.join(analyticsFixtures, 'yahoo-XLU.csv')); // Adj Close and volume
  loadCsv(db, '^GSPC', path.join(analyticsFixtures, 'yfinance-max-^GSPC.csv'), true); // no Adj Close, no volume
});
afterAll(() => cleanup());

describe('fast columnar reader', () => {
  it('returns exactly what readBars returns, NULLs as NaN, for whole histories and windows', () => {
    for (const [t, from, to] of [
      ['XLU', undefined, undefined],
      ['XLU', '2022-01-17', '2022-06-20'],
      ['^GSPC', undefined, '2025-01-09'],
      ['^GSPC', '2026-01-10', '2026-01-11'],
      ['NOPE', undefined, undefined],
    ] as const) {
      const slow = readBars(db, t, from, to);
      const fast = readBarsColumnar(db, t, from, to);
      expect(fast.dates).toEqual(slow.dates);
      for (const k of ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const) {
        expect(Array.from(fast[k]), `${t} ${k}`).toEqual(Array.from(slow[k]));
      }
    }
    expect(readBarsColumnar(db, 'XLU').dates.length).toBe(667); // 2021-01-04..2023-08-28
    expect(Number.isNaN(readBarsColumnar(db, '^GSPC').volume[0]!)).toBe(true);
    expect(Number.isNaN(readBarsColumnar(db, 'XLU').adjClose[0]!)).toBe(false);
  });

  it('reads many tickers at once, every ticker when none are named', () => {
    const all = readBarsMany(db);
    expect([...all.keys()]).toEqual(['XLU', '^GSPC']);
    expect(all.get('^GSPC')!.dates).toEqual(readBars(db, '^GSPC').dates);
    expect(readBarsMany(db, ['XLU'], '2023-08-28').get('XLU')!.dates).toEqual(['2023-08-28']);
  });
});
