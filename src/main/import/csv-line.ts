import { parse } from 'csv-parse/sync';

const CSV_OPTIONS = { relax_quotes: true, relax_column_count: true, skip_empty_lines: false, bom: false } as const;

/**
 * Splits one CSV line into fields. Unquoted lines (the common case, and the hot path of a large import)
 * are split directly; a line with quotes is tokenised by csv-parse. Returns null when the quoting is
 * broken (an unclosed quote), so the caller can report the row.
 */
export function splitLine(line: string, delimiter: string): string[] | null {
  if (line.indexOf('"') < 0) return line.split(delimiter);
  try {
    const records = parse(line, { ...CSV_OPTIONS, delimiter }) as string[][];
    if (records.length > 1) return null;
    return records[0] ?? [''];
  } catch {
    return null;
  }
}

/**
 * Tokenises many lines at once: csv-parse is called once per batch (setting up a parser costs far more
 * than parsing a line), and only a batch whose quoting spills across lines falls back to line by line.
 */
export function splitLinesBatch(lines: readonly string[], delimiter: string): Array<string[] | null> {
  if (!lines.some((l) => l.indexOf('"') >= 0)) return lines.map((l) => l.split(delimiter));
  try {
    const records = parse(lines.join('\n'), { ...CSV_OPTIONS, delimiter, info: true }) as unknown as Array<{
      record: string[];
      info: { lines: number };
    }>;
    if (records.length === lines.length && records.every((r, i) => r.info.lines === i + 1))
      return records.map((r) => r.record);
  } catch {
    // fall through: some line's quoting is broken; find which one by parsing line by line
  }
  return lines.map((l) => splitLine(l, delimiter));
}

/** Feeds lines in order and hands back their fields in order, tokenising quoted lines in batches. */
export class LineTokenizer {
  private lines: string[] = [];
  private numbers: number[] = [];

  constructor(
    private readonly delimiter: string,
    private readonly onRow: (fields: string[] | null, raw: string, lineNo: number) => void,
    private readonly batchSize = 512,
  ) {}

  /** True when no line waits to be tokenised (a line handled elsewhere would not overtake one). */
  get idle(): boolean {
    return this.lines.length === 0;
  }

  /** Adds one line. */
  push(line: string, lineNo: number): void {
    if (this.lines.length === 0 && line.indexOf('"') < 0) {
      this.onRow(line.split(this.delimiter), line, lineNo);
      return;
    }
    this.lines.push(line);
    this.numbers.push(lineNo);
    if (this.lines.length >= this.batchSize) this.end();
  }

  /** Hands back every line still held. */
  end(): void {
    if (!this.lines.length) return;
    const lines = this.lines;
    const numbers = this.numbers;
    this.lines = [];
    this.numbers = [];
    const fields = splitLinesBatch(lines, this.delimiter);
    for (let i = 0; i < lines.length; i++) this.onRow(fields[i]!, lines[i]!, numbers[i]!);
  }
}

/** Splits text into lines, dropping `\r` of CRLF and a byte-order mark at the very start. */
export function splitLines(text: string): string[] {
  const t = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = t.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.endsWith('\r')) lines[i] = l.slice(0, -1);
  }
  return lines;
}
