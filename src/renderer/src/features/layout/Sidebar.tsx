import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import { ReportsSection } from '@renderer/features/reports/ReportsSection';
import { WatchlistsSection } from '@renderer/features/watchlists/WatchlistsSection';

/** The left sidebar: reports, watchlists and the archive's tickers. */
export function Sidebar(): React.JSX.Element {
  const { ticker: selected, selectTicker } = useSelection();
  const tickers = useCall('archive:tickers', {});
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <ReportsSection />
      <WatchlistsSection />
      <section>
        <h2 className="panel-title">Tickers</h2>
        {tickers.data?.length ? (
          <ul className="list" aria-label="Tickers">
            {tickers.data.map((t) => (
              <li key={t.symbol}>
                <button
                  type="button"
                  className={selected === t.symbol ? 'list-item active' : 'list-item'}
                  aria-current={selected === t.symbol}
                  onClick={() => selectTicker(t.symbol, { show: true })}
                >
                  {t.symbol}
                </button>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">None yet.</p>
        )}
      </section>
    </nav>
  );
}
