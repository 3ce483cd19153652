import { DATE_FORMATS, type DateFormat } from '../../shared/import';
import { calendarDay } from '../../shared/calendar';

/** Turns a date field into `YYYY-MM-DD`, or null when it is not a date in that layout. */
export type DateParser = (field: string) => string | null;

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Two-digit years up to ten years ahead of now are this century, the rest the last one. */
function fullYear(yy: number): number {
  const pivot = (new Date().getUTCFullYear() % 100) + 10;
  return yy <= pivot ? 2000 + yy : 1900 + yy;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|[+-]\d{2}:?\d{2}))?)?$/;

function numericParser(fmt: DateFormat): DateParser {
  const sep = fmt.includes('/') ? '/' : fmt.includes('.') ? '.' : '-';
  const e = sep === '.' ? '\\.' : sep;
  const order = fmt.startsWith('YYYY') ? 'ymd' : fmt.startsWith('DD') ? 'dmy' : 'mdy';
  const shortYear = /[/.-]YY$/.test(fmt);
  const re =
    order === 'ymd'
      ? new RegExp(`^(\\d{4})${e}(\\d{1,2})${e}(\\d{1,2})(?:[ T].*)?$`)
      : new RegExp(`^(\\d{1,2})${e}(\\d{1,2})${e}(\\d{${shortYear ? 2 : 4}})(?:[ T].*)?$`);
  return (s) => {
    const m = re.exec(s);
    if (!m) return null;
    const a = Number(m[1]);
    const b = Number(m[2]);
    const c = Number(m[3]);
    if (order === 'ymd') return calendarDay(a, b, c);
    const y = shortYear ? fullYear(c) : c;
    return order === 'dmy' ? calendarDay(y, b, a) : calendarDay(y, a, b);
  };
}

function namedParser(fmt: DateFormat): DateParser {
  const re =
    fmt === 'MMM DD, YYYY'
      ? /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/
      : fmt === 'DD MMM YYYY'
        ? /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4})$/
        : fmt === 'DD-MMM-YYYY'
          ? /^(\d{1,2})-([A-Za-z]{3,9})-(\d{4})$/
          : /^(\d{1,2})-([A-Za-z]{3,9})-(\d{2})$/;
  const monthFirst = fmt === 'MMM DD, YYYY';
  return (s) => {
    const m = re.exec(s);
    if (!m) return null;
    const month = MONTHS[(monthFirst ? m[1] : m[2])!.toLowerCase()];
    if (!month) return null;
    const day = Number(monthFirst ? m[2] : m[1]);
    const yearText = m[3]!;
    const year = yearText.length === 2 ? fullYear(Number(yearText)) : Number(yearText);
    return calendarDay(year, month, day);
  };
}

/** The number written by the ASCII digits s[from..to), or -1 if any is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

const parsers = new Map<DateFormat, DateParser>();

/** The parser of one date layout (cached). */
export function dateParser(fmt: DateFormat): DateParser {
  let p = parsers.get(fmt);
  if (p) return p;
  if (fmt === 'YYYY-MM-DD') {
    p = (s) => {
      // Fast path for a plain `YYYY-MM-DD` (the hot path of large imports): no regex, no new string.
      if (s.length === 10 && s.charCodeAt(4) === 45 && s.charCodeAt(7) === 45) {
        const y = digits(s, 0, 4);
        const mo = digits(s, 5, 7);
        const d = digits(s, 8, 10);
        if (y < 0 || mo < 0 || d < 0) return null;
        if (mo >= 1 && mo <= 12 && d >= 1 && d <= 28) return s;
        return calendarDay(y, mo, d) === s ? s : null;
      }
      const m = ISO_RE.exec(s);
      return m ? calendarDay(Number(m[1]), Number(m[2]), Number(m[3])) : null;
    };
  } else if (fmt === 'YYYYMMDD') {
    p = (s) => (/^\d{8}$/.test(s) ? calendarDay(Number(s.slice(0, 4)), Number(s.slice(4, 6)), Number(s.slice(6, 8))) : null);
  } else if (fmt.includes('MMM')) {
    p = namedParser(fmt);
  } else {
    p = numericParser(fmt);
  }
  parsers.set(fmt, p);
  return p;
}

/** Every layout under which `field` is a valid date. */
export function candidateFormats(field: string): DateFormat[] {
  const s = field.trim();
  return DATE_FORMATS.filter((f) => dateParser(f)(s) !== null);
}

/** True when `field` has the shape of some date layout (even if not a valid day in any). */
export function looksLikeDate(field: string): boolean {
  return (
    /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}/.test(field) ||
    /^\d{8}$/.test(field) ||
    /^[A-Za-z]{3,9}\.? \d{1,2},? \d{4}$/.test(field) ||
    /^\d{1,2}[- ][A-Za-z]{3,9}\.?[- ]\d{2,4}$/.test(field)
  );
}

/** Tallies, over a whole date column, how many fields each candidate layout reads. */
export class DateFormatTally {
  private readonly counts = new Map<DateFormat, number>();
  private readonly parsersList: Array<[DateFormat, DateParser]>;
  seen = 0;

  constructor(readonly candidates: readonly DateFormat[]) {
    this.parsersList = candidates.map((f) => [f, dateParser(f)]);
    for (const f of candidates) this.counts.set(f, 0);
  }

  /** Counts one field. */
  add(field: string): void {
    const s = field.trim();
    if (!s) return;
    this.seen++;
    for (const [f, p] of this.parsersList) if (p(s) !== null) this.counts.set(f, this.counts.get(f)! + 1);
  }

  /** The layouts that read the most fields (more than one means the user must choose). */
  best(): DateFormat[] {
    let max = 0;
    for (const n of this.counts.values()) max = Math.max(max, n);
    if (max === 0) return [];
    return this.candidates.filter((f) => this.counts.get(f) === max);
  }
}
