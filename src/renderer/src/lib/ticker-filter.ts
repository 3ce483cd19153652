import type { TickerSummary } from '@shared/archive';

/**
 * The tickers a filter matches, best first: symbols starting with it (in symbol order), then symbols
 * containing it, then names containing it (case-insensitive). Every ticker for an empty filter.
 */
export function filterTickers<T extends Pick<TickerSummary, 'symbol' | 'name'>>(tickers: readonly T[], query: string): T[] {
  const q = query.trim().toUpperCase();
  if (!q) return tickers.slice();
  const starts: T[] = [];
  const contains: T[] = [];
  const named: T[] = [];
  for (const t of tickers) {
    const s = t.symbol.toUpperCase();
    if (s.startsWith(q)) starts.push(t);
    else if (s.includes(q)) contains.push(t);
    else if (t.name && t.name.toUpperCase().includes(q)) named.push(t);
  }
  return [...starts, ...contains, ...named];
}
