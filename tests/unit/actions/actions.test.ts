/**
 * Corporate actions and the price bases Breadth computes from them, through the CLI (which calls the
 * same channels as the renderer) on real prices: the sample (yfinance, dividend-adjusted, XLB's 2:1
 * split of 2025-11-17 not re-adjusted) and two synthetic layouts over real prices that carry actions in
 * their own columns (tests/fixtures/actions/README.md). Expected figures come from pandas
 * (tests/fixtures/actions/make-reference.py).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { formatRatio, parseRatio } from '../../../src/shared/actions';
import { priceBars } from '../../../src/main/analytics/basis';
import { tempDir } from '../../helpers/archive';
import { cli } from '../../helpers/cli';

const fixtures = path.resolve(__dirname, '../../fixtures/actions');
const ref = JSON.parse(fs.readFileSync(path.join(fixtures, 'reference.json'), 'utf8')) as Record<string, Record<string, number | null>>;
const cleanups: Array<() => void> = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function archive(): string {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return path.join(t.dir, 'archive.sqlite');
}

const near = (actual: number | null, expected: number | null | undefined, what: string): void => {
  expect(actual, what).not.toBeNull();
  expect(expected, what).not.toBeNull();
  expect(Math.abs(actual! - expected!), `${what}: ${actual} vs pandas ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected!)));
};

describe('split ratios as analysts write them', () => {
  it('reads 2:1, 2-for-1, 3 for 2, 1:10 and plain factors, and writes them back', () => {
    expect([parseRatio('2:1'), parseRatio('2-for-1'), parseRatio('3 for 2'), parseRatio('1:10'), parseRatio('2'), parseRatio('0.5')]).toEqual([2, 2, 1.5, 0.1, 2, 0.5]);
    expect([parseRatio('1:1'), parseRatio('two'), parseRatio('-2:1'), parseRatio('')]).toEqual([null, null, null, null]);
    expect([formatRatio(2), formatRatio(1.5), formatRatio(0.1), formatRatio(4)]).toEqual(['2:1', '3:2', '1:10', '4:1']);
  });
});

describe('the bases on known bars', () => {
  // Four days; a 2:1 split on day 3 the stored closes show (100 → 50), a dividend of 1 ex on day 2.
  const bars = {
    ticker: 'T',
    dates: ['2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08'],
    open: Float64Array.from([100, 100, 50, 51]),
    high: Float64Array.from([101, 101, 51, 52]),
    low: Float64Array.from([99, 99, 49, 50]),
    close: Float64Array.from([100, 100, 50, 51]),
    adjClose: Float64Array.from([NaN, NaN, NaN, NaN]),
    volume: Float64Array.from([10, 10, 20, 20]),
  };
  const actions = [
    { kind: 'split' as const, date: '2026-01-07', ratio: 2, amount: null },
    { kind: 'dividend' as const, date: '2026-01-06', ratio: null, amount: 1 },
  ];

  it('as traded keeps the jump, split-adjusted divides the bars before the split, total return scales for the dividend', () => {
    const traded = priceBars(bars, 'as-traded', { providerAdjusted: false, actions });
    expect(Array.from(traded.close)).toEqual([100, 100, 50, 51]);
    expect(traded.basisInfo.note).toMatch(/as traded across a split \(2026-01-07\)/);
    const split = priceBars(bars, 'split-adjusted', { providerAdjusted: false, actions });
    expect(Array.from(split.close)).toEqual([50, 50, 50, 51]);
    expect(Array.from(split.volume)).toEqual([20, 20, 20, 20]);
    const total = priceBars(bars, 'total-return', { providerAdjusted: false, actions });
    // Before the ex-date: × (1 − 1 / 100) on top of the split.
    expect(total.close[0]).toBeCloseTo(49.5, 12);
    expect(Array.from(total.close.subarray(1))).toEqual([50, 50, 51]);
    expect(total.basisInfo).toMatchObject({ exact: true, applied: { splits: 1, dividends: 1 } });
    // The stored columns are never written.
    expect(Array.from(bars.close)).toEqual([100, 100, 50, 51]);
  });

  it('a split the provider already applied (no jump) is put back for as traded and left for split-adjusted', () => {
    const adjusted = {
      ...bars,
      open: Float64Array.from([50, 50, 50, 51]),
      high: Float64Array.from([50.5, 50.5, 51, 52]),
      low: Float64Array.from([49.5, 49.5, 49, 50]),
      close: Float64Array.from([50, 50, 50, 51]),
    };
    const pricing = { providerAdjusted: false, actions: [actions[0]!] };
    expect(Array.from(priceBars(adjusted, 'as-traded', pricing).close)).toEqual([100, 100, 50, 51]);
    expect(Array.from(priceBars(adjusted, 'split-adjusted', pricing).close)).toEqual([50, 50, 50, 51]);
  });

  it('a provider-adjusted file without its dividends cannot be put back as traded, and says so', () => {
    const p = priceBars(bars, 'as-traded', { providerAdjusted: true, actions: [] });
    expect(p.basisInfo.exact).toBe(false);
    expect(p.basisInfo.note).toMatch(/record the dividends/);
  });
});

describe('the sample with its recorded dividend and a split confirmed', () => {
  it("IWM's as-traded return over the report window is +5.97 % and its total return +6.33 %", async () => {
    const db = archive();
    expect((await cli(['sample', '--db', db])).code).toBe(0);
    const listed = await cli(['actions', '--db', db, '--ticker', 'IWM']);
    expect(listed.json).toMatchObject({ ticker: 'IWM', providerAdjusted: true, actions: [{ kind: 'dividend', date: '2025-12-16', amount: 0.842 }] });
    const w = ['--ticker', 'IWM', '--from', '2025-12-01', '--to', '2026-01-09'];
    const traded = await cli(['metrics', '--db', db, ...w, '--basis', 'as-traded']);
    near(traded.json.openToClose, ref.iwm!.asTradedOpenToClose, 'as-traded openToClose');
    expect(traded.json.openToClose.toFixed(4)).toBe('0.0597');
    const total = await cli(['metrics', '--db', db, ...w, '--basis', 'total-return']);
    expect(total.json.openToClose).toBeCloseTo(ref.iwm!.totalReturnOpenToClose!, 9);
    expect(total.json.openToClose.toFixed(4)).toBe('0.0633');
    // The earlier names still read: raw is as traded, adjusted total return.
    const raw = await cli(['metrics', '--db', db, ...w, '--basis', 'raw']);
    expect(raw.json.openToClose).toBe(traded.json.openToClose);
    const bad = await cli(['metrics', '--db', db, ...w, '--basis', 'dividend']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--basis dividend is not a basis: use as-traded, split-adjusted or total-return/);
  });

  it('XLB says its figures span a suspected split until it is recorded; then they match pandas on split-adjusted prices', async () => {
    const db = archive();
    await cli(['sample', '--db', db]);
    const w = ['--ticker', 'XLB', '--from', '2025-12-01', '--to', '2026-01-09'];
    const before = await cli(['metrics', '--db', db, ...w]);
    expect(before.stderr).toMatch(/sma50, sma200.*span a suspected unadjusted split on 2025-11-17 .*record the 2:1 split to adjust for it/);
    expect(before.json.sma50).toBeCloseTo(55.56, 2);
    const added = await cli(['actions', '--db', db, '--ticker', 'XLB', '--add', 'split', '--date', '2025-11-17', '--ratio', '2:1']);
    expect(added.json).toMatchObject({ ticker: 'XLB', kind: 'split', ratio: 2, source: 'manual' });
    const again = await cli(['actions', '--db', db, '--ticker', 'XLB', '--add', 'split', '--date', '2025-11-17', '--ratio', '2:1']);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/XLB already has a split 2:1 on 2025-11-17: remove it first/);
    const after = await cli(['metrics', '--db', db, ...w]);
    expect(after.stderr).not.toMatch(/suspected/);
    const x = ref.sampleXlb!;
    for (const k of ['close', 'sma20', 'sma50', 'sma200', 'high52w', 'low52w'] as const) near(after.json[k], x[k], k);
    near(after.json.averageVolume, x.averageVolumeWindow, 'average volume');
    near(after.json.close / after.json.high52w - 1, x.distanceFromHigh52w, 'distance from the 52-week high');
    const across = await cli(['metrics', '--db', db, '--ticker', 'XLB', '--from', '2025-11-03', '--to', '2025-11-28']);
    near(across.json.closeToClose, x.acrossSplitCloseToClose, 'closeToClose across the split');
    near(across.json.averageVolume, x.averageVolumeAcross, 'average volume across the split (split-adjusted)');
    // As traded, the figures compare prices before and after and say so.
    const traded = await cli(['metrics', '--db', db, ...w, '--basis', 'as-traded']);
    expect(traded.json.sma50).toBeCloseTo(55.56, 2);
    expect(traded.stderr).toMatch(/as traded across a split \(2025-11-17\)/);
    // Taken back, the suspicion returns.
    expect((await cli(['actions', '--db', db, '--remove', String(added.json.id)])).code).toBe(0);
    expect((await cli(['metrics', '--db', db, ...w])).stderr).toMatch(/suspected/);
  });
});

describe('actions read from the files that carry them', () => {
  it("yfinance's Dividends and Alpha Vantage's split_coefficient import as actions, which go when their import is undone", async () => {
    const db = archive();
    const iwm = await cli(['import', '--db', db, '--ticker', 'IWM', path.join(fixtures, 'yfinance-history-IWM.csv')]);
    expect(iwm.code).toBe(0);
    expect(iwm.json.files[0].actions).toEqual([{ line: 19, ticker: 'IWM', kind: 'dividend', date: '2025-12-16', ratio: null, amount: 0.842 }]);
    const xlb = await cli(['import', '--db', db, '--ticker', 'XLB', path.join(fixtures, 'alphavantage-adjusted-XLB.csv')]);
    expect(xlb.code).toBe(0);
    expect(xlb.json.files[0].actions).toMatchObject([{ ticker: 'XLB', kind: 'split', date: '2025-11-17', ratio: 2 }]);
    expect((await cli(['actions', '--db', db, '--ticker', 'XLB'])).json.actions).toMatchObject([{ kind: 'split', source: 'file', ratio: 2 }]);
    // IWM: yfinance adjusted for the dividend; with it read from the file, as traded is +5.97 %.
    const m = await cli(['metrics', '--db', db, '--ticker', 'IWM', '--from', '2025-12-01', '--to', '2026-01-09', '--basis', 'as-traded']);
    near(m.json.openToClose, ref.iwm!.asTradedOpenToClose, 'IWM as traded from the file');
    // XLB from Alpha Vantage: as traded in the file; split-adjusted with the file's split = pandas.
    const a = ref.alphavantageXlb!;
    const x = await cli(['metrics', '--db', db, '--ticker', 'XLB', '--from', '2025-12-01', '--to', '2026-01-09']);
    for (const k of ['close', 'sma20', 'sma50', 'high52w', 'low52w'] as const) near(x.json[k], a[k], `XLB ${k}`);
    expect(x.stderr).not.toMatch(/suspected/);
    // A hand-made action stays when the import that brought the ticker is undone; the file's go with it.
    await cli(['actions', '--db', db, '--ticker', 'IWM', '--add', 'dividend', '--date', '2025-09-22', '--amount', '0.5']);
    const undo = await cli(['undo-import', '--db', db, '--id', String(iwm.json.files[0].importId)]);
    expect(undo.code).toBe(0);
    const left = await cli(['actions', '--db', db, '--ticker', 'IWM']);
    expect(left.json.actions).toMatchObject([{ date: '2025-09-22', source: 'manual' }]);
    expect(left.json.actions).toHaveLength(1);
  });

  it('refuses what is not an action, with the reason', async () => {
    const db = archive();
    await cli(['import', '--db', db, '--ticker', 'IWM', path.join(fixtures, 'yfinance-history-IWM.csv')]);
    const cases: Array<[string[], RegExp]> = [
      [['--ticker', 'IWM', '--add', 'split', '--date', '2025-12-01', '--ratio', '1:1'], /--ratio 1:1 is not a split ratio/],
      [['--ticker', 'IWM', '--add', 'dividend', '--date', '2025-12-01', '--amount=-1'], /--amount -1 is not a positive amount/],
      [['--ticker', 'IWM', '--add', 'merger', '--date', '2025-12-01'], /--add takes split or dividend/],
      [['--ticker', 'NOPE', '--add', 'dividend', '--date', '2025-12-01', '--amount', '1'], /NOPE is not in the archive: import its prices first/],
      [['--ticker', 'IWM', '--add', 'split', '--date', '2025-02-30', '--ratio', '2:1'], /not a calendar date/],
      [['--remove', '99'], /no corporate action with id 99/],
    ];
    for (const [args, why] of cases) {
      const r = await cli(['actions', '--db', db, ...args]);
      expect(r.code, args.join(' ')).not.toBe(0);
      expect(r.stderr, args.join(' ')).toMatch(why);
    }
  });
});
