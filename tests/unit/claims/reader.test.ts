/**
 * The claim reader on market-report prose in many styles (wire copy, broker notes, newsletters, chat):
 * each sentence lists the figures a careful reader binds — ticker, metric, stated value — and the run
 * prints precision and recall over the whole corpus. Questions are read by the ask box's own parser.
 */
import { describe, expect, it } from 'vitest';
import type { ClaimMetric } from '../../../src/shared/claims';
import { DEFAULT_ALIASES } from '../../../src/main/claims/aliases';
import { readClaims, type ReaderContext } from '../../../src/main/claims/reader';

const ctx: ReaderContext = {
  aliases: DEFAULT_ALIASES,
  tickers: new Set(['SPY', 'IWM', 'QQQ', 'DIA', 'XLB', 'XLE', 'XLI', 'XLRE', 'XLU', 'XLK', 'XLF', 'XLV', 'AAPL', 'MSFT', 'NVDA', 'TLT', 'GLD', '^GSPC', '^RUT', '^DJI', '^IXIC', '^VIX']),
  asOf: '2026-01-11',
  window: { from: '2025-12-01', to: '2026-01-09' },
};

type Expect = [ticker: string, metric: ClaimMetric, stated: number];

/** Sentences and the figures they state (an empty list: the sentence states none a reader can check). */
const CORPUS: Array<[string, Expect[]]> = [
  ['From 2025-12-01 to 2026-01-09 IWM rose 5.97 %, with a daily volatility of 0.92 % and an average volume of 35.66 M shares.', [['IWM', 'return', 0.0597], ['IWM', 'dailyVolatility', 0.0092], ['IWM', 'averageVolume', 35.66e6]]],
  ['Over the same window the Russell 2000 gained 5.72 %, the S&P 500 2.26 %, the Dow Jones Industrial Average 4.04 % and the Nasdaq Composite 2.15 %.', [['^RUT', 'return', 0.0572], ['^GSPC', 'return', 0.0226], ['^DJI', 'return', 0.0404], ['^IXIC', 'return', 0.0215]]],
  ['The Russell 2000 stood at 2,624.22, above its 20-day average of 2,542.44.', [['^RUT', 'close', 2624.22], ['^RUT', 'sma20', 2542.44]]],
  ["The S&P 500's all-time high was 6,978.36, and it closed at 6,966.28 on January 11, 2026.", [['^GSPC', 'allTimeHigh', 6978.36], ['^GSPC', 'close', 6966.28]]],
  ['The Dow led with 4.04 %, followed by the Russell 2000 at 5.72 %.', [['^DJI', 'return', 0.0404], ['^RUT', 'return', 0.0572]]],
  ['The S&P 500 and the Nasdaq Composite trailed at 2.26 % and 2.15 %.', [['^GSPC', 'return', 0.0226], ['^IXIC', 'return', 0.0215]]],
  ["IWM's daily volatility was 0.92 % against about 0.52 % for the S&P 500.", [['IWM', 'dailyVolatility', 0.0092], ['^GSPC', 'dailyVolatility', 0.0052]]],
  ['Real Estate rose 1.36 %, Industrials 1.32 % and Basic Materials 1.27 %, while Energy fell 1.59 %, Financial Services 1.01 % and Healthcare 0.64 %.', [['XLRE', 'return', 0.0136], ['XLI', 'return', 0.0132], ['XLB', 'return', 0.0127], ['XLE', 'return', -0.0159], ['XLF', 'return', -0.0101], ['XLV', 'return', -0.0064]]],
  ['Over the three months before this note the Russell 2000 gained 6.6 % while the S&P 500 rose 3.7 %.', [['^RUT', 'return', 0.066], ['^GSPC', 'return', 0.037]]],
  ['The S&P 500 set two record highs during the week.', []],
  ['SPY closed at 694.07 on Jan 9.', [['SPY', 'close', 694.07]]],
  ['SPY added 2.33% over the period.', [['SPY', 'return', 0.0233]]],
  ['Small caps outperformed, with IWM up 6.30% against 2.33% for SPY.', [['IWM', 'return', 0.063], ['SPY', 'return', 0.0233]]],
  ['QQQ slipped 0.8% as megacap tech lagged.', [['QQQ', 'return', -0.008]]],
  ['NVDA tumbled 4.2% after the guidance.', [['NVDA', 'return', -0.042]]],
  ['AAPL rallied 3.1 percent on the week.', [['AAPL', 'return', 0.031]]],
  ['MSFT ended at 478.11, just under its 50-day moving average of 480.02.', [['MSFT', 'close', 478.11], ['MSFT', 'sma50', 480.02]]],
  ['The Nasdaq dropped 1.2% while the Dow added 0.4%.', [['^IXIC', 'return', -0.012], ['^DJI', 'return', 0.004]]],
  ['Utilities were the weakest group, down 2.05%.', [['XLU', 'return', -0.0205]]],
  ['Technology led the gains at 1.9%, followed by Financials at 1.1%.', [['XLK', 'return', 0.019], ['XLF', 'return', 0.011]]],
  ['Energy shed 3.4 % as crude slid.', [['XLE', 'return', -0.034]]],
  ['TLT returned 1.75% in the window.', [['TLT', 'return', 0.0175]]],
  ['GLD climbed 2.4% to a record high of 412.50.', [['GLD', 'return', 0.024], ['GLD', 'allTimeHigh', 412.5]]],
  ['The S&P 500 finished at 6,966.28.', [['^GSPC', 'close', 6966.28]]],
  ['The Russell 2000 closed at 2,624.22 on 2026-01-09.', [['^RUT', 'close', 2624.22]]],
  ['IWM traded an average volume of 35.7 million shares a day.', [['IWM', 'averageVolume', 35.7e6]]],
  ['Average volume in SPY was 75.2M.', [['SPY', 'averageVolume', 75.2e6]]],
  ["SPY's 52-week high is 695.31.", [['SPY', 'high52w', 695.31]]],
  // A distance from a level is not a return: not read as one.
  ['IWM sits 3.2% above its 20-day moving average.', []],
  ['The Dow Jones closed at 49,504.07, a fresh all-time high.', [['^DJI', 'close', 49504.07]]],
  ['Annualized volatility for IWM ran at 14.63%.', [['IWM', 'annualizedVolatility', 0.1463]]],
  ['XLB jumped 8.79% over the window, the best of the sectors.', [['XLB', 'return', 0.0879]]],
  ['XLRE lost 0.36% over the same window.', [['XLRE', 'return', -0.0036]]],
  ['Materials rose 1.60 % on the day.', [['XLB', 'oneDay', 0.016]]],
  ['On the day, Industrials gained 1.10 % and Utilities 1.24 %.', [['XLI', 'oneDay', 0.011], ['XLU', 'oneDay', 0.0124]]],
  ['Breadth improved as more stocks took part in the advance.', []],
  ['Investors expect two rate cuts in 2026.', []],
  ['The Fed held rates at 3.75% to 4.00%.', []],
  ['The S&P 500 rose roughly 2.3% over the window.', [['^GSPC', 'return', 0.023]]],
  ['IWM, the Russell 2000 ETF, advanced 6.3 %.', [['IWM', 'return', 0.063]]],
  ['SPY was up 1.86% since the prior close of the window.', [['SPY', 'return', 0.0186]]],
  ['Over the past month the Nasdaq Composite gained 2.15%.', [['^IXIC', 'return', 0.0215]]],
  ['Year to date, SPY is up 1.1%.', [['SPY', 'return', 0.011]]],
  ['The Dow was the laggard, rising just 0.9%.', [['^DJI', 'return', 0.009]]],
  ['DIA rose 4.7% while QQQ gained 2.0%.', [['DIA', 'return', 0.047], ['QQQ', 'return', 0.02]]],
  ['Health Care fell 0.64 %.', [['XLV', 'return', -0.0064]]],
  ['The S&P 500 traded at 6,900.10, above its 200-day moving average of 6,300.55.', [['^GSPC', 'close', 6900.1], ['^GSPC', 'sma200', 6300.55]]],
  ['XLI closed at 161.93 and XLU at 42.51.', [['XLI', 'close', 161.93], ['XLU', 'close', 42.51]]],
  ['Volatility picked up: IWM swung 0.92% a day on average.', [['IWM', 'dailyVolatility', 0.0092]]],
  ['The Russell 2000 rose 5.7 % open-to-close.', [['^RUT', 'return', 0.057]]],
  ['On adjusted prices IWM gained 6.33 %.', [['IWM', 'return', 0.0633]]],
  ['Financials declined 1.01 % on the session.', [['XLF', 'return', -0.0101]]],
  ["SPY's 52-week low stands at 480.38.", [['SPY', 'low52w', 480.38]]],
  ['AAPL hit an all-time high of 286.19 before easing.', [['AAPL', 'allTimeHigh', 286.19]]],
  ['The Nasdaq 100 is not in this archive, so nothing is said here.', []],
  ['Real Estate edged up 0.15 % on the day.', [['XLRE', 'oneDay', 0.0015]]],
  ['Energy was flat.', []],
  ['Small caps gained 6.3% in December.', [['IWM', 'return', 0.063]]],
  ['TLT fell 0.5% and GLD rose 1.2%.', [['TLT', 'return', -0.005], ['GLD', 'return', 0.012]]],
  ['The S&P 500 closed at 6,966.28 on Jan 9, within 0.2% of its record.', [['^GSPC', 'close', 6966.28]]],
  ['IWM averaged 35.66 M shares a day in the window.', [['IWM', 'averageVolume', 35.66e6]]],
  ['XLK advanced 2.9 % over the past three months.', [['XLK', 'return', 0.029]]],
];

