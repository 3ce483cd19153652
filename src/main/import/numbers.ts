/** Tokens that mean "no value" in a numeric field. */
const MISSING = new Set([
  '',
  '-',
  '--',
  'null',
  'NULL',
  'Null',
  'N/A',
  'n/a',
  'NA',
  'na',
  '#N/A',
  'NaN',
  'nan',
  'NAN',
  'None',
  'none',
]);

/** True when a field holds one of the missing-value tokens (`null`, `-`, `N/A`, empty, `NaN`…). */
export function isMissing(field: string): boolean {
  const c = field.charCodeAt(0);
  if (c >= 48 && c <= 57) return false; // starts with a digit: the common case
  return MISSING.has(field) || MISSING.has(field.trim());
}

const PLAIN = /^\d+(?:\.\d+)?$/;
const GENERAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Reads a number written with the given decimal mark, tolerating currency signs, spaces and thousands
 * separators (`$1,234.50`, `1.234,50`, `2.22E+12`). Returns NaN when it is not a number; callers check
 * {@link isMissing} first.
 */
export function parseNumber(field: string, decimalMark: '.' | ','): number {
  if (decimalMark === '.') {
    // Fast path (the hot loop of large imports): digits at both ends and a valid JS number.
    const first = field.charCodeAt(0);
    const last = field.charCodeAt(field.length - 1);
    // (`0b11`, `0x1F`, `0o7` are JS literals, not numbers in a price file.)
    if (first >= 48 && first <= 57 && last >= 48 && last <= 57 && !(first === 48 && field.charCodeAt(1) > 57)) {
      const n = +field;
      if (n === n) return n;
    }
  }
  let s = field.trim().replace(/[$€£¥\s\u00a0']/g, '');
  if (decimalMark === ',') s = s.replace(/\./g, '').replace(',', '.');
  else s = s.replace(/,/g, '');
  return GENERAL.test(s) ? +s : NaN;
}

const SUFFIX: Record<string, number> = { K: 1e3, M: 1e6, B: 1e9, T: 1e12 };

/** Reads a volume, which may carry a K/M/B suffix (`28.51M`). NaN when it is not a number. */
export function parseVolume(field: string, decimalMark: '.' | ','): number {
  if (PLAIN.test(field)) return +field;
  const s = field.trim();
  const last = s.slice(-1).toUpperCase();
  const mult = SUFFIX[last];
  if (mult) {
    const n = parseNumber(s.slice(0, -1), decimalMark);
    return Number.isNaN(n) ? NaN : Math.round(n * mult);
  }
  return parseNumber(s, decimalMark);
}

/** Guesses the decimal mark from sample numeric fields: `1.234,5` and `12,34` say comma. */
export function guessDecimalMark(fields: string[], delimiter: string): { mark: '.' | ','; sure: boolean } {
  let comma = 0;
  let dot = 0;
  for (const raw of fields) {
    const f = raw
      .trim()
      .replace(/[$€£¥\s\u00a0]/g, '')
      .replace(/[KMB%]$/i, '');
    if (/^[+-]?\d{1,3}(\.\d{3})+,\d+$/.test(f) || /^[+-]?\d+,\d{1,2}$/.test(f) || /^[+-]?\d+,\d{4,}$/.test(f)) comma++;
    else if (/^[+-]?\d{1,3}(,\d{3})+\.\d+$/.test(f) || /^[+-]?\d+\.\d{1,2}$/.test(f) || /^[+-]?\d+\.\d{4,}$/.test(f))
      dot++;
  }
  if (comma > dot) return { mark: ',', sure: dot === 0 };
  if (dot > comma) return { mark: '.', sure: comma === 0 };
  return { mark: delimiter === ';' ? ',' : '.', sure: comma === 0 && dot === 0 };
}
