import { useSelection } from '../../app/selection';

/** The chart of the selected ticker (candlesticks, volume, overlays, compare mode). */
export function ChartView(): React.JSX.Element {
  const { ticker } = useSelection();
  return (
    <section className="pane-body" aria-label="Chart">
      <header className="pane-header">
        <h1>{ticker ?? 'Chart'}</h1>
      </header>
      <p className="muted">{ticker ? 'The chart of this ticker is being built.' : 'Choose a ticker in the sidebar.'}</p>
    </section>
  );
}
