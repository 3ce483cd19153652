import { addDays } from '@shared/calendar';
import { resolveWindow } from '@renderer/lib/windows';
import { formatDate } from '@renderer/lib/format';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { WatchlistRow } from '@shared/analytics';
import type { Watchlist } from '@shared/watchlists';
import { useSelection } from '@renderer/app/selection';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { useOpenReportWindow } from '@renderer/features/reports/use-open-report';
import { AddTickerBox } from './AddTickerBox';
import { Sparkline } from './Sparkline';
import './watchlists.css';

type SortKey = 'position' | 'ticker' | 'name' | 'lastClose' | 'change1d' | 'changeWindow' | 'distanceFromSma20' | 'distanceFromHigh52w';

/** One table row: the analytics row with the ticker's name and its place in the list. */
interface Row extends WatchlistRow {
  name: string | null;
  position: number;
}

const ROW_HEIGHT = 30;
const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const pctFmt = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2, signDisplay: 'exceptZero' });

/** A fraction as a signed percentage with its direction as a class; `n/a` (with why) when it cannot be computed. */
function Pct(props: { value: number | null; why: string; testId?: string }): React.JSX.Element {
  if (props.value === null) {
    return (
      <span className="muted" title={props.why}>
        n/a
      </span>
    );
  }
  const cls = props.value > 0 ? 'up' : props.value < 0 ? 'down' : '';
  return (
    <span className={cls} data-testid={props.testId}>
      {pctFmt.format(props.value * 100)}{'\u00a0'}%
    </span>
  );
}

function compare(a: Row, b: Row, key: SortKey): number {
  if (key === 'position') return a.position - b.position;
  if (key === 'ticker') return a.ticker.localeCompare(b.ticker);
  if (key === 'name') return (a.name ?? '').localeCompare(b.name ?? '');
  const x = a[key];
  const y = b[key];
  if (x === null && y === null) return a.position - b.position;
  if (x === null) return 1;
  if (y === null) return -1;
  return x - y;
}

/** The day as `YYYY-MM-DD` in UTC (only while the archive's newest date is not known yet). */
/** Earlier than any bar: a Max window starts at each ticker's first. */
const EARLIEST = '1800-01-01';

function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/**
 * The open watchlist as a table: ticker, name, last close, 1-day change, change over the report's window
 * (its own report's, else the open report's, else the year to date), distance from SMA(20) and from the 52-week high, 60-day sparkline.
 * Sortable; the active row drives the chart; ↑/↓ (PgUp/PgDn, Home/End) move through the list,
 * Alt+↑/↓ reorder it, Delete removes the ticker. Virtualised: 1,000 tickers render a screenful of rows.
 */
