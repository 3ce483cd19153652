import type { ColumnMapping, DateFormat, FileDetection, ImportAmbiguity } from '../../shared/import';
import type { ImportOptions } from '../../shared/contract/import';
import { splitLine, splitLines, splitLinesBatch } from './csv-line';
import { DateFormatTally, candidateFormats, looksLikeDate } from './dates';
import { identifyProvider, layoutKey, mapHeader, normaliseHeader, tickerFromFileName } from './dialects';
import { mapByContent, numericColumn, unmappedColumns } from './by-content';
import { guessDecimalMark, isMissing } from './numbers';

/** Bytes of the start of a file the detector looks at. */
export const SAMPLE_BYTES = 256 * 1024;

/** Columns of numbers that are never open, high or low (changes, actions, open interest). */
const IGNORED_COLUMNS = new Set(['change', 'change %', 'chg', '%chg', 'var%', 'var.%', '% var.', 'dividends', 'stock splits', 'capital gains', 'repaired?', 'openint', '<openint>', 'open interest', 'adj volume', 'adjvolume']);

/** What a file must have: a date and a close. Open, high and low are optional (close-only series). */
const REQUIRED = ['date', 'close'] as const;

/** What detection needs besides the sample: remembered mappings. */
export interface DetectContext {
  /** Looks up a remembered hand mapping for a header layout. */
  savedMapping?: (layoutKey: string) => ColumnMapping | null;
  /** The market the archive has set for a ticker (null: none set). */
  storedMarket?: (ticker: string) => string | null;
}

/** Detection plus what the streaming pass needs to finish deciding the date layout. */
export interface Detected extends FileDetection {
  /** Date layouts still in the running after the sample; the full pass narrows them. */
  dateCandidates: DateFormat[];
}

