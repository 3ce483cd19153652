/**
 * Breadth figures stated in a report (issue 14): "60 % of the universe closed above its 50-day average
 * on 2026-01-09" is read as the share of the report's related tickers above their own average that day
 * and checked like any other figure, over the shipped sample (real yfinance bars).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { breadthOf } from '../../../src/main/breadth/service';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { loadSampleOnFirstStart } from '../../../src/main/sample/sample';
import type { ReportVerification } from '../../../src/shared/claims';
import { freshCore } from '../../helpers/core';

let core: Core;
let cleanup: () => void;
let dispatch: Dispatch;
const TICKERS = ['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU'];

beforeAll(async () => {
  ({ core, cleanup } = freshCore());
  dispatch = createDispatcher(handlers, core, () => true, () => {});
  await loadSampleOnFirstStart(core, { enabled: true });
}, 60_000);
afterAll(() => cleanup());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, { url: 'cli:' });
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

async function verifyText(markdown: string): Promise<ReportVerification> {
  const report = await ok<{ id: number }>('reports:create', {
    draft: {
      title: 'Breadth note',
      asOf: '2026-01-09',
      market: 'US',
      sentiment: 'Bullish',
      tags: [],
      tickers: TICKERS,
      window: { from: '2025-12-01', to: '2026-01-09' },
      sections: [{ id: 'breadth', heading: 'Breadth', markdown }],
      references: [],
    },
  });
  return ok<ReportVerification>('claims:verify', { reportId: report.id });
}

describe('breadth figures in a report', () => {
  it('hold, differ or are approximately right against the share computed from the archive', async () => {
    const s = breadthOf(core.db, { universe: { kind: 'tickers', tickers: TICKERS }, from: '2026-01-09', to: '2026-01-09', basis: 'split-adjusted' });
    const share50 = s.above.sma50.share[0]!;
    const share200 = s.above.sma200.share[0]!;
    expect(s.above.sma50.base[0]).toBe(6);
    const right = Math.round(share50 * 100);
    const wrong = right >= 50 ? right - 30 : right + 30;
    const v = await verifyText(
      `${right} % of the universe closed above its 50-day average on 2026-01-09. ` +
        `Only ${wrong} % of the members were above their 50-day average on January 9. ` +
        `About ${Math.round(share200 * 100) + 1} % of the sectors sat above their 200-day moving average.`,
    );
    const breadth = v.claims.filter((c) => c.metric.startsWith('breadth'));
    expect(breadth.map((c) => [c.metric, c.stated, c.window.to, c.verdict])).toEqual([
      ['breadthAbove50', right / 100, '2026-01-09', 'holds'],
      ['breadthAbove50', wrong / 100, '2026-01-09', 'differs'],
      ['breadthAbove200', (Math.round(share200 * 100) + 1) / 100, '2026-01-09', 'holds'],
    ]);
    expect(breadth[0]!.computed).toBeCloseTo(share50, 12);
    expect(breadth[0]!.how).toMatch(/members closing above their own 50-day simple average on 2026-01-09: \d of 6 with 50 bars \(universe: SPY, IWM, XLB, XLI, XLRE, XLU\)/);
    expect(breadth[1]!.note).toMatch(/^computed \d+ %, stated \d+ % \(off by [+-]\d+\.\d\d pt\)$/);
    // The figure is not read a second time as a return of some ticker.
    expect(v.claims.filter((c) => c.stated === right / 100 && !c.metric.startsWith('breadth'))).toEqual([]);
  });
});
