import type { ResolvedWindow } from '@shared/analytics';
import { useCall } from '@renderer/lib/use-call';
import { formatCount, formatDate } from '@renderer/lib/format';
import { SuspectedSplitNotice } from '@renderer/features/actions/ActionsPanel';
import { FigureValue } from './FigureValue';
import type { AnalysisWindow } from './WindowPicker';

/** Every figure of one ticker over the window, each explaining itself on hover. */
export function MetricsPanel(props: { ticker: string; window: AnalysisWindow }): React.JSX.Element {
  const { ticker, window: w } = props;
  const q = useCall('analytics:panel', { ticker, from: w.from, to: w.to, basis: w.basis });
  if (q.error)
    return (
      <p role="alert" className="error">
        {q.error.message}
      </p>
    );
  if (!q.data) return <p className="muted">Computing…</p>;
  const p = q.data;
  return (
    <section className="card" aria-label={`Figures for ${ticker}`} data-testid="metrics-panel">
      <SuspectedSplitNotice ticker={ticker} splits={p.suspectedSplits ?? []} />
      <WindowNotes window={p.window} basisNote={p.basisInfo.note} />
      <div className="figure-groups">
        <FigureGroup title="Period return">
          <FigureValue label="Open → close" figure={p.openToClose} format="signedPercent" testId="fig-openToClose" />
          <FigureValue label="Close → close" figure={p.closeToClose} format="signedPercent" testId="fig-closeToClose" />
          <FigureValue
            label="Since prior close"
            figure={p.sincePriorClose}
            format="signedPercent"
            testId="fig-sincePriorClose"
          />
        </FigureGroup>
        <FigureGroup title="Risk">
          <FigureValue
            label="Daily volatility"
            figure={p.dailyVolatility}
            format="percent"
            testId="fig-dailyVolatility"
          />
          <FigureValue
            label="Annualised"
            figure={p.annualizedVolatility}
            format="percent"
            testId="fig-annualizedVolatility"
          />
          <FigureValue
            label="Max drawdown"
            figure={p.maxDrawdown}
            format="signedPercent"
            testId="fig-maxDrawdown"
            extra={
              p.maxDrawdown.peakDate
                ? `${formatDate(p.maxDrawdown.peakDate)} → ${formatDate(p.maxDrawdown.troughDate)}`
                : undefined
            }
          />
        </FigureGroup>
        <FigureGroup title="Volume">
          <FigureValue
            label="Average volume"
            figure={p.averageVolume}
            format="volume"
            testId="fig-averageVolume"
            extra={p.averageVolume.excludedBars ? `(${p.averageVolume.excludedBars} bars without volume)` : undefined}
          />
        </FigureGroup>
        <FigureGroup title="Levels">
          <FigureValue label="Close" figure={p.close} format="price" testId="fig-close" />
          <FigureValue label="SMA 20" figure={p.sma20} format="price" testId="fig-sma20" />
          <FigureValue label="SMA 50" figure={p.sma50} format="price" testId="fig-sma50" />
          <FigureValue label="SMA 200" figure={p.sma200} format="price" testId="fig-sma200" />
          <FigureValue label="EMA 20" figure={p.ema20} format="price" testId="fig-ema20" />
        </FigureGroup>
        <FigureGroup title="Highs and lows">
          <FigureValue label="Period high" figure={p.periodHigh} format="price" testId="fig-periodHigh" showDate />
          <FigureValue label="Period low" figure={p.periodLow} format="price" testId="fig-periodLow" showDate />
          <FigureValue label="All-time high" figure={p.allTimeHigh} format="price" testId="fig-allTimeHigh" showDate />
          <FigureValue label="52-week high" figure={p.high52w} format="price" testId="fig-high52w" showDate />
          <FigureValue label="52-week low" figure={p.low52w} format="price" testId="fig-low52w" showDate />
          <FigureValue
            label="From 52w high"
            figure={p.distanceFromHigh52w}
            format="signedPercent"
            testId="fig-distanceFromHigh52w"
          />
          <FigureValue
            label="From 52w low"
            figure={p.distanceFromLow52w}
            format="signedPercent"
            testId="fig-distanceFromLow52w"
          />
        </FigureGroup>
      </div>
    </section>
  );
}

function FigureGroup(props: { title: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <div className="figure-group">
      <h3>{props.title}</h3>
      <dl>{props.children}</dl>
    </div>
  );
}

/** What the window resolved to, and anything that qualifies the figures (gaps, holidays, basis). */
export function WindowNotes(props: { window: ResolvedWindow; basisNote?: string | null }): React.JSX.Element {
  const w = props.window;
  return (
    <div className="window-notes" data-testid="window-notes">
      <p>
        {w.bars ? (
          <>
            <strong>{formatCount(w.bars)}</strong> trading days, {formatDate(w.firstDate)} → {formatDate(w.lastDate)}
          </>
        ) : (
          'No bars in this window.'
        )}
      </p>
      {w.missingCount > 0 && (
        <p className="warn" data-testid="missing-days">
          {formatCount(w.missingCount)} trading {w.missingCount === 1 ? 'day is' : 'days are'} missing from the archive:{' '}
          {w.missingDays.slice(0, 6).join(', ')}
          {w.missingCount > 6 && '…'}
        </p>
      )}
      {w.notes.map((n, i) => (
        <p key={i} className="muted small">
          {n}
        </p>
      ))}
      {props.basisNote && <p className="muted small">{props.basisNote}</p>}
    </div>
  );
}
