import { z } from 'zod';
import type { CorporateAction, TickerActions } from '../actions';
import { channel } from './define';
import { rowId, tickerSymbol, tradingDate } from './schemas';

/** A recorded split or dividend, as the analyst enters it (a ratio for a split, an amount for a dividend). */
const actionDraft = z.discriminatedUnion('kind', [
  z
    .object({
      ticker: tickerSymbol,
      kind: z.literal('split'),
      date: tradingDate,
      ratio: z.number().finite().positive().max(1000).refine((r) => r !== 1, 'a split ratio of 1:1 changes nothing'),
      // Confirmed from a split the import suspected, rather than typed.
      confirmed: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      ticker: tickerSymbol,
      kind: z.literal('dividend'),
      date: tradingDate,
      amount: z.number().finite().positive().max(1e6),
    })
    .strict(),
]);

/** Channels of the corporate-actions domain: the splits and dividends the price bases are computed from. */
export const actionChannels = {
  /** A ticker's recorded splits and dividends, oldest first (NOT_FOUND for a ticker the archive lacks). */
  'actions:list': channel(z.object({ ticker: tickerSymbol }).strict())<TickerActions>(),
  /** Records a split or a dividend (CONFLICT when one of the same kind is recorded on that day). */
  'actions:add': channel(actionDraft)<CorporateAction>(),
  /** Removes a recorded action (one read from a file comes back if that file is imported again). */
  'actions:remove': channel(z.object({ id: rowId }).strict())<CorporateAction>(),
};
