import { marketByCode, suggestMarket } from '../../shared/markets';
import { isWeekend, nyseHoliday } from '../../shared/calendar';
import type { FileDetection, ImportIssue, IssueKind, PreviewBar } from '../../shared/import';
import { dateParser } from './dates';
import { normaliseTicker } from './dialects';
import { isMissing, parseNumber, parseVolume } from './numbers';

/** One valid row of a file, ready to write. */
export interface Row extends PreviewBar {
  raw: string;
  /** Cash dividend per share the file's row carries (its Dividends column), when not zero. */
  dividend?: number;
  /** Split ratio the row carries (Stock Splits, split_coefficient), when not 0 or 1. */
  split?: number;
  /** True once any warning was raised for the row. */
  warned: boolean;
  /** True when the run check rejected it (a conflicting duplicate date). */
  rejected?: boolean;
}

/** Receives every issue found, in file order per ticker. */
export type IssueSink = (issue: ImportIssue) => void;

const TICKER_RE = /^[A-Z0-9^][A-Z0-9^.\-=_]*$/;
// Relative slack for High/Low containment: yfinance writes floats like 11.601027488708496 vs
// 11.601027488708494, a rounding artefact, not a bad bar; a cent on a $10 stock is 1e-3.
const RANGE_TOLERANCE = 1e-6;

const calendarCache = new Map<number, { kind: IssueKind; reason: string } | null>();

/** Why a date is not an NYSE trading day (weekend or holiday), or null when it is one. */
export function nonTradingReason(date: string): { kind: IssueKind; reason: string } | null {
  // Keyed by the number YYYYMMDD: hashing a small integer is much cheaper than a fresh string per row.
  let key = 0;
  for (let i = 0; i < 10; i++) {
    const c = date.charCodeAt(i);
    if (c !== 45) key = key * 10 + (c - 48);
  }
  let hit = calendarCache.get(key);
  if (hit !== undefined) return hit;
  if (isWeekend(date)) {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay() === 0 ? 'Sunday' : 'Saturday';
    hit = { kind: 'weekend', reason: `${date} is a ${day}` };
  } else {
    // The calendar's rules hold from 1971 (Monday holidays); earlier years had other closures.
    const holiday = date >= '1971-01-01' ? nyseHoliday(date) : null;
    hit = holiday ? { kind: 'holiday', reason: `${date} is an NYSE holiday (${holiday})` } : null;
  }
  if (calendarCache.size > 100_000) calendarCache.clear();
  calendarCache.set(key, hit);
  return hit;
}

/** A price field as a number: NaN when missing or not a number (the row is then rejected). */
function readPrice(field: string, dm: '.' | ','): number {
  return isMissing(field) ? NaN : parseNumber(field, dm);
}

/**
 * A price in a message as prices are shown (2 decimals: 92.07, not 92.06999969482422), with more
 * decimals only where 2 would hide its difference from `other` (High 92.0649 is below Close 92.07).
 */
export function shownPrice(v: number, other?: number): string {
  for (let d = 2; d <= 8; d++) {
    const s = v.toFixed(d);
    if (other === undefined || s !== other.toFixed(d)) return s;
  }
  return String(v);
}

/** Says why a price field is unusable (missing, not a number, not positive). */
function priceProblem(out: string[], field: string, value: number, name: string): void {
  if (value > 0 && Number.isFinite(value)) return;
  if (isMissing(field)) out.push(`${name} is missing`);
  else if (Number.isNaN(value)) out.push(`${name} "${field.trim()}" is not a number`);
  else out.push(`${name} ${value} is not a positive price`);
}

/**
 * Parses and checks one data line against the detected layout. Returns the row (possibly with
 * warnings) or null when the line was rejected or skipped; every problem goes to `sink`.
 */
