import { z } from 'zod';
import type { ArchiveInfo, BarColumns, TickerSummary } from '../domain';
import { channel } from './define';
import { noInput, tickerSymbol, tradingDate } from './schemas';

/** Channels that read what the archive holds. */
export const archiveChannels = {
  /** Counts and date range of the whole archive. */
  'archive:info': channel(noInput)<ArchiveInfo>(),
  /** Every ticker with its bar count and date range. */
  'archive:tickers': channel(noInput)<TickerSummary[]>(),
  /** One ticker's bars in columnar form, optionally limited to a date window. */
  'archive:bars': channel(
    z
      .object({ ticker: tickerSymbol, from: tradingDate.optional(), to: tradingDate.optional() })
      .strict(),
  )<BarColumns>(),
};
