import { parseRatio } from '../../../shared/actions';
import { UsageError, type Command } from '../command';

/** `actions`: a ticker's splits and dividends; `--add` records one, `--remove` takes one back. */
export const actionsCommand: Command = {
  name: 'actions',
  summary: "List a ticker's corporate actions (splits, dividends), or record or remove one.",
  usage:
    'actions --db PATH --ticker T [--add split --date D --ratio 2:1 | --add dividend --date D --amount 0.842 | --remove ID]',
  details: `A split's --ratio is new shares for old: 2:1 (or 2-for-1), 3:2, 1:10 for a reverse split.
A dividend's --amount is cash per share as traded, on its ex-date (--date).
Figures on the split-adjusted and total-return bases (metrics, relative, group --basis) use them at once.`,
  options: {
    ticker: { type: 'string' },
    add: { type: 'string' },
    date: { type: 'string' },
    ratio: { type: 'string' },
    amount: { type: 'string' },
    remove: { type: 'string' },
  },
  run: async (ctx) => {
    const { ticker, add, date, ratio, amount, remove } = ctx.values as Record<string, string | undefined>;
    if (remove !== undefined) {
      if (!/^\d+$/.test(remove)) throw new UsageError(`--remove takes an action's id (a number), not "${remove}"`);
      const removed = await ctx.call('actions:remove', { id: Number(remove) });
      ctx.progress(`removed ${removed.kind} of ${removed.ticker} on ${removed.date}`);
      return removed;
    }
    if (!ticker) throw new UsageError('actions needs --ticker T');
    if (add === undefined) return ctx.call('actions:list', { ticker });
    if (!date) throw new UsageError(`--add ${add} needs --date YYYY-MM-DD`);
    if (add === 'split') {
      if (!ratio) throw new UsageError('--add split needs --ratio, e.g. 2:1');
      const r = parseRatio(ratio);
      if (r === null) throw new UsageError(`--ratio ${ratio} is not a split ratio: write it as 2:1, 3:2 or 1:10`);
      return ctx.call('actions:add', { ticker, kind: 'split', date, ratio: r });
    }
    if (add === 'dividend') {
      if (!amount) throw new UsageError('--add dividend needs --amount, e.g. 0.842');
      const a = Number(amount);
      if (!/^\d+(\.\d+)?$/.test(amount) || !(a > 0)) throw new UsageError(`--amount ${amount} is not a positive amount per share`);
      return ctx.call('actions:add', { ticker, kind: 'dividend', date, amount: a });
    }
    throw new UsageError(`--add takes split or dividend, not "${add}"`);
  },
};
