/**
 * Figures never rest silently on a suspected unadjusted split: over the sample's real yfinance bars,
 * XLB's 2:1 split of 2025-11-17 (flagged by the import, not re-adjusted by the provider) is named by every
 * figure whose bars span it (SMA 50, the 52-week high, the all-time high…) and by none that does not
 * (SMA 20, the report window's returns); SPY, which has no flagged split, carries no such note.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { loadSampleOnFirstStart } from '../../../src/main/sample/sample';
import { freshCore } from '../../helpers/core';

let core: Core;
let cleanup: () => void;
beforeAll(async () => {
  ({ core, cleanup } = freshCore());
  await loadSampleOnFirstStart(core, { enabled: true });
}, 60_000);
afterAll(() => cleanup());

const SPLIT = /^spans a suspected unadjusted split on 2025-11-17 \(close moved ×0\.49 from 2025-11-14 \(86\.77\) to 2025-11-17 \(42\.51\): looks like an unadjusted 2:1 split\): it compares prices from before and after it; record the 2:1 split to adjust for it$/;

it("names the suspected split in each figure that spans it, and in no other", async () => {
  const p = await core.analytics.run('panel', { ticker: 'XLB', from: '2025-12-01', to: '2026-01-09', basis: 'as-traded' });
  for (const f of [p.sma50, p.sma200, p.high52w, p.low52w, p.allTimeHigh, p.distanceFromHigh52w]) expect(f.notes.some((n) => SPLIT.test(n)), f.formula).toBe(true);
  for (const f of [p.sma20, p.closeToClose, p.openToClose, p.dailyVolatility, p.close]) expect(f.notes.filter((n) => n.startsWith('spans a suspected')), f.formula).toEqual([]);
  // A window across the split: its return says so too.
  const across = await core.analytics.run('panel', { ticker: 'XLB', from: '2025-11-03', to: '2025-11-28', basis: 'as-traded' });
  expect(across.closeToClose.notes.some((n) => SPLIT.test(n))).toBe(true);
  const spy = await core.analytics.run('panel', { ticker: 'SPY', from: '2025-12-01', to: '2026-01-09', basis: 'as-traded' });
  expect(Object.values(spy).flatMap((f) => (f && typeof f === 'object' && 'notes' in f && Array.isArray(f.notes) ? (f.notes as string[]) : [])).filter((n) => n.startsWith('spans'))).toEqual([]);
});
