/** Relative performance (A against B) and group tables (which sectors led). */
export function AnalyticsView(): React.JSX.Element {
  return (
    <section className="pane-body" aria-label="Analytics">
      <header className="pane-header">
        <h1>Analytics</h1>
      </header>
    </section>
  );
}
