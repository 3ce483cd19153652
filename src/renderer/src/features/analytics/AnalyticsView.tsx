import { useState } from 'react';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import type { PriceBasis } from '@shared/domain';
import { presetFrom, type WindowPreset } from '@renderer/lib/windows';
import { useOpenReportWindow } from '@renderer/features/reports/use-open-report';
import { ActionsPanel } from '@renderer/features/actions/ActionsPanel';
import { GroupPanel } from './GroupPanel';
import { MetricsPanel } from './MetricsPanel';
import { RelativePanel, TickerSelect } from './RelativePanel';
import { WindowPicker, type AnalysisWindow } from './WindowPicker';

/**
 * Figures of one ticker, relative performance (A against B) and group tables, over one window: the open
 * report's until the analyst picks another.
 */
export function AnalyticsView(): React.JSX.Element {
  const { ticker, selectTicker, basis, setBasis } = useSelection();
  // Kept across tickers: the window the analyst picked (null follows the open report) and the basis.
  const [picked, setPicked] = useState<Picked>(null);
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
      picked={picked}
      onPick={setPicked}
      basis={basis}
      onBasis={setBasis}
    />
  );
}

/** What the analyst picked; null follows the open report's window (1Y without a report). */
type Picked = { preset: WindowPreset } | { from: string; to: string } | null;

function AnalyticsBody(props: {
  ticker: string;
  first: string;
  last: string;
  tickers: string[];
  onTicker: (t: string) => void;
  picked: Picked;
  onPick: (p: Picked) => void;
  basis: PriceBasis;
  onBasis: (b: PriceBasis) => void;
}): React.JSX.Element {
  const report = useOpenReportWindow();
  const reportWindow =
    report?.windowFrom && report.windowTo ? { from: report.windowFrom, to: report.windowTo, title: report.title } : null;
  const { picked } = props;
  const fromPreset = (preset: WindowPreset): AnalysisWindow => ({
    preset,
    from: presetFrom(preset, props.last, props.first),
    to: props.last,
    basis: props.basis,
  });
  const win: AnalysisWindow =
    picked === null
      ? reportWindow
        ? { preset: 'Report', from: reportWindow.from, to: reportWindow.to, basis: props.basis }
        : fromPreset('1Y')
      : 'preset' in picked
        ? fromPreset(picked.preset)
        : { preset: null, from: picked.from, to: picked.to, basis: props.basis };
  return (
    <section className="pane-body" aria-label="Analytics">
      <header className="row gap wrap-row">
        <h1>Analytics</h1>
        <TickerSelect label="Ticker" value={props.ticker} options={props.tickers} onChange={props.onTicker} />
      </header>
      <WindowPicker
        value={win}
        report={reportWindow}
        onPreset={(preset) => props.onPick(preset === 'Report' ? null : { preset })}
        onChange={(patch) => {
          if (patch.basis) props.onBasis(patch.basis);
          if (patch.from || patch.to) props.onPick({ from: patch.from ?? win.from, to: patch.to ?? win.to });
        }}
      />
      <MetricsPanel ticker={props.ticker} window={win} />
      <ActionsPanel ticker={props.ticker} />
      <RelativePanel tickers={props.tickers} defaultA={props.ticker} window={win} />
      <GroupPanel tickers={props.tickers} window={win} />
    </section>
  );
}
