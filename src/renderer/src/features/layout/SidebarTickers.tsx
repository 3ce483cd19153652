import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useSelection } from '@renderer/app/selection';
import { formatCount } from '@renderer/lib/format';
import { filterTickers } from '@renderer/lib/ticker-filter';
import { useCall } from '@renderer/lib/use-call';

/** Height of one ticker row, px (the list's CSS keeps it). */
const ROW = 24;

/**
 * The archive's tickers in the sidebar: a filter (symbol prefix first, then symbol and name matches)
 * over a virtualised list, so 10,000 tickers render a screenful of buttons. Enter opens the first match;
 * ↓ moves from the filter into the list.
 */
export function SidebarTickers(): React.JSX.Element {
  const { ticker: selected, selectTicker } = useSelection();
  const tickers = useCall('archive:tickers', {});
  const [query, setQuery] = useState('');
  const all = tickers.data;
  const shown = useMemo(() => filterTickers(all ?? [], query), [all, query]);
  const scroller = useRef<HTMLDivElement>(null);
  // The React Compiler skips this component's memoisation for useVirtualizer's sake; that is fine here.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => scroller.current, estimateSize: () => ROW, overscan: 8 });
  const focusRow = (i: number): void => {
    virtualizer.scrollToIndex(i);
    requestAnimationFrame(() => scroller.current?.querySelector<HTMLButtonElement>(`[data-index="${i}"] button`)?.focus());
  };
  if (!all) return <section className="sidebar-tickers" aria-busy="true" />;
  return (
    <section className="sidebar-tickers">
      <h2 className="panel-title">
        Tickers{' '}
        <span className="count" data-testid="sidebar-ticker-count">
          {query.trim() ? `${formatCount(shown.length)} of ${formatCount(all.length)}` : formatCount(all.length)}
        </span>
      </h2>
      {all.length === 0 ? (
        <p className="muted small">None yet.</p>
      ) : (
        <>
          <input
            type="search"
            className="ticker-filter"
            placeholder="Filter tickers"
            aria-label="Filter tickers"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && shown[0]) selectTicker(shown[0].symbol, { show: true });
              else if (e.key === 'ArrowDown' && shown.length) focusRow(0);
              else return;
              e.preventDefault();
            }}
          />
          <div className="ticker-scroll" ref={scroller}>
            {shown.length === 0 ? (
              <p className="muted small">No ticker matches “{query.trim()}”.</p>
            ) : (
              <ul className="list" aria-label="Tickers" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
                {virtualizer.getVirtualItems().map((v) => {
                  const t = shown[v.index]!;
                  return (
                    <li key={t.symbol} data-index={v.index} style={{ position: 'absolute', top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${v.start}px)` }}>
                      <button
                        type="button"
                        className={selected === t.symbol ? 'list-item active' : 'list-item'}
                        aria-current={selected === t.symbol}
                        title={t.name ?? undefined}
                        onClick={() => selectTicker(t.symbol, { show: true })}
                        onKeyDown={(e) => {
                          if (e.key === 'ArrowDown' && v.index + 1 < shown.length) focusRow(v.index + 1);
                          else if (e.key === 'ArrowUp') {
                            if (v.index === 0) scroller.current?.parentElement?.querySelector<HTMLInputElement>('.ticker-filter')?.focus();
                            else focusRow(v.index - 1);
                          } else return;
                          e.preventDefault();
                        }}
                      >
                        {t.symbol}
                      </button>
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </>
      )}
    </section>
  );
}
