/** The sparkline path: pure SVG geometry for a small line of closes (the watchlist rows draw it). */

/**
 * An SVG path through the closes of a sparkline, scaled to `width` × `height` (y grows downwards);
 * a missing close breaks the line. Empty when fewer than two closes are finite.
 */
export function sparklinePath(closes: ReadonlyArray<number | null>, width: number, height: number, pad = 1): string {
  let min = Infinity;
  let max = -Infinity;
  let finite = 0;
  for (const c of closes) {
    if (c === null || !Number.isFinite(c)) continue;
    finite++;
    if (c < min) min = c;
    if (c > max) max = c;
  }
  if (finite < 2) return '';
  const span = max - min || 1;
  const step = closes.length > 1 ? (width - 2 * pad) / (closes.length - 1) : 0;
  const r = (v: number): string => String(Math.round(v * 100) / 100);
  let path = '';
  let pen = false;
  closes.forEach((c, i) => {
    if (c === null || !Number.isFinite(c)) {
      pen = false;
      return;
    }
    const x = pad + i * step;
    const y = max === min ? height / 2 : pad + (1 - (c - min) / span) * (height - 2 * pad);
    path += `${pen ? 'L' : 'M'}${r(x)} ${r(y)}`;
    pen = true;
  });
  return path;
}
