import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import type { TickerReport } from '@shared/import';
import { formatCount } from '@renderer/lib/format';
import './import.css';

const ROW_HEIGHT = 26;

/**
 * The tickers of a many-ticker file, one row each (rows, dates, rejected and warned rows): searchable,
 * those needing attention first, virtualised so a 1,362-ticker file renders a screenful of rows.
 */
export function TickerTable(props: { tickers: TickerReport[] }): React.JSX.Element {
  const [query, setQuery] = useState('');
  const rows = useMemo(() => {
    const q = query.trim().toUpperCase();
    const list = q ? props.tickers.filter((t) => t.ticker.includes(q)) : props.tickers;
    // Tickers with rejected rows, then warned ones, then the rest, each by symbol.
    const rank = (t: TickerReport): number => (t.rejected.length ? 0 : t.warnings.length ? 1 : 2);
    return [...list].sort((a, b) => rank(a) - rank(b) || a.ticker.localeCompare(b.ticker));
  }, [props.tickers, query]);
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler skips this component's memoisation for useVirtualizer's sake; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
  });
  return (
    <section className="ticker-table" aria-label="Tickers in the file">
      <div className="row gap">
        <input
          type="search"
          aria-label="Find a ticker in the file"
          placeholder={`Find among ${formatCount(props.tickers.length)} tickers…`}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted small" data-testid="ticker-table-count">
          {query
            ? `${formatCount(rows.length)} of ${formatCount(props.tickers.length)}`
            : `${formatCount(props.tickers.length)} tickers`}
        </span>
      </div>
      <div className="ticker-table-head" role="row">
        <span>Ticker</span>
        <span className="num">Rows</span>
        <span>First</span>
        <span>Last</span>
        <span className="num">Rejected</span>
        <span className="num">Warnings</span>
      </div>
      <div
        ref={scroller}
        className="ticker-table-body"
        role="table"
        aria-label="Tickers"
        style={{ height: Math.min(rows.length, 10) * ROW_HEIGHT + 2 }}
      >
        <div style={{ height: v.getTotalSize(), position: 'relative' }}>
          {v.getVirtualItems().map((item) => {
            const t = rows[item.index]!;
            return (
              <div
                key={t.ticker}
                role="row"
                className={
                  t.rejected.length ? 'ticker-row rejected' : t.warnings.length ? 'ticker-row warned' : 'ticker-row'
                }
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <span className="mono">{t.ticker}</span>
                <span className="num">{formatCount(t.rows)}</span>
                <span>{t.firstDate ?? '—'}</span>
                <span>{t.lastDate ?? '—'}</span>
                <span className="num">{t.rejected.length ? formatCount(t.rejected.length) : ''}</span>
                <span className="num">{t.warnings.length ? formatCount(t.warnings.length) : ''}</span>
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
