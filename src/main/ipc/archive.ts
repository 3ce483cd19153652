import type { archiveChannels } from '../../shared/contract/archive';
import { pricedBars } from '../analytics/service';
import { archiveInfo, currentTickers, hasTicker } from '../archive/repository';
import { dataIssues } from '../watchlists/repository';
import { notFound } from '../errors';
import type { DomainHandlers } from './handle';

/** Handlers of the archive domain: what the archive holds. */
export const archiveHandlers: DomainHandlers<keyof typeof archiveChannels> = {
  'archive:info': (_input, { core }) => archiveInfo(core.db),
  'archive:tickers': (_input, { core }) => currentTickers(core.db),
  'archive:bars': ({ ticker, from, to, basis }, { core }) => {
    if (!hasTicker(core.db, ticker)) throw notFound(`no bars for ${ticker} in the archive`, { ticker });
    return pricedBars(core.db, ticker, basis, from, to);
  },
  'archive:issues': ({ ticker, from, to }, { core }) => dataIssues(core.db, ticker, from, to),
};
