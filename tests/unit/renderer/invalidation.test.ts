import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { EVENT_INVALIDATES, INVALIDATES, invalidate } from '../../../src/renderer/src/lib/invalidation';

/** A cache holding one answer under each key, as `useCall(channel, input)` keys them. */
function cacheWith(keys: ReadonlyArray<readonly [string, object]>): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { cached: key[0] });
  return client;
}

const KEYS = [
  ['archive:bars', { ticker: 'SPY' }],
  ['archive:tickers', {}],
  ['analytics:panel', { ticker: 'SPY', from: '2025-01-02', to: '2026-01-09', basis: 'as-traded' }],
  ['import:list', {}],
  ['watchlists:list', {}],
  ['watchlists:complete', { query: 'X', limit: 8 }],
  ['settings:get', {}],
  ['app:info', {}],
] as const;

/** The channels whose cached answers are stale after `run`. */
async function staleAfter(run: (client: QueryClient) => Promise<void>): Promise<string[]> {
  const client = cacheWith(KEYS);
  await run(client);
  return KEYS.filter((k) => client.getQueryState(k)?.isInvalidated).map((k) => k[0]);
}

describe('what a write makes stale', () => {
  it('an import (or its undo) refreshes bars, tickers, figures, history and completions, not lists or settings', async () => {
    const expected = ['archive:bars', 'archive:tickers', 'analytics:panel', 'import:list', 'watchlists:complete'];
    expect(await staleAfter((c) => invalidate(c, INVALIDATES['import:run']))).toEqual(expected);
    expect(await staleAfter((c) => invalidate(c, INVALIDATES['import:undo']))).toEqual(expected);
    expect(await staleAfter((c) => invalidate(c, EVENT_INVALIDATES['import:done']))).toEqual(expected);
  });

  it('a watchlist edit refreshes the watchlists domain only', async () => {
    expect(await staleAfter((c) => invalidate(c, INVALIDATES['watchlists:addTicker']))).toEqual([
      'watchlists:list',
      'watchlists:complete',
    ]);
  });

  it('a domain matches whole channel prefixes, never a longer name that starts the same', async () => {
    const client = cacheWith([
      ['archive:bars', { ticker: 'SPY' }],
      ['archived:bars', { ticker: 'SPY' }],
    ]);
    await invalidate(client, ['archive']);
    expect(client.getQueryState(['archive:bars', { ticker: 'SPY' }])?.isInvalidated).toBe(true);
    expect(client.getQueryState(['archived:bars', { ticker: 'SPY' }])?.isInvalidated).toBe(false);
  });
});