export function WatchlistTable(props: { list: Watchlist }): React.JSX.Element {
  const { list } = props;
  const { ticker: selected, selectTicker, setView, basis, window: chosen } = useSelection();
  const [sort, setSort] = useState<{ key: SortKey; dir: 1 | -1 }>({ key: 'position', dir: 1 });
  const scroller = useRef<HTMLDivElement>(null);
  // The shared window: following a report, the list's own report's window, else the open report's
  // (1Y without one); a preset ends on the list's as-of date or the archive's newest bar, never the clock.
  const openReport = useOpenReportWindow();
  const report = list.report?.windowFrom && list.report.windowTo ? list.report : openReport;
  const info = useCall('archive:info', {});
  const end = list.report?.asOf ?? info.data?.lastDate ?? today();
  const r = resolveWindow(chosen, report?.windowFrom && report.windowTo ? { from: report.windowFrom, to: report.windowTo } : null, EARLIEST, end);
  const period = { from: r.from, to: r.to, label: r.shown === 'Report' ? 'Report window' : r.shown === 'Custom' ? 'Window' : r.shown };
  const names = useCall('archive:tickers', {});
  const figures = useCall(
    'analytics:watchlistRows',
    {
      tickers: list.tickers,
      basis,
      window: { from: period.from, to: period.to },
      // A report's watchlist is judged as of its date; any other against the archive's newest bar.
      ...(list.report ? { asOf: addDays(list.report.asOf, 1) } : {}),
    },
    { enabled: list.tickers.length > 0, placeholderData: (prev) => prev },
  );
  const add = useCallMutation('watchlists:addTicker');
  const remove = useCallMutation('watchlists:removeTicker');
  const reorder = useCallMutation('watchlists:reorderItems');

  const rows = useMemo<Row[]>(() => {
    const nameOf = new Map(names.data?.map((t) => [t.symbol, t.name]));
    const byTicker = new Map(figures.data?.map((r) => [r.ticker, r]));
    const out = list.tickers.flatMap((t, position): Row[] => {
      const r = byTicker.get(t);
      return r ? [{ ...r, name: nameOf.get(t) ?? null, position }] : [];
    });
    return out.sort((a, b) => compare(a, b, sort.key) * sort.dir);
  }, [list.tickers, names.data, figures.data, sort]);

  // The React Compiler skips this component's memoisation for useVirtualizer's sake; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });

  const activeIndex = rows.findIndex((r) => r.ticker === selected);
  const choose = (i: number): void => {
    const r = rows[Math.max(0, Math.min(rows.length - 1, i))];
    if (!r) return;
    virtualizer.scrollToIndex(rows.indexOf(r), { align: 'auto' });
    if (r.ticker !== selected) selectTicker(r.ticker);
  };
  const onKeyDown = (e: React.KeyboardEvent): void => {
    const page = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 300) / ROW_HEIGHT) - 1);
    const at = activeIndex < 0 ? -1 : activeIndex;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown') && sort.key === 'position' && at >= 0) {
      const j = at + (e.key === 'ArrowUp' ? -1 : 1);
      if (j >= 0 && j < rows.length) {
        const order = rows.map((r) => r.ticker);
        [order[at], order[j]] = [order[j]!, order[at]!];
        reorder.mutate({ id: list.id, tickers: order });
      }
    } else if (e.key === 'ArrowDown') choose(at + 1);
    else if (e.key === 'ArrowUp') choose(at - 1);
    else if (e.key === 'PageDown') choose(at + page);
    else if (e.key === 'PageUp') choose(at - page);
    else if (e.key === 'Home') choose(0);
    else if (e.key === 'End') choose(rows.length - 1);
    else if (e.key === 'Delete' && at >= 0) remove.mutate({ id: list.id, ticker: rows[at]!.ticker });
    else return;
    e.preventDefault();
  };

  const header = (key: SortKey, label: string, cls = ''): React.JSX.Element => (
    <div
      role="columnheader"
      className={`wl-cell ${cls}`}
      aria-sort={sort.key === key ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none'}
    >
      <button
        type="button"
        className="sort-button"
        onClick={() => setSort((s) => (s.key === key ? (s.dir === 1 ? { key, dir: -1 } : { key: 'position', dir: 1 }) : { key, dir: 1 }))}
      >
        {label}
        {sort.key === key ? (sort.dir === 1 ? ' ▲' : ' ▼') : ''}
      </button>
    </div>
  );

  const failure = add.error ?? remove.error ?? reorder.error ?? figures.error;
  return (
    <section className="watchlist" aria-label={`Watchlist ${list.name}`}>
      <header className="wl-head">
        <h2>
          {list.name}
          {list.report && <span className="badge">report · as of {formatDate(list.report.asOf)}</span>}
        </h2>
        <span className="muted small">
          {list.tickers.length.toLocaleString('en-US')} tickers · {period.label} {formatDate(period.from)} → {formatDate(period.to)}
        </span>
        <AddTickerBox onAdd={(t) => add.mutate({ id: list.id, ticker: t })} />
      </header>
      {failure && <p className="error small">{failure.message}</p>}
      <div
        className="wl-grid"
        role="grid"
        aria-label="Watchlist"
        aria-rowcount={rows.length + 1}
        tabIndex={0}
        onKeyDown={onKeyDown}
        data-testid="watchlist-grid"
      >
        <div role="row" className="wl-row wl-header" aria-rowindex={1}>
          {header('ticker', 'Ticker')}
          {header('name', 'Name')}
          {header('lastClose', 'Last', 'num')}
          {header('change1d', '1D', 'num')}
          {header('changeWindow', period.label === 'Report window' ? 'Window' : period.label, 'num')}
          {header('distanceFromSma20', 'vs SMA20', 'num')}
          {header('distanceFromHigh52w', 'vs 52w high', 'num')}
          <div role="columnheader" className="wl-cell">
            60 days
          </div>
        </div>
        <div className="wl-scroll" ref={scroller}>
          {list.tickers.length === 0 && <p className="muted wl-empty">This list is empty: add a ticker above.</p>}
          <div className="wl-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((v) => {
              const r = rows[v.index]!;
              const active = r.ticker === selected;
              return (
                <div
                  key={r.ticker}
                  role="row"
                  aria-rowindex={v.index + 2}
                  aria-selected={active}
                  data-ticker={r.ticker}
                  className={`wl-row${active ? ' selected' : ''}`}
                  style={{ transform: `translateY(${v.start}px)` }}
                  onClick={() => choose(v.index)}
                >
                  <div role="gridcell" className="wl-cell ticker">
                    {r.ticker}
                  </div>
                  <div role="gridcell" className="wl-cell name" title={r.name ?? undefined}>
                    {r.name ?? ''}
                  </div>
                  {r.hasData ? (
                    <>
                      <div role="gridcell" className="wl-cell num">
                        {r.stale && (
                          <span
                            className="badge stale"
                            title={`Stale: the last bar is ${formatDate(r.lastDate)}, ${r.behind} trading ${r.behind === 1 ? 'day' : 'days'} behind ${list.report ? `the report's date (${formatDate(list.report.asOf)})` : "the archive's newest bar"}`}
                          >
                            {r.behind}d behind
                          </span>
                        )}
                        <span data-testid="last-close">{r.lastClose === null ? 'n/a' : price.format(r.lastClose)}</span>
                      </div>
                      <div role="gridcell" className="wl-cell num">
                        <Pct value={r.change1d} why="Needs two bars" />
                      </div>
                      <div role="gridcell" className="wl-cell num">
                        <Pct value={r.changeWindow} why={`No bars in ${formatDate(period.from)} → ${formatDate(period.to)}`} />
                      </div>
                      <div role="gridcell" className="wl-cell num">
                        <Pct value={r.distanceFromSma20} why="Needs 20 bars" />
                      </div>
                      <div role="gridcell" className="wl-cell num">
                        <Pct value={r.distanceFromHigh52w} why="No 52-week high" />
                      </div>
                      <div role="gridcell" className="wl-cell spark">
                        <Sparkline closes={r.sparkline.closes} />
                      </div>
                    </>
                  ) : (
                    <div role="gridcell" className="wl-cell no-data" aria-colspan={6}>
                      <span>no data — import a CSV</span>
                      <button
                        type="button"
                        className="link-button"
                        onClick={(e) => {
                          e.stopPropagation();
                          setView('imports');
                        }}
                      >
                        Import…
                      </button>
                    </div>
                  )}
                </div>
              );
            })}
          </div>
        </div>
      </div>
    </section>
  );
}
