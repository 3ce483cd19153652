import type { BreadthSeries } from '@shared/breadth';
import { formatDate, formatVolume } from '@renderer/lib/format';
import { lowerBound } from '@shared/sorted-dates';
import './breadth.css';

const pct = (v: number | null | undefined): string => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(0)}\u00a0%`);
const signed = (v: number): string => `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

/**
 * The breadth of the universe on one day (the chart's crosshair day, else the last in view): how many
 * members advanced, declined, held or are missing, the A/D line, volumes, the share above each average
 * with how many members it rests on, new highs and lows, McClellan, and equal weight against the benchmark.
 */
export function BreadthTable(props: { breadth: BreadthSeries; date: string | null }): React.JSX.Element {
  const b = props.breadth;
  // The day shown, else the last breadth day before it (the benchmark may trade when no member does).
  const lb = props.date ? lowerBound(b.dates, props.date) : b.dates.length;
  const w = props.date && b.dates[lb] === props.date ? lb : lb - 1;
  if (w < 0 || b.dates.length === 0) {
    return <p className="muted small breadth-table">No breadth before {formatDate(b.dates[0] ?? null)}: the window starts there.</p>;
  }
  const total = b.universe.tickers.length;
  const bench = b.benchmark?.index[w];
  return (
    <section className="breadth-table" aria-label="Breadth on the day" data-testid="breadth-table" data-date={b.dates[w]}>
      <h2>
        Breadth of {b.universe.label} on <span data-testid="breadth-date">{formatDate(b.dates[w]!)}</span>
        <span className="muted small"> · {total} members{b.universe.withoutBars.length ? `, ${b.universe.withoutBars.length} without bars` : ''}</span>
      </h2>
      <dl>
        <div>
          <dt>Advancers / decliners</dt>
          <dd data-testid="breadth-adv-dec">
            {b.advancers[w]} / {b.decliners[w]}
            <span className="muted small">
              {' '}
              · {b.unchanged[w]} unchanged · {b.missing[w]} missing
            </span>
          </dd>
        </div>
        <div>
          <dt>A/D line</dt>
          <dd data-testid="breadth-ad-line">{signed(b.adLine[w]!)}</dd>
        </div>
        <div>
          <dt>Up / down volume</dt>
          <dd>
            {formatVolume(b.upVolume[w]!)} / {formatVolume(b.downVolume[w]!)}
          </dd>
        </div>
        {(['sma20', 'sma50', 'sma200'] as const).map((k) => (
          <div key={k}>
            <dt>Above {k.slice(3)}-day average</dt>
            <dd data-testid={`breadth-above-${k}`}>
              {pct(b.above[k].share[w])}
              <span className="muted small"> of {b.above[k].base[w]}</span>
            </dd>
          </div>
        ))}
        <div>
          <dt>New 52-week highs / lows</dt>
          <dd>
            {b.newHighs[w]} / {b.newLows[w]}
            <span className="muted small"> of {b.highLowBase[w]}</span>
          </dd>
        </div>
        <div>
          <dt>McClellan · summation</dt>
          <dd data-testid="breadth-mcclellan">
            {signed(Number(b.mcclellan[w]!.toFixed(2)))} · {signed(Number(b.summation[w]!.toFixed(2)))}
          </dd>
        </div>
        <div>
          <dt>Equal weight{b.benchmark ? ` vs ${b.benchmark.ticker}` : ''}</dt>
          <dd>
            {b.equalWeight[w]!.toFixed(2)}
            {bench !== undefined && bench !== null && <span className="muted small"> vs {bench.toFixed(2)}</span>}
          </dd>
        </div>
      </dl>
    </section>
  );
}
