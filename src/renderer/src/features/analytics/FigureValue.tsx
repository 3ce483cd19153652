import { BASIS_LABELS } from '@shared/domain';
import { useId } from 'react';
import type { Figure } from '@shared/analytics';
import { formatDate, formatVolume } from '@renderer/lib/format';

/** How a figure is displayed: a fraction as a signed percentage, a price, a share count. */
export type FigureFormat = 'percent' | 'signedPercent' | 'price' | 'volume' | 'number';

/** Formats a figure's value for display; null shows as an em dash with the reason in the tooltip. */
export function formatFigure(value: number | null, format: FigureFormat): string {
  if (value === null) return '—';
  switch (format) {
    case 'percent':
      return `${(value * 100).toFixed(2)}\u00a0%`;
    case 'signedPercent':
      return `${value > 0 ? '+' : value < 0 ? '−' : ''}${Math.abs(value * 100).toFixed(2)}\u00a0%`;
    case 'price':
      return value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    case 'volume':
      return formatVolume(value);
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
  }
}

/** One figure with its label; hovering or focusing it shows how it was computed. */
export function FigureValue(props: {
  label: string;
  figure: Figure;
  format: FigureFormat;
  testId?: string;
  extra?: string;
  /** Show the figure's own date (the day of a high or low). */
  showDate?: boolean;
}): React.JSX.Element {
  const tipId = useId();
  const f = props.figure;
  const tone =
    props.format === 'signedPercent' && f.value !== null ? (f.value > 0 ? 'up' : f.value < 0 ? 'down' : '') : '';
  return (
    <div className="figure" tabIndex={0} aria-describedby={tipId}>
      <dt>{props.label}</dt>
      <dd className={tone}>
        <span data-testid={props.testId}>{formatFigure(f.value, props.format)}</span>
        {props.showDate && f.date && <span className="muted small"> {formatDate(f.date)}</span>}
        {props.extra && <span className="muted small figure-extra"> {props.extra}</span>}
      </dd>
      <div className="figure-tip" role="tooltip" id={tipId}>
        <div className="mono">{f.formula}</div>
        <div>
          {f.bars} {f.bars === 1 ? 'bar' : 'bars'}
          {f.firstDate && `, ${formatDate(f.firstDate)} → ${formatDate(f.lastDate)}`} ·{' '}
          prices {BASIS_LABELS[f.basis]}
        </div>
        {f.notes.map((n, i) => (
          <div key={i} className="warn">
            {n}
          </div>
        ))}
      </div>
    </div>
  );
}
