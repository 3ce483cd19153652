import { useState } from 'react';
import { useOpenReport } from '@renderer/features/reports/use-open-report';
import type { ReturnKind } from '@shared/analytics';
import { useCall } from '@renderer/lib/use-call';
import { FigureValue } from './FigureValue';
import { RatioLine } from './RatioLine';
import type { AnalysisWindow } from './WindowPicker';

const KINDS: { value: ReturnKind; label: string }[] = [
  { value: 'closeToClose', label: 'close → close' },
  { value: 'openToClose', label: 'open → close' },
  { value: 'sincePriorClose', label: 'since prior close' },
];

/** A against B over the window: both returns, their difference, the rebased ratio, correlation and beta. */
export function RelativePanel(props: {
  tickers: string[];
  defaultA: string | null;
  window: AnalysisWindow;
}): React.JSX.Element {
  const w = props.window;
  const report = useOpenReport();
  const first = props.defaultA ?? props.tickers[0] ?? '';
  const [a, setA] = useState<string>(first);
  // A meaningful pair, never a ticker against itself: SPY, else the S&P 500, else the open report's first
  // related ticker, else any other.
  const [b, setB] = useState<string>(
    () => ['SPY', '^GSPC', ...(report && !report.deletedAt ? report.tickers : []), ...props.tickers].find((t) => t !== first && props.tickers.includes(t)) ?? first,
  );
  const [kind, setKind] = useState<ReturnKind>('closeToClose');
  const q = useCall(
    'analytics:relative',
    { a, b, from: w.from, to: w.to, basis: w.basis, returnKind: kind },
    { enabled: Boolean(a && b) },
  );
  const r = q.data;
  return (
    <section className="card" aria-label="Relative performance" data-testid="relative-panel">
      <div className="row gap wrap-row">
        <h2>Relative performance</h2>
        <TickerSelect label="A" value={a} options={props.tickers} onChange={setA} />
        <span className="muted">against</span>
        <TickerSelect label="B" value={b} options={props.tickers} onChange={setB} />
        <label>
          Return
          <select value={kind} onChange={(e) => setKind(e.target.value as ReturnKind)} aria-label="Return basis">
            {KINDS.map((k) => (
              <option key={k.value} value={k.value}>
                {k.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {q.error && (
        <p role="alert" className="error">
          {q.error.message}
        </p>
      )}
      {r && (
        <>
          <dl className="figure-row">
            <FigureValue label={r.a} figure={r.returnA} format="signedPercent" testId="rel-returnA" />
            <FigureValue label={r.b} figure={r.returnB} format="signedPercent" testId="rel-returnB" />
            <FigureValue
              label={`${r.a} − ${r.b}`}
              figure={r.difference}
              format="signedPercent"
              testId="rel-difference"
            />
            <FigureValue label="Correlation" figure={r.correlation} format="number" testId="rel-correlation" />
            <FigureValue label={`Beta to ${r.b}`} figure={r.beta} format="number" testId="rel-beta" />
          </dl>
          <RatioLine dates={r.ratio.dates} values={r.ratio.values} label={`${r.a}/${r.b} rebased`} />
        </>
      )}
    </section>
  );
}

/** A ticker chooser over the archive's tickers. */
export function TickerSelect(props: {
  label: string;
  value: string;
  options: string[];
  onChange: (t: string) => void;
}): React.JSX.Element {
  return (
    <select value={props.value} onChange={(e) => props.onChange(e.target.value)} aria-label={props.label}>
      {props.options.map((t) => (
        <option key={t} value={t}>
          {t}
        </option>
      ))}
    </select>
  );
}