export function makeRowParser(
  det: FileDetection,
  file: string,
  sink: IssueSink,
  today: string = new Date().toISOString().slice(0, 10),
): (fields: string[] | null, raw: string, line: number, fallbackTicker: string | null) => Row | null {
  const m = det.mapping;
  const iDate = m.date!;
  // Open, high and low are optional: a close-only series has none of them.
  const iOpen = m.open;
  const iHigh = m.high;
  const iLow = m.low;
  const iClose = m.close!;
  const iAdj = m.adjClose;
  const iVol = m.volume;
  const iTicker = m.ticker;
  const iDiv = m.dividend;
  const iSplit = m.split;
  const width = Math.max(iDate, iOpen ?? 0, iHigh ?? 0, iLow ?? 0, iClose, iAdj ?? 0, iVol ?? 0, iTicker ?? 0) + 1;
  const parseDate = dateParser(det.dateFormat!);
  const dm = det.decimalMark;
  const hasVolume = iVol !== undefined;
  const issue = (
    row: { line: number; raw: string; ticker: string | null; date: string | null },
    severity: ImportIssue['severity'],
    kind: IssueKind,
    reason: string,
  ): void => sink({ file, line: row.line, raw: row.raw, severity, kind, reason, ticker: row.ticker, date: row.date });

  // Holidays by the calendar of the ticker's market; a market without one is judged by weekends only.
  const nyse = new Map<string, boolean>();
  const closedOn = (date: string, t: string): { kind: IssueKind; reason: string } | null => {
    let known = nyse.get(t);
    if (known === undefined) nyse.set(t, (known = marketByCode(det.market ?? suggestMarket(t))?.calendar === 'NYSE'));
    if (known) return nonTradingReason(date);
    if (!isWeekend(date)) return null;
    return nonTradingReason(date);
  };
  let lastRawTicker: string | null = null;
  let lastTicker = '';
  // One position record reused for every row (the sink copies what it keeps): no allocation per row.
  const at: { line: number; raw: string; ticker: string | null; date: string | null } = {
    line: 0,
    raw: '',
    ticker: null,
    date: null,
  };
  return (fields, raw, line, fallbackTicker) => {
    at.line = line;
    at.raw = raw;
    at.ticker = fallbackTicker;
    at.date = null;
    if (fields === null) {
      issue(at, 'rejected', 'columns', 'unbalanced quotes');
      return null;
    }
    let empty = true;
    for (const f of fields)
      if (f.trim() !== '') {
        empty = false;
        break;
      }
    if (empty) return null;
    const dateField = (fields[iDate] ?? '').trim();
    const date = parseDate(dateField);
    if (date === null) {
      const numeric = [iOpen, iHigh, iLow, iClose].some((i) => {
        const f = i === undefined ? undefined : fields[i];
        return f !== undefined && !isMissing(f) && !Number.isNaN(parseNumber(f, dm));
      });
      if (!numeric) {
        issue(at, 'warning', 'stray', 'not a data row (no date, no prices); skipped');
        return null;
      }
      issue(
        at,
        'rejected',
        'date',
        dateField ? `"${dateField}" is not a date in the format ${det.dateFormat}` : 'the date is missing',
      );
      return null;
    }
    at.date = date;
    let ticker = fallbackTicker;
    if (iTicker !== undefined) {
      const rawTicker = fields[iTicker] ?? '';
      // Rows of one ticker come together: normalise each spelling once, not once per row.
      if (rawTicker !== lastRawTicker) {
        lastRawTicker = rawTicker;
        lastTicker = normaliseTicker(rawTicker, det.provider);
      }
      const t = lastTicker;
      if (!TICKER_RE.test(t) || t.length > 24) {
        issue(at, 'rejected', 'columns', t ? `"${t}" is not a ticker symbol` : 'the ticker is missing');
        return null;
      }
      ticker = t;
      at.ticker = t;
    }
    if (ticker === null) {
      issue(at, 'rejected', 'columns', 'no ticker for this row');
      return null;
    }
    if (fields.length < width) {
      issue(at, 'rejected', 'columns', `expected at least ${width} columns, found ${fields.length}`);
      return null;
    }
    if (date > today || date < '1850-01-01') {
      issue(at, 'rejected', 'date', date > today ? `${date} is in the future` : `${date} is before any exchange data`);
      return null;
    }
    // A dated row without a single price (FRED's holidays, a provider's `null` rows) holds no bar: skipped.
    if ([iOpen, iHigh, iLow, iClose].every((i) => i === undefined || fields[i] === undefined || isMissing(fields[i]))) {
      const closed = closedOn(date, ticker);
      issue(at, 'warning', 'stray', closed ? `no prices: skipped (${closed.reason})` : `no prices on ${date}: skipped`);
      return null;
    }
    // A file without an open, high or low column gives null; a mapped column must have a price.
    const optional = (i: number | undefined): number | null => (i === undefined ? null : readPrice(fields[i]!, dm));
    const open = optional(iOpen);
    const high = optional(iHigh);
    const low = optional(iLow);
    const close = readPrice(fields[iClose]!, dm);
    let adjClose: number | null = null;
    if (iAdj !== undefined && !isMissing(fields[iAdj]!)) adjClose = readPrice(fields[iAdj]!, dm);
    if (
      !((open === null || open > 0) && (high === null || high > 0) && (low === null || low > 0) && close > 0 && (adjClose === null || adjClose > 0)) ||
      !Number.isFinite((open ?? 0) + (high ?? 0) + (low ?? 0) + close + (adjClose ?? 0))
    ) {
      const problems: string[] = [];
      if (open !== null) priceProblem(problems, fields[iOpen!]!, open, 'Open');
      if (high !== null) priceProblem(problems, fields[iHigh!]!, high, 'High');
      if (low !== null) priceProblem(problems, fields[iLow!]!, low, 'Low');
      priceProblem(problems, fields[iClose]!, close, 'Close');
      if (adjClose !== null) priceProblem(problems, fields[iAdj!]!, adjClose, 'Adj Close');
      issue(at, 'rejected', 'price', problems.join('; '));
      return null;
    }
    // The range holds what the row has: High ≥ Open, Close; Low ≤ them; High ≥ Low.
    const o = open ?? close;
    const top = o > close ? o : close;
    const bottom = o < close ? o : close;
    const slack = top * RANGE_TOLERANCE;
    const hi = high ?? Infinity;
    const lo = low ?? -Infinity;
    if (hi < top - slack || lo > bottom + slack || hi < lo - slack) {
      const why: string[] = [];
      if (hi < top - slack) why.push(`High ${shownPrice(hi, top)} is below ${o >= close && open !== null ? 'Open' : 'Close'} ${shownPrice(top, hi)}`);
      if (lo > bottom + slack) why.push(`Low ${shownPrice(lo, bottom)} is above ${o <= close && open !== null ? 'Open' : 'Close'} ${shownPrice(bottom, lo)}`);
      if (hi < lo - slack) why.push(`High ${shownPrice(hi, lo)} is below Low ${shownPrice(lo, hi)}`);
      issue(at, 'rejected', 'range', why.join('; '));
      return null;
    }
    let volume: number | null = null;
    if (iVol !== undefined) {
      const f = fields[iVol]!;
      if (!isMissing(f)) {
        volume = parseVolume(f, dm);
        if (Number.isNaN(volume) || !Number.isFinite(volume)) {
          issue(at, 'rejected', 'volume', `Volume "${f.trim()}" is not a number`);
          return null;
        }
        if (volume < 0) {
          issue(at, 'rejected', 'volume', `Volume ${volume} is negative`);
          return null;
        }
      }
    }
    const row: Row = { line, raw, ticker, date, open, high, low, close, adjClose, volume, warned: false };
    // A corporate action in the row's own columns (0 / 1 / empty: none); an unreadable one is a warning.
    if (iDiv !== undefined && fields[iDiv] !== undefined && !isMissing(fields[iDiv])) {
      const d = readPrice(fields[iDiv], dm);
      if (d > 0 && Number.isFinite(d)) row.dividend = d;
      else if (!(d === 0)) {
        issue(at, 'warning', 'price', `Dividend "${fields[iDiv].trim()}" is not an amount: not recorded`);
        row.warned = true;
      }
    }
    if (iSplit !== undefined && fields[iSplit] !== undefined && !isMissing(fields[iSplit])) {
      const s = readPrice(fields[iSplit], dm);
      if (s > 0 && s !== 1 && Number.isFinite(s)) row.split = s;
      else if (!(s === 0 || s === 1)) {
        issue(at, 'warning', 'price', `Split "${fields[iSplit].trim()}" is not a ratio: not recorded`);
        row.warned = true;
      }
    }
    const closed = closedOn(date, ticker);
    if (closed) {
      issue(at, 'warning', closed.kind, closed.reason);
      row.warned = true;
    }
    const flat = open === high && high === low && low === close;
    if (flat && hasVolume && !volume) {
      issue(at, 'warning', 'flat', `flat placeholder row: Open = High = Low = Close = ${shownPrice(close)}, no volume`);
      row.warned = true;
    } else if (volume === 0) {
      issue(at, 'warning', 'zero-volume', 'volume is 0');
      row.warned = true;
    }
    return row;
  };
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * The number written as plain `digits[.digits]` in s[a..b) (at most 15 digits), else -1. Exactly the
 * value `+s.slice(a, b)` gives: the digits form an integer below 2^53 and the divisor an exact power of
 * ten, so the one rounding of the division is the correctly rounded decimal (Clinger's fast path).
 */
function plainNumber(s: string, a: number, b: number): number {
  const n = b - a;
  if (n <= 0 || n > 16) return -1;
  let m = 0;
  let frac = -1;
  for (let i = a; i < b; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      if (frac >= 0) frac++;
    } else if (d === -2 && frac < 0 && i > a && i < b - 1) frac = 0;
    else return -1;
  }
  if (frac < 0) return n > 15 ? -1 : m;
  return m / POW10[frac]!;
}

/** Fast line parser: the row of a plain line, or null to leave the line to the general parser. */
export type FastRowParser = (line: string, lineNo: number, fallbackTicker: string | null) => Row | null;

/**
 * The hot path of a large import, for files with `.` decimals and `YYYY-MM-DD` dates: reads a plain,
 * unquoted line straight from the string (no split, no field strings) and returns its row only when it
 * is a perfectly ordinary bar, one the general parser ({@link makeRowParser}) would return with exactly
 * the same values and no issue at all. Anything else (quotes, spaces, missing or odd numbers, too few
 * columns, a bad, future, weekend or holiday date, a bad ticker, a non-positive price, a range
 * problem, zero or missing volume) gives null, and the caller hands the line to the general parser,
 * which reports it as before. Null when the layout has no fast path.
 */
export function makeFastRowParser(
  det: FileDetection,
  today: string = new Date().toISOString().slice(0, 10),
): FastRowParser | null {
  if (det.decimalMark !== '.' || det.dateFormat !== 'YYYY-MM-DD') return null;
  // Files with corporate-action columns take the general path, which reads them.
  if (det.mapping.dividend !== undefined || det.mapping.split !== undefined) return null;
  // So do close-only series.
  if (det.mapping.open === undefined || det.mapping.high === undefined || det.mapping.low === undefined) return null;
  const delim = det.delimiter;
  if (delim.length !== 1 || delim === '"' || delim === ' ') return null;
  const m = det.mapping;
  const iDate = m.date!;
  const iOpen = m.open!;
  const iHigh = m.high!;
  const iLow = m.low!;
  const iClose = m.close!;
  const iAdj = m.adjClose ?? -1;
  const iVol = m.volume ?? -1;
  const iTicker = m.ticker ?? -1;
  const width = Math.max(iDate, iOpen, iHigh, iLow, iClose, iAdj, iVol, iTicker, 0) + 1;
  const parseDate = dateParser('YYYY-MM-DD');
  // starts[f] is where field f begins; field f ends one before starts[f + 1].
  const starts = new Int32Array(width + 1);
  // Per date (as the number YYYYMMDD): the date when it is a valid trading day in range, else null.
  const dates = new Map<number, string | null>();
  let lastRaw = '\u0000';
  let lastTicker: string | null = null;
  return (line, lineNo, fallbackTicker) => {
    if (line.indexOf('"') >= 0) return null;
    let pos = 0;
    for (let f = 0; f < width; f++) {
      starts[f] = pos;
      const next = line.indexOf(delim, pos);
      if (next < 0) {
        if (f !== width - 1) return null;
        pos = line.length + 1;
      } else pos = next + 1;
    }
    starts[width] = pos;
    // The date: exactly `dddd-dd-dd`.
    const a = starts[iDate]!;
    if (starts[iDate + 1]! - 1 - a !== 10 || line.charCodeAt(a + 4) !== 45 || line.charCodeAt(a + 7) !== 45)
      return null;
    let key = 0;
    for (let i = a; i < a + 10; i++) {
      if (i === a + 4 || i === a + 7) continue;
      const d = line.charCodeAt(i) - 48;
      if (d < 0 || d > 9) return null;
      key = key * 10 + d;
    }
    let date = dates.get(key);
    if (date === undefined) {
      const p = parseDate(line.slice(a, a + 10));
      date = p !== null && p <= today && p >= '1850-01-01' && nonTradingReason(p) === null ? p : null;
      if (dates.size > 100_000) dates.clear();
      dates.set(key, date);
    }
    if (date === null) return null;
    let ticker = fallbackTicker;
    if (iTicker >= 0) {
      const ta = starts[iTicker]!;
      const tb = starts[iTicker + 1]! - 1;
      if (tb - ta !== lastRaw.length || !line.startsWith(lastRaw, ta)) {
        lastRaw = line.slice(ta, tb);
        const t = normaliseTicker(lastRaw, det.provider);
        lastTicker = TICKER_RE.test(t) && t.length <= 24 ? t : null;
      }
      ticker = lastTicker;
    }
    if (ticker === null) return null;
    const open = plainNumber(line, starts[iOpen]!, starts[iOpen + 1]! - 1);
    const high = plainNumber(line, starts[iHigh]!, starts[iHigh + 1]! - 1);
    const low = plainNumber(line, starts[iLow]!, starts[iLow + 1]! - 1);
    const close = plainNumber(line, starts[iClose]!, starts[iClose + 1]! - 1);
    if (!(open > 0 && high > 0 && low > 0 && close > 0)) return null;
    let adjClose: number | null = null;
    if (iAdj >= 0) {
      adjClose = plainNumber(line, starts[iAdj]!, starts[iAdj + 1]! - 1);
      if (!(adjClose > 0)) return null;
    }
    const top = open > close ? open : close;
    const bottom = open < close ? open : close;
    const slack = top * RANGE_TOLERANCE;
    if (high < top - slack || low > bottom + slack || high < low - slack) return null;
    let volume: number | null = null;
    if (iVol >= 0) {
      volume = plainNumber(line, starts[iVol]!, starts[iVol + 1]! - 1);
      if (!(volume > 0)) return null;
    }
    return { line: lineNo, raw: line, ticker, date, open, high, low, close, adjClose, volume, warned: false };
  };
}

const SPLIT_RATIOS: Array<[number, string]> = [
  [1 / 2, '2:1'],
  [1 / 3, '3:1'],
  [1 / 4, '4:1'],
  [1 / 5, '5:1'],
  [1 / 10, '10:1'],
  [1 / 20, '20:1'],
  [2 / 3, '3:2'],
  [2, '1:2 reverse'],
  [3, '1:3 reverse'],
  [4, '1:4 reverse'],
  [5, '1:5 reverse'],
  [10, '1:10 reverse'],
  [20, '1:20 reverse'],
];
// A ratio within 4 % of a split ratio: XLB's 2025-11-17 close was 0.490× the day before (a 2:1 split
// plus the day's own -2 % move).
const SPLIT_TOLERANCE = 0.04;

/** The split a one-day close-to-close ratio looks like, or null. */
export function splitLike(ratio: number): string | null {
  for (const [r, name] of SPLIT_RATIOS) if (Math.abs(ratio - r) / r <= SPLIT_TOLERANCE) return name;
  return null;
}

/**
 * Checks one ticker's run of rows as a whole: puts them in date order, drops identical duplicate dates,
 * rejects conflicting ones, and flags one-day moves that look like an unadjusted split. Returns the rows
 * to write, ascending.
 */
export function validateRun(rows: Row[], file: string, sink: IssueSink): { rows: Row[]; rejected: number } {
  let ascending = true;
  let descending = true;
  for (let i = 1; i < rows.length; i++) {
    const a = rows[i - 1]!.date;
    const b = rows[i]!.date;
    if (b < a) ascending = false;
    else if (b > a) descending = false;
  }
  let sorted = rows;
  if (!ascending)
    sorted = descending
      ? rows.slice().reverse()
      : rows.slice().sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.line - y.line));
  const out: Row[] = [];
  let rejected = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j]!.date === sorted[i]!.date) j++;
    if (j - i === 1) {
      out.push(sorted[i]!);
    } else {
      const group = sorted.slice(i, j).sort((x, y) => x.line - y.line);
      const head = group[0]!;
      const same = group.every((r) => sameBar(r, head));
      if (same) {
        out.push(head);
        for (const r of group.slice(1)) {
          sink({
            file,
            line: r.line,
            raw: r.raw,
            severity: 'warning',
            kind: 'duplicate',
            reason: `duplicate of line ${head.line} (identical); dropped`,
            ticker: r.ticker,
            date: r.date,
          });
          r.warned = true;
        }
      } else {
        const lines = group.map((r) => r.line).join(', ');
        for (const r of group) {
          sink({
            file,
            line: r.line,
            raw: r.raw,
            severity: 'rejected',
            kind: 'conflicting-duplicate',
            reason: `${r.date} appears on lines ${lines} with different prices`,
            ticker: r.ticker,
            date: r.date,
          });
        }
        for (const r of group) r.rejected = true;
        rejected += group.length;
      }
    }
    i = j;
  }
  for (let i = 1; i < out.length; i++) {
    const prev = out[i - 1]!;
    const cur = out[i]!;
    const ratio = cur.close / prev.close;
    if (ratio > 0.75 && ratio < 1.4) continue;
    const split = splitLike(ratio);
    if (split) {
      sink({
        file,
        line: cur.line,
        raw: cur.raw,
        severity: 'warning',
        kind: 'split',
        reason: `close moved ×${ratio.toFixed(3)} from ${prev.date} (${shownPrice(prev.close)}) to ${cur.date} (${shownPrice(cur.close)}): looks like an unadjusted ${split} split`,
        ticker: cur.ticker,
        date: cur.date,
      });
      cur.warned = true;
    }
  }
  flagZeroVolumeSnapshot(out, file, sink);
  return { rows: out, rejected };
}

