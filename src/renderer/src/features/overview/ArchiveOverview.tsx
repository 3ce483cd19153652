import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TickerSummary } from '@shared/archive';
import { filterTickers } from '@renderer/lib/ticker-filter';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import { formatCount, formatDate } from '@renderer/lib/format';
import { BackupsBar } from '@renderer/features/backups/BackupsBar';

/** The first screen: what the archive holds, overall and ticker by ticker. */
export function ArchiveOverview(): React.JSX.Element {
  const { ticker: selected, selectTicker, setView } = useSelection();
  const info = useCall('archive:info', {});
  const tickers = useCall('archive:tickers', {});

  if (info.error || tickers.error) {
    return (
      <section className="pane-body" aria-label="Archive overview">
        <p role="alert" className="error">
          Breadth could not read the archive: {(info.error ?? tickers.error)!.message}
        </p>
      </section>
    );
  }
  const i = info.data;
  return (
    <section className="pane-body" aria-label="Archive overview">
      <header className="pane-header">
        <h1>Archive</h1>
        <p className="muted">Daily prices kept on this computer, by ticker.</p>
      </header>
      <dl className="stats" aria-label="Archive totals">
        <Stat label="Tickers" value={i ? formatCount(i.tickers) : '…'} testId="stat-tickers" />
        <Stat label="Daily bars" value={i ? formatCount(i.bars) : '…'} testId="stat-bars" />
        <Stat label="First date" value={i ? formatDate(i.firstDate) : '…'} testId="stat-first" />
        <Stat label="Last date" value={i ? formatDate(i.lastDate) : '…'} testId="stat-last" />
        <Stat label="Reports" value={i ? formatCount(i.reports) : '…'} testId="stat-reports" />
        <Stat label="Notes" value={i ? formatCount(i.notes) : '…'} testId="stat-notes" />
      </dl>
      <BackupsBar />
      {tickers.data && tickers.data.length === 0 ? (
        <div className="empty" data-testid="archive-empty">
          <h2>The archive is empty</h2>
          <p>Import CSV price files from Yahoo Finance, Stooq, Nasdaq, Investing.com and others to begin.</p>
          <p className="row gap">
            <button type="button" className="button primary" onClick={() => setView('imports')}>
              Import…
            </button>
          </p>
        </div>
      ) : (
        <TickerTable rows={tickers.data ?? []} selected={selected} onSelect={(t, show) => selectTicker(t, { show })} />
      )}
    </section>
  );
}

function Stat(props: { label: string; value: string; testId: string }): React.JSX.Element {
  return (
    <div className="stat">
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

/** Height of one row of the tickers table, px (the CSS keeps it). */
const ROW = 33;

/**
 * The archive's tickers as a table: a filter (symbol prefix first, then symbol and name matches) and
 * virtualised rows, so 10,000 tickers render a screenful; a click selects the ticker, a double click
 * (or Enter) opens its chart.
 */
function TickerTable(props: { rows: TickerSummary[]; selected: string | null; onSelect: (t: string, show: boolean) => void }): React.JSX.Element {
  const [query, setQuery] = useState('');
  const rows = useMemo(() => filterTickers(props.rows, query), [props.rows, query]);
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler skips this component's memoisation for useVirtualizer's sake; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: rows.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 10 });
  const items = virtualizer.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (items.at(-1)?.end ?? 0);
  return (
    <div className="overview-tickers">
      <div className="row gap">
        <input
          type="search"
          aria-label="Filter the archive's tickers"
          placeholder="Filter by symbol or name"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && rows[0]) props.onSelect(rows[0].symbol, true);
          }}
        />
        <span className="muted small" data-testid="overview-count">
          {query.trim() ? `${formatCount(rows.length)} of ${formatCount(props.rows.length)} tickers` : `${formatCount(props.rows.length)} tickers`}
        </span>
      </div>
      <div className="overview-scroll" ref={scroller}>
        <table className="grid fixed" aria-label="Tickers in the archive" aria-rowcount={rows.length + 1}>
          <colgroup>
            <col className="c-ticker" />
            <col />
            <col className="c-bars" />
            <col className="c-date" />
            <col className="c-date" />
            <col className="c-prices" />
          </colgroup>
          <thead>
            <tr>
              <th scope="col">Ticker</th>
              <th scope="col">Name</th>
              <th scope="col" className="num">Bars</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col">Prices</th>
            </tr>
          </thead>
          <tbody>
            {top > 0 && <tr aria-hidden="true" style={{ height: top }} />}
            {items.map((v) => {
              const t = rows[v.index]!;
              return (
                <tr
                  key={t.symbol}
                  aria-rowindex={v.index + 2}
                  aria-selected={props.selected === t.symbol}
                  className={props.selected === t.symbol ? 'selected' : undefined}
                  style={{ height: ROW }}
                  onClick={() => props.onSelect(t.symbol, false)}
                  onDoubleClick={() => props.onSelect(t.symbol, true)}
                >
                  <th scope="row">{t.symbol}</th>
                  <td className="muted ellipsis" title={t.name ?? undefined}>
                    {t.name ?? ''}
                  </td>
                  <td className="num">{formatCount(t.bars)}</td>
                  <td>{formatDate(t.firstDate)}</td>
                  <td>{formatDate(t.lastDate)}</td>
                  <td>{t.pricesAdjusted ? 'adjusted' : t.hasAdjClose ? 'raw + adj close' : 'raw'}</td>
                </tr>
              );
            })}
            {bottom > 0 && <tr aria-hidden="true" style={{ height: bottom }} />}
          </tbody>
        </table>
        {rows.length === 0 && <p className="muted small">No ticker matches “{query.trim()}”.</p>}
      </div>
    </div>
  );
}
