import { MARKET_CODES } from '../../../shared/markets';
import type { BreadthUniverse } from '../../../shared/breadth';
import { UsageError, type Command } from '../command';
import { BASIS_HELP, basisFlag } from './metrics';

/** `breadth`: the breadth series of a universe over a window, as JSON. */
export const breadthCommand: Command = {
  name: 'breadth',
  summary: 'Market breadth of a universe over a window: advancers, A/D line, % above averages, new highs, McClellan.',
  usage:
    'breadth --db PATH (--watchlist NAME | --tickers A,B,… | --market US | --report ID) --from D --to D [--benchmark T] [--basis …]',
  details: `Every trading day of the window: advancers, decliners, unchanged and missing members (a member
without a bar that day or the day before is missing, never unchanged), the advance/decline line,
up and down volume, the share of members above their 20-, 50- and 200-day averages (with how many
it rests on), new 52-week highs and lows, the McClellan oscillator and summation index, and an
equal-weight index of the members against --benchmark (rebased to 100 on the first day).
${BASIS_HELP}`,
  options: {
    watchlist: { type: 'string' },
    tickers: { type: 'string' },
    market: { type: 'string' },
    report: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    benchmark: { type: 'string' },
    basis: { type: 'string' },
  },
  run: async (ctx) => {
    const { watchlist, tickers, market, report, from, to, benchmark } = ctx.values as Record<string, string | undefined>;
    const given = [watchlist, tickers, market, report].filter((v) => v !== undefined).length;
    if (given !== 1) throw new UsageError('breadth needs one universe: --watchlist NAME, --tickers A,B,…, --market US or --report ID');
    if (!from || !to) throw new UsageError('breadth needs --from D and --to D');
    let universe: BreadthUniverse;
    if (watchlist !== undefined) universe = { kind: 'watchlist', name: watchlist };
    else if (tickers !== undefined) universe = { kind: 'tickers', tickers: tickers.split(',').map((t) => t.trim().toUpperCase()).filter(Boolean) };
    else if (market !== undefined) {
      const code = market.toUpperCase();
      if (!MARKET_CODES.includes(code)) throw new UsageError(`--market ${market} is not a market Breadth knows: use one of ${MARKET_CODES.join(', ')}`);
      universe = { kind: 'market', market: code };
    } else {
      if (!/^\d+$/.test(report!)) throw new UsageError(`--report takes a report's id (a number), not "${report}"`);
      universe = { kind: 'report', id: Number(report) };
    }
    const basis = basisFlag(ctx);
    const series = await ctx.call('breadth:series', { universe, from, to, ...(benchmark ? { benchmark: benchmark.toUpperCase() } : {}), ...(basis ? { basis } : {}) });
    if (series.universe.withoutBars.length) ctx.progress(`without bars in the archive (missing every day): ${series.universe.withoutBars.join(', ')}`);
    return series;
  },
};
