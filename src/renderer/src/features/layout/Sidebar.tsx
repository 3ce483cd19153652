import { useQuery } from '@tanstack/react-query';
import { call } from '../../lib/api';

/** The left sidebar: reports, watchlists and the archive's tickers. */
export function Sidebar(props: { selected: string | null; onSelect: (ticker: string) => void }): React.JSX.Element {
  const tickers = useQuery({ queryKey: ['archive', 'tickers'], queryFn: () => call('archive:tickers', {}) });
  return (
    <nav className="sidebar" aria-label="Sidebar">
      <section>
        <h2 className="panel-title">Reports</h2>
        <p className="muted small">No reports yet.</p>
      </section>
      <section>
        <h2 className="panel-title">Watchlists</h2>
        <p className="muted small">Your watchlists appear here.</p>
      </section>
      <section>
        <h2 className="panel-title">Tickers</h2>
        {tickers.data?.length ? (
          <ul className="list" aria-label="Tickers">
            {tickers.data.map((t) => (
              <li key={t.symbol}>
                <button
                  type="button"
                  className={props.selected === t.symbol ? 'list-item active' : 'list-item'}
                  aria-current={props.selected === t.symbol}
                  onClick={() => props.onSelect(t.symbol)}
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
