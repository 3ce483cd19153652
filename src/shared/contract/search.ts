import { z } from 'zod';
import type { SearchHit } from '../search';
import { channel } from './define';

/** Channels of the search domain. */
export const searchChannels = {
  /**
   * Full-text search over reports and notes (SQLite FTS5, every word a prefix) plus tickers and
   * watchlists by name; best first, at most `limit`.
   */
  'search:query': channel(
    z.object({ query: z.string().trim().max(200), limit: z.number().int().min(1).max(100).default(20) }).strict(),
  )<SearchHit[]>(),
};
