import { useState } from 'react';
import { useCall } from '@renderer/lib/use-call';
import { formatDate } from '@renderer/lib/format';
import { FigureValue, formatFigure } from './FigureValue';
import type { AnalysisWindow } from './WindowPicker';

/** The SPDR sector funds: the usual group for "which sectors led". */
const SECTORS = ['XLB', 'XLC', 'XLE', 'XLF', 'XLI', 'XLK', 'XLP', 'XLRE', 'XLU', 'XLV', 'XLY'];

/** A group table for one day or the window, sorted by change, with the group's breadth. */
export function GroupPanel(props: { tickers: string[]; window: AnalysisWindow }): React.JSX.Element {
  const sectors = props.tickers.filter((t) => SECTORS.includes(t));
  const [text, setText] = useState((sectors.length >= 2 ? sectors : props.tickers.slice(0, 12)).join(', '));
  const [oneDay, setOneDay] = useState(true);
  const w = props.window;
  const tickers = text
    .split(/[\s,;]+/)
    .map((t) => t.trim().toUpperCase())
    .filter(Boolean);
  // The day shown: the window's last date on which most of the group has a bar (a window ending after
  // some tickers' data would otherwise show most of them without a change).
  const summaries = useCall('archive:tickers', {});
  const ends = tickers
    .map((t) => summaries.data?.find((s) => s.symbol === t)?.lastDate ?? null)
    .filter((d): d is string => d !== null)
    .map((d) => (d < w.to ? d : w.to))
    .sort()
    .reverse();
  const day = ends.length ? ends[Math.floor(ends.length / 2)]! : w.to;
  const to = oneDay ? day : w.to;
  const from = oneDay ? day : w.from;
  const q = useCall(
    'analytics:group',
    { tickers, from, to, basis: w.basis, returnKind: oneDay ? 'sincePriorClose' : 'closeToClose' },
    { enabled: tickers.length > 0 },
  );
  const g = q.data;
  const maxAbs = Math.max(1e-9, ...(g?.rows.map((r) => Math.abs(r.change.value ?? 0)) ?? [0]));
  return (
    <section className="card" aria-label="Group table" data-testid="group-panel">
      <div className="row gap wrap-row">
        <h2>
          Group{' '}
          <span className="muted small" data-testid="group-span">
            {oneDay ? `· one day, ${formatDate(day)}` : `· the window, ${formatDate(w.from)} → ${formatDate(w.to)}`}
          </span>
        </h2>
        <input
          className="grow"
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label="Tickers of the group"
        />
        <label className="check">
          <input type="checkbox" checked={oneDay} onChange={(e) => setOneDay(e.target.checked)} />
          one day ({formatDate(day)})
        </label>
      </div>
      {q.error && (
        <p role="alert" className="error">
          {q.error.message}
        </p>
      )}
      {g && (
        <>
          <p className="muted small" data-testid="group-breadth">
            {g.breadth.advancers} advancing, {g.breadth.decliners} declining
            {g.breadth.unchanged ? `, ${g.breadth.unchanged} unchanged` : ''} · {g.breadth.aboveSma20} of{' '}
            {g.breadth.tickers} above their 20-day average, {g.breadth.aboveSma50} above the 50-day
            {g.breadth.noData ? ` · ${g.breadth.noData} without data` : ''}
          </p>
          <table className="grid compact" aria-label="Group changes">
            <thead>
              <tr>
                <th scope="col">Ticker</th>
                <th scope="col" className="num">
                  Change
                </th>
                <th scope="col" className="bar-col"></th>
                <th scope="col" className="num">
                  Close
                </th>
                <th scope="col">SMA 20</th>
                <th scope="col">SMA 50</th>
              </tr>
            </thead>
            <tbody>
              {g.rows.map((r) => (
                <tr key={r.ticker}>
                  <th scope="row">{r.ticker}</th>
                  <td className="num">
                    <dl className="inline-figure">
                      <FigureValue
                        label=""
                        figure={r.change}
                        format="signedPercent"
                        testId={`group-change-${r.ticker}`}
                      />
                    </dl>
                  </td>
                  <td className="bar-col">
                    {r.change.value !== null && (
                      <span
                        className={r.change.value >= 0 ? 'hbar up' : 'hbar down'}
                        style={{ width: `${(Math.abs(r.change.value) / maxAbs) * 100}%` }}
                      />
                    )}
                  </td>
                  <td className="num">{formatFigure(r.close, 'price')}</td>
                  <td>{r.aboveSma20 === null ? '—' : r.aboveSma20 ? 'above' : 'below'}</td>
                  <td>{r.aboveSma50 === null ? '—' : r.aboveSma50 ? 'above' : 'below'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
