import { calendarNote, suggestMarket } from '../../shared/markets';
import type { FileAction, FileCounts, ImportIssue, PreviewBar, TickerReport } from '../../shared/import';
import type { Row } from './validate';
import type { BarWriter } from './write';

/** Counts of a file with nothing read yet. */
export function zeroCounts(): FileCounts {
  return {
    rows: 0,
    good: 0,
    warned: 0,
    rejected: 0,
    skipped: 0,
    imported: 0,
    replaced: 0,
    unchanged: 0,
    kept: 0,
    conflicts: 0,
  };
}

/** An issue as a ticker report keeps it (its raw line cut to 500 characters). */
function ref(i: ImportIssue): TickerReport['warnings'][number] {
  return { line: i.line, reason: i.reason, kind: i.kind, date: i.date, raw: i.raw.slice(0, 500) };
}

/**
 * The per-file and per-ticker tally of a preview or an import: what each row came to (parsed, warned,
 * rejected, imported, replaced…), fed by the parser's events and the writer's outcomes. Issues seen
 * before any ticker is known wait as orphans and go to the first ticker that appears.
 */
export class FileTally {
  readonly counts = zeroCounts();
  readonly firstRows: PreviewBar[] = [];
  /** The splits and dividends the rows carried, in file order. */
  readonly actions: FileAction[] = [];
  private readonly reports = new Map<string, TickerReport>();
  private readonly orphans: ImportIssue[] = [];
  private current: string | null = null;

  constructor(
    private readonly file: string,
    private readonly fileTicker: string | null,
    /** The market the file was given (null: each ticker's symbol suggests its own). */
    private readonly fileMarket: string | null = null,
  ) {}

  /** The tickers seen so far, in order of appearance. */
  get tickers(): string[] {
    return [...this.reports.keys()];
  }

  /** A ticker's report, created on first use (taking the orphaned issues). */
  report(ticker: string): TickerReport {
    let r = this.reports.get(ticker);
    if (!r) {
      const market = this.fileMarket ?? suggestMarket(ticker);
      const note = calendarNote(ticker, market);
      r = { ticker, rows: 0, imported: 0, replaced: 0, unchanged: 0, kept: 0, firstDate: null, lastDate: null, warnings: [], rejected: [], market, notes: note ? [note] : [] };
      this.reports.set(ticker, r);
      for (const o of this.orphans.splice(0)) r.warnings.push(ref(o));
    }
    return r;
  }

  /** Records an issue against its ticker (or the run being read, or the file's ticker). */
  issue(i: ImportIssue): void {
    if (i.kind === 'stray') this.counts.skipped++;
    if (i.severity === 'rejected') this.counts.rejected++;
    const t = i.ticker ?? this.current ?? this.fileTicker;
    if (!t) {
      this.orphans.push(i);
      return;
    }
    const r = this.report(t);
    if (i.severity === 'warning') r.warnings.push(ref(i));
    else {
      r.rejected.push(ref(i));
      if (i.kind !== 'conflicting-duplicate') {
        r.rows++;
        this.counts.rows++;
      }
    }
  }

  /** Records a parsed run of one ticker (its rows are in date order, so the first and last bound its dates). */
  run(ticker: string, rows: Row[], parsed: number, good: number, warned: number): TickerReport {
    this.current = ticker;
    const r = this.report(ticker);
    r.rows += parsed;
    this.counts.rows += parsed;
    this.counts.good += good;
    this.counts.warned += warned;
    const lo = rows[0]?.date;
    const hi = rows[rows.length - 1]?.date;
    if (lo !== undefined && (r.firstDate === null || lo < r.firstDate)) r.firstDate = lo;
    if (hi !== undefined && (r.lastDate === null || hi > r.lastDate)) r.lastDate = hi;
    return r;
  }

  /** Hands a run to the writer and counts what each row came to. */
  write(writer: BarWriter, ticker: string, rows: Row[]): void {
    for (const row of rows) {
      if (row.dividend) this.actions.push({ line: row.line, ticker, kind: 'dividend', date: row.date, ratio: null, amount: row.dividend });
      if (row.split) this.actions.push({ line: row.line, ticker, kind: 'split', date: row.date, ratio: row.split, amount: null });
    }
    const r = this.report(ticker);
    const c = this.counts;
    if (rows.length) writer.ticker(ticker);
    const appended = writer.appendRun(ticker, rows);
    r.imported += appended;
    c.imported += appended;
    for (let i = appended; i < rows.length; i++) {
      const row = rows[i]!;
      switch (writer.row(row)) {
        case 'inserted':
          r.imported++;
          c.imported++;
          break;
        case 'replaced':
          r.imported++;
          r.replaced++;
          c.imported++;
          c.replaced++;
          break;
        case 'unchanged':
          r.unchanged++;
          c.unchanged++;
          break;
        case 'kept':
          r.kept++;
          c.kept++;
          break;
        case 'conflict':
          break;
        case 'duplicate':
          this.rowIssue(writer, row, ticker, 'warning', 'duplicate', `${row.date} appeared earlier in the file with the same prices; dropped`);
          break;
        case 'conflicting-duplicate':
          this.rowIssue(writer, row, ticker, 'rejected', 'conflicting-duplicate', `${row.date} appeared earlier in the file with different prices`);
          break;
      }
    }
  }

  /** Forgets what was imported (the transaction rolled back). */
  rolledBack(): void {
    this.counts.imported = this.counts.replaced = 0;
    for (const r of this.reports.values()) r.imported = r.replaced = 0;
  }

  /** The ticker reports, orphans included (under the file's ticker, or `?`). */
  finish(): TickerReport[] {
    if (this.orphans.length) this.report(this.fileTicker ?? '?');
    return [...this.reports.values()];
  }

  private rowIssue(
    writer: BarWriter,
    row: Row,
    ticker: string,
    severity: ImportIssue['severity'],
    kind: ImportIssue['kind'],
    reason: string,
  ): void {
    const issue: ImportIssue = { file: this.file, line: row.line, raw: row.raw, severity, kind, reason, ticker, date: row.date };
    writer.issue(issue);
    this.issue(issue);
  }
}
