import { useState } from 'react';
import { useSelection } from '@renderer/app/selection';
import { useCall } from '@renderer/lib/use-call';
import { presetFrom, type WindowPreset } from '@renderer/lib/windows';
import { GroupPanel } from './GroupPanel';
import { MetricsPanel } from './MetricsPanel';
import { RelativePanel, TickerSelect } from './RelativePanel';
import { WindowPicker, type AnalysisWindow } from './WindowPicker';

/** Figures of one ticker, relative performance (A against B) and group tables, over one window. */
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

function AnalyticsBody(props: {
  ticker: string;
  first: string;
  last: string;
  tickers: string[];
  onTicker: (t: string) => void;
}): React.JSX.Element {
  const [win, setWin] = useState<AnalysisWindow>({
    preset: '1Y',
    from: presetFrom('1Y', props.last, props.first),
    to: props.last,
    basis: 'raw',
  });
  const onPreset = (preset: WindowPreset): void =>
    setWin((w) => ({ ...w, preset, to: props.last, from: presetFrom(preset, props.last, props.first) }));
  return (
    <section className="pane-body" aria-label="Analytics">
      <header className="row gap wrap-row">
        <h1>Analytics</h1>
        <TickerSelect label="Ticker" value={props.ticker} options={props.tickers} onChange={props.onTicker} />
      </header>
      <WindowPicker value={win} onPreset={onPreset} onChange={(patch) => setWin((w) => ({ ...w, ...patch }))} />
      <MetricsPanel ticker={props.ticker} window={win} />
      <RelativePanel tickers={props.tickers} defaultA={props.ticker} window={win} />
      <GroupPanel tickers={props.tickers} window={win} />
    </section>
  );
}
