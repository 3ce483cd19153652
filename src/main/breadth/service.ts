/**
 * Breadth over the archive: resolves a universe (a watchlist, a report's related tickers, a market, a
 * list) to its members, reads each member's bars on the basis asked for, and computes the series.
 */
import type { BreadthSeries, BreadthUniverse } from '../../shared/breadth';
import type { PriceBasis, TradingDate } from '../../shared/domain';
import { marketByCode } from '../../shared/markets';
import { pricedAsStored, pricedKeyed } from '../analytics/service';
import { hasTicker, marketOfTicker } from '../archive/repository';
import type { Db } from '../db/open';
import { notFound } from '../errors';
import { getReport } from '../reports/repository';
import { listWatchlists } from '../watchlists/repository';
import { breadthSeries, type BreadthMember, type BreadthSource } from './series';
import { readPackedKeyed, readPackedKeys, type Scratch } from '../archive/packed';
import { pricingOf } from '../actions/repository';

/** The members of a universe, in order, and how it reads. */
export function universeMembers(db: Db, universe: BreadthUniverse): { label: string; tickers: string[] } {
  switch (universe.kind) {
    case 'watchlist': {
      const lists = listWatchlists(db);
      const list = lists.find((w) => w.name === universe.name) ?? lists.find((w) => w.name.toLowerCase() === universe.name.toLowerCase());
      if (!list) throw notFound(`no watchlist named "${universe.name}" (there are: ${lists.map((w) => w.name).join(', ') || 'none'})`);
      return { label: `watchlist ${list.name}`, tickers: list.tickers };
    }
    case 'report': {
      const report = getReport(db, universe.id);
      return { label: `report ${report.id} (${report.title})`, tickers: report.tickers };
    }
    case 'market': {
      const symbols = db.prepare('SELECT symbol FROM tickers WHERE bar_count > 0 ORDER BY symbol').pluck().all() as string[];
      const tickers = symbols.filter((s) => marketOfTicker(db, s) === universe.market);
      if (tickers.length === 0) throw notFound(`no ticker of market ${universe.market} has bars in the archive`);
      return { label: `market ${marketByCode(universe.market)?.name ?? universe.market}`, tickers };
    }
    case 'tickers':
      return { label: `${universe.tickers.length} tickers`, tickers: [...new Set(universe.tickers)] };
  }
}

/** The columns a member's breadth needs (the packed copy decodes only these). */
const MEMBER_COLUMNS = ['close', 'high', 'low', 'volume'] as const;

function member(db: Db, ticker: string, basis: PriceBasis, to: TradingDate): BreadthMember {
  const b = pricedKeyed(db, ticker, basis, to, MEMBER_COLUMNS);
  return { ticker, keys: b.keys, close: b.close, high: b.high, low: b.low, volume: b.volume };
}

/**
 * The members as the series reads them, straight from the archive: first every member's date keys
 * (from its packed copy, without its prices), then one member's prices at a time, decoded into the
 * same arrays, so that a universe of any size holds one member's prices in memory. A member priced
 * from its rows or its actions (splits, dividends, total return) is read whole up front.
 */
function archiveSource(db: Db, tickers: readonly string[], basis: PriceBasis, to: TradingDate): BreadthSource {
  const scratch: Scratch = {};
  const eager = new Map<number, BreadthMember>();
  const keys = tickers.map((t, i) => {
    const packed = pricedAsStored(pricingOf(db, t), basis) ? readPackedKeys(db, t) : null;
    if (packed) return packed;
    const m = member(db, t, basis, to);
    eager.set(i, m);
    return m.keys;
  });
  return {
    keys,
    member: (i) => {
      const ready = eager.get(i);
      if (ready) return ready;
      const b = readPackedKeyed(db, tickers[i]!, undefined, to, MEMBER_COLUMNS, scratch);
      // The copy went between the two reads (another process wrote the ticker's bars): read it whole.
      return b ? { ticker: tickers[i]!, keys: b.keys, close: b.close, high: b.high, low: b.low, volume: b.volume } : member(db, tickers[i]!, basis, to);
    },
  };
}

/** The breadth series of a universe over `from`..`to` on `basis`, with `benchmark` rebased beside it. */
export function breadthOf(
  db: Db,
  request: { universe: BreadthUniverse; from: TradingDate; to: TradingDate; benchmark?: string; basis: PriceBasis },
): BreadthSeries {
  const { label, tickers } = universeMembers(db, request.universe);
  const withBars = tickers.filter((t) => hasTicker(db, t));
  const hasBars = new Set(withBars);
  if (request.benchmark && !hasTicker(db, request.benchmark)) throw notFound(`no bars for the benchmark ${request.benchmark} in the archive`, { ticker: request.benchmark });
  const bench = request.benchmark ? member(db, request.benchmark, request.basis, request.to) : null;
  const figures = breadthSeries(archiveSource(db, withBars, request.basis, request.to), request, bench);
  // Members without a single bar are missing every day too.
  const absent = tickers.length - withBars.length;
  if (absent) for (let w = 0; w < figures.missing.length; w++) figures.missing[w]! += absent;
  return {
    universe: { label, tickers, withoutBars: tickers.filter((t) => !hasBars.has(t)) },
    basis: request.basis,
    from: request.from,
    to: request.to,
    ...figures,
  };
}
