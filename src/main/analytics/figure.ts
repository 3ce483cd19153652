import type { Figure } from '../../shared/analytics';
import type { PriceBasis, TradingDate } from '../../shared/domain';

/** A finite number as is, anything else (NaN, ±Infinity, undefined) as null: JSON never sees NaN. */
export function finiteOrNull(x: number | undefined): number | null {
  return x !== undefined && Number.isFinite(x) ? x : null;
}

/** Builds a figure with its provenance; a non-finite value becomes null. */
export function figure(
  value: number | undefined,
  formula: string,
  basis: PriceBasis,
  used: { bars: number; firstDate: TradingDate | null; lastDate: TradingDate | null },
  notes: string[] = [],
  date?: TradingDate | null,
): Figure {
  const f: Figure = {
    value: finiteOrNull(value),
    formula,
    bars: used.bars,
    firstDate: used.firstDate,
    lastDate: used.lastDate,
    basis,
    notes,
  };
  if (date !== undefined) f.date = date;
  return f;
}
