import type { QueryClient } from '@tanstack/react-query';
import type { PriceBasis } from '@shared/domain';
import { callQuery, type CallOptions } from '@renderer/lib/use-call';

/** How a ticker's whole history is fetched: kept a minute, never retried when the archive has none. */
export const BARS_OPTIONS: CallOptions<'archive:bars'> = {
  staleTime: 60_000,
  retry: (n, err) => err.code !== 'NOT_FOUND' && n < 2,
};

/**
 * Asks for what the Chart view draws a ticker from (its bars, its data-quality issues, its notes'
 * markers) as the analyst opens it, so the answers travel while the view renders instead of after:
 * the first chart of a window mounts the view, and its calls left about 30 ms after the click.
 */
export function prefetchChart(client: QueryClient, ticker: string, basis: PriceBasis): void {
  void client.prefetchQuery(callQuery('archive:bars', { ticker, basis }, BARS_OPTIONS));
  void client.prefetchQuery(callQuery('archive:issues', { ticker }));
  void client.prefetchQuery(callQuery('notes:markers', { ticker }));
}
