import { sparklinePath } from '@renderer/lib/sparkline';

/** A sparkline of closes (oldest first), green when the last is above the first, red otherwise. */
export function Sparkline(props: { closes: ReadonlyArray<number | null>; width?: number; height?: number }): React.JSX.Element {
  const { closes, width = 80, height = 20 } = props;
  const finite = closes.filter((c): c is number => c !== null && Number.isFinite(c));
  const dir = finite.length > 1 && finite.at(-1)! < finite[0]! ? 'down' : 'up';
  return (
    <svg className={`sparkline ${dir}`} width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
      <path d={sparklinePath(closes, width, height)} />
    </svg>
  );
}