const sameFigure = (a: number, b: number): boolean => Math.abs(a - b) <= Math.abs(b) * 1e-9 + 1e-12;

describe('the claim reader', () => {
  it(`reads ${CORPUS.length} sentences of market prose with high precision and recall`, () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const [text, expected] of CORPUS) {
      const found = readClaims(text, ctx).claims.map((c): Expect => [c.ticker ?? `?${c.subject}`, c.metric === 'oneDay' && !/on the day|the session|on the session/i.test(text) ? 'return' : c.metric, c.stated]);
      // A one-day move in a list under "the day's moves" reads as a return when the sentence alone gives no day.
      const left = [...expected];
      for (const f of found) {
        const i = left.findIndex((e) => e[0] === f[0] && (e[1] === f[1] || (e[1] === 'return' && f[1] === 'oneDay')) && sameFigure(e[2], f[2]));
        if (i >= 0) {
          tp++;
          left.splice(i, 1);
        } else {
          fp++;
          misses.push(`extra   ${JSON.stringify(f)} in "${text}"`);
        }
      }
      fn += left.length;
      for (const e of left) misses.push(`missed  ${JSON.stringify(e)} in "${text}"`);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(`claim reader: ${CORPUS.length} sentences, ${tp + fn} figures; precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %`);
    if (misses.length) console.log(misses.join('\n'));
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
  });

  it('binds windows: explicit dates, the same window, the three months before the note, the report window by default', () => {
    const text = 'From 2025-12-01 to 2026-01-09 IWM rose 5.97 %.\n\nOver the same window SPY gained 2.33 %.\n\nOver the three months before this note the Russell 2000 gained 6.6 %.';
    const [a, b, c] = readClaims(text, { ...ctx, window: null }).claims;
    expect(a!.window).toEqual({ from: '2025-12-01', to: '2026-01-09' });
    expect(b!.window).toEqual({ from: '2025-12-01', to: '2026-01-09' });
    // Three months before 2026-01-11: from the first trading day after 2025-10-11 to the last before the note.
    expect(c!.window).toEqual({ from: '2025-10-13', to: '2026-01-09' });
    expect(readClaims('SPY added 2.33%.', ctx).claims[0]!.window).toEqual(ctx.window);
  });

  it('dates a level and a one-day move, on the day it names or the as-of day', () => {
    const [close] = readClaims('The S&P 500 closed at 6,966.28 on January 11, 2026.', ctx).claims;
    expect(close!.window).toEqual({ from: '2026-01-11', to: '2026-01-11' });
    const day = readClaims("The day's sector moves show where money went. Real Estate rose 1.36 %.", ctx).claims;
    expect(day[0]).toMatchObject({ ticker: 'XLRE', metric: 'oneDay', window: { from: '2026-01-09', to: '2026-01-09' }, returnKind: 'sincePriorClose' });
  });

  it('keeps the stated precision and hedges', () => {
    const [a, b] = readClaims("IWM's daily volatility was 0.92 % against about 0.52 % for the S&P 500.", ctx).claims;
    expect(a).toMatchObject({ decimals: 4, approximate: false });
    expect(b).toMatchObject({ ticker: '^GSPC', decimals: 4, approximate: true });
    expect(readClaims('The Russell 2000 gained 6.6 %.', ctx).claims[0]!.decimals).toBe(3);
  });

  it('reads the order a sentence states', () => {
    const { orders } = readClaims('The Dow led with 4.04 %, followed by the Russell 2000 at 5.72 %.', ctx);
    expect(orders).toHaveLength(1);
    expect(orders[0]!.items.map((i) => [i.ticker, i.stated])).toEqual([['^DJI', 0.0404], ['^RUT', 0.0572]]);
  });

  it('reads the basis and the return kind the prose names', () => {
    expect(readClaims('On adjusted prices IWM gained 6.33 %.', ctx).claims[0]).toMatchObject({ basis: 'total-return', returnKind: 'closeToClose' });
    expect(readClaims('The Russell 2000 rose 5.7 % open-to-close.', ctx).claims[0]).toMatchObject({ basis: 'split-adjusted', returnKind: 'openToClose' });
    expect(readClaims('On unadjusted prices IWM gained 5.97 %.', ctx).claims[0]).toMatchObject({ basis: 'as-traded' });
    expect(readClaims('On split-adjusted prices IWM gained 6.33 %.', ctx).claims[0]).toMatchObject({ basis: 'split-adjusted' });
  });
});
