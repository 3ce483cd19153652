import { formatDate } from '@renderer/lib/format';
import type { LegendBar } from './series';

const price = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const volume = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `+1.23 (+0.45 %)`, signed, or `—` on the first bar. */
function change(l: LegendBar): string {
  if (l.change === null || l.changePct === null) return '—';
  const sign = l.change > 0 ? '+' : l.change < 0 ? '−' : '';
  return `${sign}${price.format(Math.abs(l.change))} (${sign}${price.format(Math.abs(l.changePct * 100))}\u00a0%)`;
}

/** The legend of the bar under the crosshair (the last bar when the crosshair is away). */
export function ChartLegend(props: {
  ticker: string;
  legend: LegendBar | null;
  /** The moving averages shown, with their value at the bar under the crosshair (null before enough bars). */
  smas?: Array<{ key: string; label: string; value: number | null; color: string }>;
}): React.JSX.Element {
  const l = props.legend;
  if (!l) return <div className="chart-legend" data-testid="chart-legend" />;
  const dir = l.change === null ? '' : l.change >= 0 ? 'up' : 'down';
  return (
    <div className="chart-legend" data-testid="chart-legend" aria-live="polite">
      <span className="legend-ticker">{props.ticker}</span>
      <span data-testid="legend-date">{formatDate(l.date)}</span>
      {/* A close-only series has no open, high or low: the legend shows what there is. */}
      {Number.isFinite(l.open) && (
        <span>
          O <b data-testid="legend-open">{price.format(l.open)}</b>
        </span>
      )}
      {Number.isFinite(l.high) && (
        <span>
          H <b data-testid="legend-high">{price.format(l.high)}</b>
        </span>
      )}
      {Number.isFinite(l.low) && (
        <span>
          L <b data-testid="legend-low">{price.format(l.low)}</b>
        </span>
      )}
      <span>
        C <b data-testid="legend-close">{price.format(l.close)}</b>
      </span>
      <b className={dir} data-testid="legend-change">
        {change(l)}
      </b>
      <span>
        Vol <b data-testid="legend-volume">{l.volume === null ? 'n/a' : volume.format(l.volume)}</b>
      </span>
      {props.smas?.map((s) => (
        <span key={s.key} style={{ color: s.color }}>
          {s.label} <b data-testid={`legend-${s.key}`}>{s.value === null ? '—' : price.format(s.value)}</b>
        </span>
      ))}
    </div>
  );
}