function chooseDelimiter(lines: string[]): string {
  const sample = lines.filter((l) => l.trim() !== '').slice(0, 30);
  const score = (d: string): { modal: number; share: number } => {
    const counts = new Map<number, number>();
    for (const fields of splitLinesBatch(sample, d)) {
      const n = (fields ?? []).length;
      counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    let modal = 0;
    let best = 0;
    for (const [n, c] of counts) if (c > best || (c === best && n > modal)) [modal, best] = [n, c];
    return { modal, share: sample.length ? best / sample.length : 0 };
  };
  for (const d of [';', '\t', '|']) {
    const s = score(d);
    if (s.modal >= 4 && s.share >= 0.6) return d;
  }
  return ',';
}

function isNumberish(f: string): boolean {
  return /^[\s$€£]*[+-]?[\d.,]+(?:[eE][+-]?\d+)?[KMB%]?$/i.test(f.trim());
}

/** Column layouts of files without a header, by their first data row. */
function headerlessLayout(fields: string[]): { header: string[]; mapping: ColumnMapping; stooq: boolean } | null {
  const n = fields.length;
  const f = fields.map((x) => x.trim());
  const ymd = (s: string | undefined): boolean => s !== undefined && /^\d{8}$/.test(s);
  if (n >= 10 && ymd(f[2]) && !isNumberish(f[0]!)) {
    return {
      header: ['<TICKER>', '<PER>', '<DATE>', '<TIME>', '<OPEN>', '<HIGH>', '<LOW>', '<CLOSE>', '<VOL>', '<OPENINT>'],
      mapping: { ticker: 0, date: 2, open: 4, high: 5, low: 6, close: 7, volume: 8 },
      stooq: true,
    };
  }
  if (n === 7 && ymd(f[1]) && !isNumberish(f[0]!)) {
    return {
      header: ['<TICKER>', '<DTYYYYMMDD>', '<OPEN>', '<HIGH>', '<LOW>', '<CLOSE>', '<VOL>'],
      mapping: { ticker: 0, date: 1, open: 2, high: 3, low: 4, close: 5, volume: 6 },
      stooq: true,
    };
  }
  if (n === 7 && ymd(f[0])) {
    return {
      header: ['<DATE>', '<OPEN>', '<HIGH>', '<LOW>', '<CLOSE>', '<VOL>', '<OPENINT>'],
      mapping: { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 },
      stooq: true,
    };
  }
  if ((n === 5 || n === 6) && looksLikeDate(f[0]!) && f.slice(1).every(isNumberish)) {
    const header = ['Date', 'Open', 'High', 'Low', 'Close', 'Volume'].slice(0, n);
    return {
      header,
      mapping:
        n === 6
          ? { date: 0, open: 1, high: 2, low: 3, close: 4, volume: 5 }
          : { date: 0, open: 1, high: 2, low: 3, close: 4 },
      stooq: false,
    };
  }
  return null;
}

/**
 * Decides, from the start of a file, its provider, delimiter, header, column mapping, decimal mark,
 * candidate date layouts and ticker, and lists what the user still has to choose.
 */
export function detect(
  sample: string,
  fileName: string,
  options: ImportOptions = {},
  ctx: DetectContext = {},
  complete = true,
): Detected {
  let lines = splitLines(sample);
  if (!complete && lines.length > 1) lines = lines.slice(0, -1); // the last line may be cut off
  const firstIdx = lines.findIndex((l) => l.trim() !== '');
  const needs: ImportAmbiguity[] = [];
  const delimiter = options.delimiter ?? chooseDelimiter(lines);
  const first = firstIdx >= 0 ? (splitLine(lines[firstIdx]!, delimiter) ?? []) : [];
  let header: string[] = first;
  let headerLines = firstIdx + 1;
  let mapping: ColumnMapping = {};
  let provider: FileDetection['provider'] = 'generic';
  let pricesAdjusted = false;
  let ticker: string | null = null;
  let tickerSource: FileDetection['tickerSource'] = null;
  let wide: FileDetection['wide'];

  const headerless =
    first.length > 0 &&
    first.filter((c) => isNumberish(c) || looksLikeDate(c.trim())).length >= Math.max(3, first.length - 2);
  if (firstIdx < 0) {
    needs.push({ kind: 'layout', message: 'the file is empty' });
  } else if (headerless) {
    const layout = headerlessLayout(first);
    headerLines = firstIdx;
    if (layout) {
      header = layout.header;
      mapping = layout.mapping;
      provider = layout.stooq ? 'stooq' : 'generic';
      pricesAdjusted = layout.stooq;
    } else {
      header = first.map((_, i) => `Column ${i + 1}`);
    }
  } else if (['price', 'ticker'].includes(normaliseHeader(first[0] ?? '')) && lines[firstIdx + 1] !== undefined) {
    // yfinance's 3-line header: `Price,Close,…` / `Ticker,SPY,…` / `Date,,,…` (or, grouped by ticker,
    // `Ticker,SPY,…` / `Price,Close,…`).
    let second = splitLine(lines[firstIdx + 1]!, delimiter) ?? [];
    let top = first;
    if (normaliseHeader(first[0] ?? '') === 'ticker' && normaliseHeader(second[0] ?? '') === 'price') [top, second] = [second, first];
    if (normaliseHeader(top[0] ?? '') === 'price' && normaliseHeader(second[0] ?? '') === 'ticker') {
      header = ['Date', ...top.slice(1)];
      headerLines = firstIdx + 2;
      const third = splitLine(lines[firstIdx + 2] ?? '', delimiter) ?? [];
      if (
        ['date', 'datetime'].includes(normaliseHeader(third[0] ?? '')) &&
        third.slice(1).every((c) => c.trim() === '')
      )
        headerLines++;
      const names = [
        ...new Set(
          second
            .slice(1)
            .map((s) => s.trim())
            .filter(Boolean),
        ),
      ];
      if (names.length === 1) {
        ticker = names[0]!.toUpperCase();
        tickerSource = 'header';
      } else if (names.length > 1) {
        // One ticker per group of columns: each imports as its own ticker.
        wide = names.map((t) => {
          const cols = second.map((s, i) => (i === 0 || s.trim() === t ? i : -1)).filter((i) => i >= 0);
          const named = mapHeader(cols.map((i) => header[i]!));
          const mapping: ColumnMapping = {};
          for (const [f, k] of Object.entries(named) as Array<[keyof ColumnMapping, number]>) mapping[f] = cols[k]!;
          return { ticker: t.toUpperCase(), mapping };
        });
      }
    }
  }
  if (!headerless && firstIdx >= 0) {
    mapping = wide ? { ...wide[0]!.mapping } : mapHeader(header);
    const id = identifyProvider(header, mapping.adjClose !== undefined);
    provider = id.provider;
    pricesAdjusted = id.pricesAdjusted;
  }

  const key = layoutKey(header, delimiter);
  let mappingSource: FileDetection['mappingSource'] = 'auto';
  if (options.mapping) {
    mapping = { ...options.mapping };
    mappingSource = 'user';
  } else {
    const saved = ctx.savedMapping?.(key);
    if (saved) {
      mapping = { ...saved };
      mappingSource = 'saved';
    }
  }
  // Sample data rows: for columns the names left open, the date layout and the decimal mark.
  const data = lines.slice(headerLines, headerLines + 2000).filter((l) => l.trim() !== '');
  const rows = splitLinesBatch(data, delimiter).map((f) => f ?? []);
  const width = Math.max(header.length, ...rows.slice(0, 50).map((r) => r.length));
  const contentMark = (): '.' | ',' =>
    options.decimalMark ?? guessDecimalMark(rows.slice(0, 200).flatMap((r) => r.filter((v, i) => i !== mapping.date && i !== mapping.ticker && !isMissing(v))), delimiter).mark;
  if (mappingSource === 'auto' && firstIdx >= 0 && !wide) {
    const before = Object.keys(mapping).length;
    mapping = mapByContent(width, rows, mapping, contentMark());
    if (Object.keys(mapping).length > before && header.length < width) {
      header = [...header, ...Array.from({ length: width - header.length }, (_, i) => `Column ${header.length + i + 1}`)];
    }
  }
  const missing = REQUIRED.filter((f) => mapping[f] === undefined || mapping[f]! >= width);
  if (firstIdx >= 0 && missing.length) {
    needs.push({
      kind: 'mapping',
      missing: [...missing],
      message: `no column found for ${missing.join(', ')}; map the columns by hand`,
    });
  } else if (firstIdx >= 0 && mappingSource === 'auto' && !wide && mapping.open === undefined && mapping.high === undefined && mapping.low === undefined) {
    // Closes only, unless numbers remain that could be the open, high and low: then the analyst says.
    const dm = contentMark();
    const stray = unmappedColumns(width, mapping).filter((c) => !IGNORED_COLUMNS.has(normaliseHeader(header[c] ?? '')) && numericColumn(rows, c, dm));
    if (stray.length) {
      needs.push({
        kind: 'mapping',
        missing: ['open', 'high', 'low'],
        message: `column${stray.length > 1 ? 's' : ''} ${stray.map((c) => `${c + 1} ("${(header[c] ?? '').slice(0, 30)}")`).join(', ')} hold${stray.length > 1 ? '' : 's'} numbers that could be open, high or low; map them, or ignore them to import closes only`,
      });
    }
  }
  let dateCandidates: DateFormat[] = [];
  let dateFormat: DateFormat | null = options.dateFormat ?? null;
  if (options.dateFormat) {
    dateCandidates = [options.dateFormat];
  } else if (mapping.date !== undefined) {
    const dates = rows.map((r) => (r[mapping.date!] ?? '').trim()).filter((d) => d && looksLikeDate(d));
    // The layout comes from the first date that reads as one: a bad date in the first row is that row's
    // problem (rejected with its line and reason), not the column's.
    const firstDate = dates.find((d) => candidateFormats(d).length > 0);
    const initial = firstDate ? candidateFormats(firstDate) : [];
    if (!initial.length) {
      const first = rows.find((r) => (r[mapping.date!] ?? '').trim() !== '')?.[mapping.date!]?.trim();
      if (firstIdx >= 0 && !missing.includes('date'))
        needs.push({
          kind: 'layout',
          message: first ? `no value of the date column reads as a date (the first is "${first.slice(0, 40)}"); give the date format or map the columns` : 'no dates found in the date column',
        });
    } else {
      const tally = new DateFormatTally(initial);
      for (const d of dates) tally.add(d);
      dateCandidates = tally.best();
      // US providers always write month first; their layout settles what the digits alone cannot.
      if ((provider === 'nasdaq' || provider === 'barchart') && dateCandidates.includes('MM/DD/YYYY'))
        dateCandidates = ['MM/DD/YYYY'];
      if (dateCandidates.length === 1) dateFormat = dateCandidates[0]!;
    }
  }

  // Yahoo and yfinance write ISO dates; the same column names with other dates are someone else's file.
  if (
    (provider === 'yahoo' || provider === 'yfinance') &&
    dateCandidates.length &&
    !dateCandidates.includes('YYYY-MM-DD')
  ) {
    provider = 'generic';
    pricesAdjusted = false;
  }

  // Every numeric field but the date and ticker votes: `0,28%` and `28,51M` settle a comma decimal
  // mark even when the prices (`110.575`) could be read either way.
  const numericFields: string[] = [];
  for (const r of rows.slice(0, 500)) {
    r.forEach((v, i) => {
      if (i !== mapping.date && i !== mapping.ticker && !isMissing(v)) numericFields.push(v);
    });
  }
  const decimalMark = options.decimalMark ?? guessDecimalMark(numericFields, delimiter).mark;

  if (wide) {
    tickerSource = 'header';
    ticker = null;
  } else if (mapping.ticker !== undefined) {
    tickerSource = 'column';
    ticker = null;
  } else if (options.ticker) {
    ticker = options.ticker;
    tickerSource = 'user';
  } else if (!ticker) {
    ticker = tickerFromFileName(fileName);
    tickerSource = ticker ? 'file-name' : null;
    if (!ticker && firstIdx >= 0)
      needs.push({
        kind: 'ticker',
        message: `the file has no ticker column and its name "${fileName}" does not name one; give the ticker`,
      });
  }

  return {
    provider,
    delimiter,
    decimalMark,
    dateFormat,
    dateCandidates,
    headerLines,
    header,
    mapping,
    mappingSource,
    layoutKey: key,
    ticker,
    tickerSource,
    pricesAdjusted,
    needs,
    market: options.market ?? (ticker ? (ctx.storedMarket?.(ticker) ?? null) : null),
    ...(wide ? { wide } : {}),
  };
}

/** The question to ask when the whole date column still fits several layouts (DD/MM vs MM/DD). */
export function dateAmbiguity(candidates: DateFormat[]): ImportAmbiguity {
  return {
    kind: 'date-format',
    options: candidates,
    message: `every date fits ${candidates.join(' and ')} (no day above 12); choose the date format`,
  };
}
