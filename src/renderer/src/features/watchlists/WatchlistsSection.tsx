/** The sidebar's watchlists: the open report's related tickers and the user's own lists. */
export function WatchlistsSection(): React.JSX.Element {
  return (
    <section>
      <h2 className="panel-title">Watchlists</h2>
      <p className="muted small">Your watchlists appear here.</p>
    </section>
  );
}
