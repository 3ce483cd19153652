/** A small SVG line of a rebased series (100 = start), with the 100 line for reference. */
export function RatioLine(props: {
  dates: string[];
  values: Array<number | null>;
  label: string;
}): React.JSX.Element | null {
  const points = props.values
    .map((v, i) => [i, v] as const)
    .filter((p): p is readonly [number, number] => p[1] !== null);
  if (points.length < 2) return null;
  const W = 600;
  const H = 140;
  const ys = points.map((p) => p[1]);
  const lo = Math.min(100, ...ys);
  const hi = Math.max(100, ...ys);
  const span = hi - lo || 1;
  const n = props.values.length - 1 || 1;
  const x = (i: number): number => (i / n) * W;
  const y = (v: number): number => H - 6 - ((v - lo) / span) * (H - 12);
  const d = points.map(([i, v], k) => `${k ? 'L' : 'M'}${x(i).toFixed(1)},${y(v).toFixed(1)}`).join('');
  const last = points[points.length - 1]![1];
  return (
    <figure className="ratio-line">
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={props.label}>
        <line x1="0" x2={W} y1={y(100)} y2={y(100)} className="baseline" />
        <path d={d} className={last >= 100 ? 'up' : 'down'} />
      </svg>
      <figcaption className="muted small">
        {props.label}: {props.dates[0]} = 100 → {last.toFixed(2)} on {props.dates[props.dates.length - 1]}
      </figcaption>
    </figure>
  );
}