/** How many bars before the last must all have volume for a last bar of volume 0 to look like a snapshot. */
const SNAPSHOT_LOOKBACK = 5;

/**
 * A last bar with volume 0 after bars that all had volume is what yfinance writes for an index
 * downloaded during the session (^RUT on 2026-02-23): its prices may not be the day's final ones.
 */
function flagZeroVolumeSnapshot(rows: Row[], file: string, sink: IssueSink): void {
  const n = rows.length;
  if (n <= SNAPSHOT_LOOKBACK) return;
  const last = rows[n - 1]!;
  if (last.volume !== 0) return;
  for (let i = n - 1 - SNAPSHOT_LOOKBACK; i < n - 1; i++) if (!(rows[i]!.volume! > 0)) return;
  flagSnapshot(last, file, sink, 'the last bar has volume 0 where the bars before it all have volume, as in a download taken during the session');
}

/** Warns that a bar may be an intraday snapshot, not the day's close. */
export function flagSnapshot(row: Row, file: string, sink: IssueSink, why: string): void {
  sink({
    file,
    line: row.line,
    raw: row.raw,
    severity: 'warning',
    kind: 'snapshot',
    reason: `possible intraday snapshot: ${why}; its prices may not be the day's final ones (import the day again after the close)`,
    ticker: row.ticker,
    date: row.date,
  });
  row.warned = true;
}

