import { z } from 'zod';
import type { ArchiveInfo, DataIssue, TickerSummary } from '../archive';
import type { BarColumns } from '../domain';
import { channel } from './define';
import { basisSchema, fromNotAfterTo, noInput, optionalWindowFields, tickerSymbol } from './schemas';

/** Channels that read what the archive holds. */
export const archiveChannels = {
  /** Counts and date range of the whole archive. */
  'archive:info': channel(noInput)<ArchiveInfo>(),
  /** Every ticker with its bar count and date range. */
  'archive:tickers': channel(noInput)<TickerSummary[]>(),
  /**
   * One ticker's bars in columnar form, optionally limited to a date window, priced on a basis (default
   * split-adjusted, so a recorded split leaves no cliff in the chart); Adj Close is the file's.
   */
  'archive:bars': channel(
    z.object({ ticker: tickerSymbol, ...optionalWindowFields, basis: basisSchema }).strict().refine(...fromNotAfterTo),
  )<BarColumns>(),
  /** The data-quality warnings imports recorded for a ticker (committed imports only), by date. */
  'archive:issues': channel(
    z.object({ ticker: tickerSymbol, ...optionalWindowFields }).strict().refine(...fromNotAfterTo),
  )<DataIssue[]>(),
};
