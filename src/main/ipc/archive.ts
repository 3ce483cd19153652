import type { archiveChannels } from '../../shared/contract/archive';
import { archiveInfo, hasTicker, listTickers, readBarsColumnar } from '../archive/repository';
import { HandlerError, type DomainHandlers } from './handle';

/** Handlers of the archive domain: what the archive holds. */
export const archiveHandlers: DomainHandlers<keyof typeof archiveChannels> = {
  'archive:info': (_input, { core }) => archiveInfo(core.db),
  'archive:tickers': (_input, { core }) => listTickers(core.db),
  'archive:bars': ({ ticker, from, to }, { core }) => {
    if (!hasTicker(core.db, ticker)) throw new HandlerError('NOT_FOUND', `no bars for ${ticker} in the archive`);
    if (from && to && from > to) throw new HandlerError('INVALID_INPUT', `from ${from} is after to ${to}`);
    return readBarsColumnar(core.db, ticker, from, to);
  },
};