/** UTC offsets of the zone names download stamps use. */
const ZONES: Record<string, number> = { EST: -5, EDT: -4, CST: -6, CDT: -5, MST: -7, MDT: -6, PST: -8, PDT: -7, UTC: 0, GMT: 0 };

/**
 * Reads a provider's download stamp (Barchart's footer `Downloaded from Barchart.com as of 05-10-2025
 * 09:12am CDT`): the day, and whether it was taken before the US close (16:00 New York time).
 */
export function readDownloadStamp(line: string): { date: string; beforeClose: boolean; text: string } | null {
  const m = /Downloaded from .*? as of (\d{2})-(\d{2})-(\d{4}) (\d{1,2}):(\d{2}) ?([ap]m) ([A-Z]{3})/i.exec(line);
  if (!m) return null;
  const offset = ZONES[m[7]!.toUpperCase()];
  if (offset === undefined) return null;
  let hour = Number(m[4]) % 12;
  if (m[6]!.toLowerCase() === 'pm') hour += 12;
  // New York is on daylight time when the stamp's zone is (…DT), else on standard time.
  const ny = m[7]!.toUpperCase().endsWith('DT') ? -4 : -5;
  const nyMinutes = (hour - offset + ny) * 60 + Number(m[5]);
  return { date: `${m[3]}-${m[1]}-${m[2]}`, beforeClose: nyMinutes < 16 * 60, text: m[0].replace(/^Downloaded from /, '') };
}

/** True when two rows carry the same bar. */
export function sameBar(a: Row, b: Row): boolean {
  return (
    a.open === b.open &&
    a.high === b.high &&
    a.low === b.low &&
    a.close === b.close &&
    a.adjClose === b.adjClose &&
    a.volume === b.volume
  );
}
