/**
 * Columns decided by what they hold, for headers that name nothing useful (`"%Y-%m-%d"`, `Unnamed: 0`,
 * an empty name, a language Breadth does not know, a series code such as `SP500`): a column whose
 * values are all dates is the date column; among the numeric columns, one that is at least every other
 * price on every row is the high, one at most every other the low, the two left are open and close in
 * the file's order; whole numbers far above the prices are the volume; a single number beside the date
 * is the close of a close-only series. What the content cannot settle stays unmapped, for the analyst.
 */
import type { BarField, ColumnMapping } from '../../shared/import';
import { looksLikeDate } from './dates';
import { isMissing, parseNumber } from './numbers';

/** Share of a column's non-empty sample values that must fit for the column to count as dates or numbers. */
const MOSTLY = 0.95;

/** The columns no field is mapped to. */
export function unmappedColumns(width: number, mapping: ColumnMapping): number[] {
  const used = new Set(Object.values(mapping));
  const out: number[] = [];
  for (let i = 0; i < width; i++) if (!used.has(i)) out.push(i);
  return out;
}

function values(rows: string[][], col: number): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const v = (r[col] ?? '').trim();
    if (v !== '' && !isMissing(v)) out.push(v);
  }
  return out;
}

/** Whether most of a column's sample values are numbers (with the file's decimal mark). */
export function numericColumn(rows: string[][], col: number, dm: '.' | ','): boolean {
  const v = values(rows, col);
  if (v.length === 0) return false;
  let ok = 0;
  for (const x of v) if (Number.isFinite(parseNumber(x, dm))) ok++;
  return ok >= v.length * MOSTLY;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : NaN;
}

/**
 * Fills what a header's names left unmapped from the sample rows' content. Returns the mapping it
 * completed (the one given is not changed).
 */
export function mapByContent(width: number, rows: string[][], mapping: ColumnMapping, dm: '.' | ','): ColumnMapping {
  const m: ColumnMapping = { ...mapping };
  if (rows.length === 0) return m;
  if (m.date === undefined) {
    const date = unmappedColumns(width, m).find((c) => {
      const v = values(rows, c);
      return v.length > 0 && v.filter((x) => looksLikeDate(x) && !/^\d+([.,]\d+)?$/.test(x)).length >= v.length * MOSTLY;
    });
    if (date !== undefined) m.date = date;
  }
  const numeric = unmappedColumns(width, m).filter((c) => numericColumn(rows, c, dm));
  if (numeric.length === 0) return m;
  const num = (r: string[], c: number): number => parseNumber((r[c] ?? '').trim(), dm);

  // Volume: whole numbers far above the prices.
  const medians = new Map(numeric.map((c) => [c, median(values(rows, c).map((x) => parseNumber(x, dm)))]));
  const whole = (c: number): boolean => values(rows, c).every((x) => Number.isInteger(parseNumber(x, dm)));
  let prices = numeric;
  if (m.volume === undefined && numeric.length >= 2) {
    const priceLevel = Math.max(...numeric.map((c) => (whole(c) ? 0 : medians.get(c)!)), ...(['open', 'high', 'low', 'close'] as const).flatMap((f) => (m[f] === undefined ? [] : [median(values(rows, m[f]!).map((x) => parseNumber(x, dm)))])));
    const vol = numeric.find((c) => whole(c) && priceLevel > 0 && medians.get(c)! > 50 * priceLevel);
    if (vol !== undefined) {
      m.volume = vol;
      prices = numeric.filter((c) => c !== vol);
    }
  }

  const roles = ['open', 'high', 'low', 'close'] as const;
  const missing = roles.filter((f) => m[f] === undefined);
  if (missing.length === 0 || prices.length === 0) return m;
  // A date and one value: a close-only series.
  if (prices.length === 1 && missing.length === 4) {
    m.close = prices[0]!;
    return m;
  }
  const all = [...prices, ...roles.filter((f) => m[f] !== undefined).map((f) => m[f]!)];
  const rowsWithAll = rows.filter((r) => all.every((c) => Number.isFinite(num(r, c))));
  if (rowsWithAll.length === 0) return m;
  const everyRow = (c: number, cmp: (x: number, y: number) => boolean): boolean =>
    rowsWithAll.every((r) => all.every((o) => o === c || cmp(num(r, c), num(r, o))));
  const assign = (field: BarField, c: number): void => {
    m[field] = c;
    prices = prices.filter((p) => p !== c);
  };
  if (m.high === undefined) {
    const hs = prices.filter((c) => everyRow(c, (x, y) => x >= y));
    // Two columns always equal would both pass; only a single one decides.
    if (hs.length === 1) assign('high', hs[0]!);
  }
  if (m.low === undefined) {
    const ls = prices.filter((c) => everyRow(c, (x, y) => x <= y));
    if (ls.length === 1) assign('low', ls[0]!);
  }
  const left = roles.filter((f) => m[f] === undefined && (f === 'open' || f === 'close'));
  // Open and close are told apart by the file's order only: open comes first in every layout we know.
  if (m.high !== undefined && m.low !== undefined && left.length === prices.length) {
    const sorted = [...prices].sort((a, b) => a - b);
    left.forEach((f, i) => (m[f] = sorted[i]!));
  }
  // Placed whole or not at all: a close without its open, high and low (or prices without a close) was
  // not understood, and is left to the analyst rather than half placed.
  if (roles.some((f) => m[f] === undefined)) for (const f of roles) if (mapping[f] === undefined) delete m[f];
  return m;
}
