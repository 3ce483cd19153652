/** What the kill runs write, shaped so that a torn write would show: every field carries the run's number. */

/** The body of the note's save number `i`: its number, then a length that depends on it. */
export function noteBody(i: number): string {
  return `${i}:${'n'.repeat(20_000 + (i % 7) * 3000)}`;
}

/** The report's draft number `i`: every field says `i`, so a torn write shows. */
export function reportDraft(i: number): unknown {
  const tickers = ['SPY', 'IWM', 'XLB', 'XLI', 'XLU'].slice(0, 1 + (i % 5));
  return {
    title: `Run ${i}`,
    asOf: '2026-01-09',
    market: 'US Stock',
    sentiment: i % 2 ? 'Bullish' : 'Bearish',
    tags: [`t${i}`],
    tickers,
    window: null,
    sections: Array.from({ length: 1 + (i % 4) }, (_, s) => ({ id: `s${s}`, heading: `Section ${s} of run ${i}`, markdown: `Edit ${i}. ${'w '.repeat(3000)}` })),
    references: [],
  };
}
