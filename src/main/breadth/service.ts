/**
 * Breadth over the archive: resolves a universe (a watchlist, a report's related tickers, a market, a
 * list) to its members, reads each member's bars on the basis asked for, and computes the series.
 */
import type { BreadthSeries, BreadthUniverse } from '../../shared/breadth';
import type { PriceBasis, TradingDate } from '../../shared/domain';
import { marketByCode } from '../../shared/markets';
import { pricedBars } from '../analytics/service';
import { hasTicker, marketOfTicker } from '../archive/repository';
import type { Db } from '../db/open';
import { notFound } from '../errors';
import { getReport } from '../reports/repository';
import { listWatchlists } from '../watchlists/repository';
import { breadthSeries, type BreadthMember } from './series';

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

function member(db: Db, ticker: string, basis: PriceBasis, to: TradingDate): BreadthMember {
  const b = pricedBars(db, ticker, basis, undefined, to);
  return { ticker, dates: b.dates, close: b.close, high: b.high, low: b.low, volume: b.volume };
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
  const members = withBars.map((t) => member(db, t, request.basis, request.to));
  const bench = request.benchmark ? member(db, request.benchmark, request.basis, request.to) : null;
  const figures = breadthSeries(members, request, bench);
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
