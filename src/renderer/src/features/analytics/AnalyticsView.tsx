import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import { resolveWindow } from '@renderer/lib/windows';
import { useOpenReportWindow } from '@renderer/features/reports/use-open-report';
import { ActionsPanel } from '@renderer/features/actions/ActionsPanel';
import { GroupPanel } from './GroupPanel';
import { MetricsPanel } from './MetricsPanel';
import { RelativePanel, TickerSelect } from './RelativePanel';
import { WindowPicker, type AnalysisWindow } from './WindowPicker';

/**
 * Figures of one ticker, relative performance (A against B) and group tables, over the shared window
 * (the open report's until the analyst picks another) and basis.
 */
export function AnalyticsView(): React.JSX.Element {
  const { ticker, selectTicker } = useSelection();
  const tickers = useCall('archive:tickers', {});
  const list = tickers.data ?? [];
  const current = list.find((t) => t.symbol === ticker) ?? list[0];
  if (!tickers.data) return <section className="pane-body" aria-label="Analytics" aria-busy="true" />;
  if (!current || !current.lastDate || !current.firstDate) {
    return (
      <section className="pane-body" aria-label="Analytics">
        <div className="empty">
          <h2>Nothing to analyse yet</h2>
          <p>Import price files first; the figures are computed from the archive.</p>
        </div>
      </section>
    );
  }
  return (
    <AnalyticsBody
      key={current.symbol}
      ticker={current.symbol}
      first={current.firstDate}
      last={current.lastDate}
      tickers={list.filter((t) => t.bars > 0).map((t) => t.symbol)}
      onTicker={(t) => selectTicker(t)}
    />
  );
}

function AnalyticsBody(props: { ticker: string; first: string; last: string; tickers: string[]; onTicker: (t: string) => void }): React.JSX.Element {
  const { basis, setBasis, window: chosen, setWindow } = useSelection();
  const report = useOpenReportWindow();
  const reportWindow =
    report?.windowFrom && report.windowTo ? { from: report.windowFrom, to: report.windowTo, title: report.title } : null;
  const r = resolveWindow(chosen, reportWindow, props.first, props.last);
  const win: AnalysisWindow = { preset: r.shown === 'Custom' ? null : r.shown, from: r.from, to: r.to, basis };
  return (
    <section className="pane-body" aria-label="Analytics">
      <header className="row gap wrap-row">
        <h1>Analytics</h1>
        <TickerSelect label="Ticker" value={props.ticker} options={props.tickers} onChange={props.onTicker} />
      </header>
      <WindowPicker
        value={win}
        report={reportWindow}
        onPreset={(choice) => setWindow({ ...chosen, choice })}
        onChange={(patch) => {
          if (patch.basis) setBasis(patch.basis);
          if (patch.from || patch.to) setWindow({ choice: 'Custom', from: patch.from ?? win.from, to: patch.to ?? win.to });
        }}
      />
      <MetricsPanel ticker={props.ticker} window={win} />
      <ActionsPanel ticker={props.ticker} />
      <RelativePanel tickers={props.tickers} defaultA={props.ticker} window={win} />
      <GroupPanel tickers={props.tickers} window={win} />
    </section>
  );
}
