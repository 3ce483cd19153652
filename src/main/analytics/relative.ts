import type { Figure, RelativePerformance, ReturnKind } from '../../shared/analytics';
import type { BarColumns, PriceBasis, TradingDate } from '../../shared/domain';
import { NO_PRICING, priceBars, type PricedBars, type Pricing } from './basis';
import { figure } from './figure';
import { closeToClose, mean, openToClose, sincePriorClose } from './stats';
import { resolveWindow } from './window';

/** The period return of one kind over `[start, end)` (definitions in stats.ts). */
export function periodReturn(
  p: PricedBars,
  start: number,
  end: number,
  kind: ReturnKind,
  notes: string[] = [],
): Figure {
  if (kind === 'openToClose') return openToClose(p, start, end, notes);
  if (kind === 'closeToClose') return closeToClose(p, start, end, notes);
  return sincePriorClose(p, start, end, notes);
}

/** Closes of A and B on the dates both have inside their windows, ascending. */
export function alignCloses(
  a: PricedBars,
  [as, ae]: [number, number],
  b: PricedBars,
  [bs, be]: [number, number],
): { dates: TradingDate[]; a: Float64Array; b: Float64Array } {
  const dates: TradingDate[] = [];
  const ia: number[] = [];
  const ib: number[] = [];
  let i = as;
  let j = bs;
  while (i < ae && j < be) {
    const da = a.dates[i]!;
    const db = b.dates[j]!;
    if (da === db) {
      dates.push(da);
      ia.push(i++);
      ib.push(j++);
    } else if (da < db) i++;
    else j++;
  }
  return {
    dates,
    a: Float64Array.from(ia, (k) => a.close[k]!),
    b: Float64Array.from(ib, (k) => b.close[k]!),
  };
}

/** Pearson correlation and beta (sample covariance / sample variance of y) of x against y; NaN below 3 points. */
export function correlationBeta(x: Float64Array, y: Float64Array): { correlation: number; beta: number } {
  const n = x.length;
  if (n < 2) return { correlation: NaN, beta: NaN };
  const mx = mean(x);
  const my = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let k = 0; k < n; k++) {
    const dx = x[k]! - mx;
    const dy = y[k]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return { correlation: sxy / Math.sqrt(sxx * syy), beta: sxy / syy };
}

/**
 * Relative performance of A against B over a window:
 * - `difference` = return of A − return of B, both of the same kind (default closeToClose);
 * - `ratio` = (A.close / B.close) / (A.close / B.close on the first common date) × 100, on the dates both
 *   have inside the window;
 * - `correlation` (Pearson) and `beta` = cov(rA, rB) / var(rB) (both sample, n − 1) of the daily
 *   close-to-close returns between consecutive common dates.
 */
export function computeRelative(
  barsA: BarColumns,
  barsB: BarColumns,
  opts: {
    from: TradingDate;
    to: TradingDate;
    basis: PriceBasis;
    returnKind?: ReturnKind;
    pricing?: [Pricing, Pricing];
  },
): RelativePerformance {
  const kind = opts.returnKind ?? 'closeToClose';
  const a = priceBars(barsA, opts.basis, opts.pricing?.[0] ?? NO_PRICING);
  const b = priceBars(barsB, opts.basis, opts.pricing?.[1] ?? NO_PRICING);
  const wa = resolveWindow(a.dates, opts.from, opts.to, a.calendar);
  const wb = resolveWindow(b.dates, opts.from, opts.to, b.calendar);
  const returnA = periodReturn(a, wa.start, wa.end, kind, wa.window.missingCount ? ['gap in the window'] : []);
  const returnB = periodReturn(b, wb.start, wb.end, kind, wb.window.missingCount ? ['gap in the window'] : []);
  const al = alignCloses(a, [wa.start, wa.end], b, [wb.start, wb.end]);
  const n = al.dates.length;
  const span = { bars: n, firstDate: al.dates[0] ?? null, lastDate: al.dates[n - 1] ?? null };
  const diffNotes =
    returnA.firstDate !== returnB.firstDate || returnA.lastDate !== returnB.lastDate
      ? ['A and B returns span different bars']
      : [];
  const difference = figure(
    returnA.value !== null && returnB.value !== null ? returnA.value - returnB.value : NaN,
    `${kind}(A) − ${kind}(B)`,
    opts.basis,
    span,
    diffNotes,
  );
  const base = n ? al.a[0]! / al.b[0]! : NaN;
  const values: Array<number | null> = [];
  for (let k = 0; k < n; k++) {
    const v = (al.a[k]! / al.b[k]! / base) * 100;
    values.push(Number.isFinite(v) ? v : null);
  }
  const ra = new Float64Array(Math.max(0, n - 1));
  const rb = new Float64Array(Math.max(0, n - 1));
  for (let k = 1; k < n; k++) {
    ra[k - 1] = al.a[k]! / al.a[k - 1]! - 1;
    rb[k - 1] = al.b[k]! / al.b[k - 1]! - 1;
  }
  const cb = correlationBeta(ra, rb);
  const few = ra.length < 2 ? [`needs at least 3 common bars, found ${n}`] : [];
  return {
    a: barsA.ticker,
    b: barsB.ticker,
    basis: opts.basis,
    window: { a: wa.window, b: wb.window },
    returnKind: kind,
    returnA,
    returnB,
    difference,
    ratio: { dates: al.dates, values },
    correlation: figure(
      cb.correlation,
      `Pearson correlation of ${ra.length} daily returns of A and B on common dates`,
      opts.basis,
      span,
      few,
    ),
    beta: figure(
      cb.beta,
      `cov(rA, rB) / var(rB) of ${ra.length} daily returns on common dates (sample)`,
      opts.basis,
      span,
      few,
    ),
  };
}
