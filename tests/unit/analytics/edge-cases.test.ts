/** Figures at the edges of the data: before the first bar, too few bars, partial Adj Close, flat windows. */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBarsColumnar } from '../../../src/main/archive/repository';
import { priceBars } from '../../../src/main/analytics/basis';
import { computePanel } from '../../../src/main/analytics/panel';
import { metricsPanel } from '../../../src/main/analytics/service';
import type { Db } from '../../../src/main/db/open';
import type { Figure } from '../../../src/shared/analytics';
import { freshArchive } from '../../helpers/archive';
import { analyticsFixtures, loadCsv } from '../../helpers/load-bars';

let db: Db;
let cleanup: () => void;
beforeAll(() => {
  const a = freshArchive();
  db = a.db;
  cleanup = a.cleanup;
  loadCsv(db, 'XLU', path.join(analyticsFixtures, 'yahoo-XLU.csv'));
});
afterAll(() => cleanup());

const figures = (p: object): Figure[] =>
  Object.values(p).filter((v): v is Figure => typeof v === 'object' && v !== null && 'formula' in v);

describe('edge cases on real XLU bars (2021-01-04..2023-08-28)', () => {
  it('a window before the first bar has no bars and only null figures, never NaN', () => {
    const p = metricsPanel(db, { ticker: 'XLU', from: '2020-03-02', to: '2020-12-31', basis: 'as-traded' });
    expect(p.window.bars).toBe(0);
    expect(p.window.firstDate).toBeNull();
    expect(p.window.missingCount).toBe(213);
    expect(p.window.missingDays).toHaveLength(20);
    expect(p.window.missingDays[0]).toBe('2020-03-02');
    for (const f of figures(p)) expect(f.value, f.formula).toBeNull();
    expect(JSON.stringify(p)).not.toMatch(/NaN/);
  });

  it('a window starting on the first bar has no sincePriorClose; SMA(200) needs 200 bars', () => {
    const p = metricsPanel(db, { ticker: 'XLU', from: '2021-01-04', to: '2021-06-30', basis: 'as-traded' });
    expect(p.sincePriorClose.value).toBeNull();
    expect(p.sincePriorClose.notes).toContain('no bar before the window in the archive');
    expect(p.closeToClose.value).not.toBeNull();
    expect(p.sma50.value).not.toBeNull();
    expect(p.sma200.value).toBeNull();
    expect(p.sma200.notes[0]).toMatch(/needs 200 bars, the archive has 124/);
  });

  it('one bar: returns exist, volatility needs three bars', () => {
    const p = metricsPanel(db, { ticker: 'XLU', from: '2022-06-17', to: '2022-06-17', basis: 'as-traded' });
    expect(p.window.bars).toBe(1);
    expect(p.openToClose.value).not.toBeNull();
    expect(p.dailyVolatility.value).toBeNull();
    expect(p.maxDrawdown).toMatchObject({ value: 0, peakDate: '2022-06-17', troughDate: '2022-06-17' });
  });

  it('adjusted basis: close = Adj Close, OHLC scaled by Adj Close / Close; bars without Adj Close keep raw prices and say so', () => {
    const bars = readBarsColumnar(db, 'XLU', '2022-01-03', '2022-01-31');
    const adj = priceBars(bars, 'total-return');
    expect(Array.from(adj.close)).toEqual(Array.from(bars.adjClose));
    expect(adj.open[0]).toBe(bars.open[0]! * (bars.adjClose[0]! / bars.close[0]!));
    bars.adjClose[3] = NaN;
    const partial = priceBars(bars, 'total-return');
    expect(partial.close[3]).toBe(bars.close[3]);
    expect(partial.basisInfo.note).toMatch(/1 of 20 bars have none/);
    const p = computePanel(bars, { from: '2022-01-03', to: '2022-01-31', basis: 'as-traded' });
    expect(p.close.value).toBe(bars.close[19]);
  });
});
