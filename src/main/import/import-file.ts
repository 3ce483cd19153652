import type { FileCounts, FileResult, ImportIssue, PreviewBar, TickerReport } from '../../shared/import';
import type { ImportOptions } from '../../shared/contract/import';
import type { Db } from '../db/open';
import { LineTokenizer, splitLines } from './csv-line';
import { produce, type ParseEvent } from './produce';
import { DateFormatTally } from './dates';
import { SAMPLE_BYTES, dateAmbiguity, detect, type Detected } from './detect';
import { countLines, forEachLine, readSample, sourceName, type ImportSource } from './source';
import type { Row } from './validate';
import { BarWriter, beginImportRecord, finishImportRecord, loadMapping, saveMapping } from './write';

/** Progress and cancellation hooks of a long import. */
export interface ImportHooks {
  /** Called at most every `progressIntervalMs` (and once at the start and end of each file). */
  onProgress?: (p: { file: string; rowsDone: number; rowsTotal: number }) => void;
  /** Polled while rows stream; returning true rolls the current file back and stops. */
  isCancelled?: () => boolean;
  /** Minimum time between progress calls (default 100 ms, i.e. up to 10 a second). */
  progressIntervalMs?: number;
}

/** Thrown inside the import transaction to roll it back with a reason for the user. */
class Abort extends Error {}
/** Thrown inside the import transaction when the user cancelled. */
class Cancelled extends Error {}

function zeroCounts(): FileCounts {
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

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** A result for a file that was not read at all. */
function emptyResult(file: string, status: FileResult['status'], error: string): FileResult {
  return {
    file,
    status,
    importId: null,
    error,
    hash: '',
    detection: {
      provider: 'generic',
      delimiter: ',',
      decimalMark: '.',
      dateFormat: null,
      headerLines: 0,
      header: [],
      mapping: {},
      mappingSource: 'auto',
      layoutKey: '',
      ticker: null,
      tickerSource: null,
      pricesAdjusted: false,
      needs: [],
    },
    counts: zeroCounts(),
    tickers: [],
    firstRows: [],
    sampleLines: [],
    conflicts: [],
  };
}

/** Finishes deciding the date layout over the whole column when the sample left several. */
function settleDateFormat(det: Detected, source: ImportSource): void {
  if (det.needs.length || det.dateFormat !== null) return;
  if (det.dateCandidates.length === 0) {
    det.needs.push({ kind: 'layout', message: 'no dates found in the date column' });
    return;
  }
  let best = det.dateCandidates;
  // The sample looked at its first rows only; the whole column decides.
  if (best.length > 1) {
    const tally = new DateFormatTally(det.dateCandidates);
    const col = det.mapping.date!;
    const tok = new LineTokenizer(det.delimiter, (f) => {
      if (f && f[col] !== undefined) tally.add(f[col]!);
    });
    forEachLine(source, (line, no) => {
      if (no > det.headerLines) tok.push(line, no);
    });
    tok.end();
    best = tally.best();
  }
  if (best.length === 1) det.dateFormat = best[0]!;
  else if (best.length === 0) det.needs.push({ kind: 'layout', message: 'no dates found in the date column' });
  else det.needs.push(dateAmbiguity(best));
}

/**
 * Previews (`mode: 'preview'`, nothing written) or imports one file. An import is one transaction: it
 * either commits whole or leaves the archive exactly as it was (rejected rows, conflicts under `fail`,
 * a cancel or an error all roll back). Never throws; failures come back in the result.
 */
export function processFile(
  db: Db,
  source: ImportSource,
  options: ImportOptions,
  mode: 'preview' | 'import',
  hooks: ImportHooks = {},
): FileResult {
  const file = sourceName(source);
  const policy = options.onConflict ?? 'fail';
  const counts = zeroCounts();
  let sample: { text: string; complete: boolean };
  let det: Detected;
  try {
    sample = readSample(source, SAMPLE_BYTES);
    det = detect(sample.text, file, options, { savedMapping: (k) => loadMapping(db, k) }, sample.complete);
    settleDateFormat(det, source);
  } catch (err) {
    return emptyResult(file, 'failed', `cannot read ${file}: ${message(err)}`);
  }
  const { dateCandidates: _unused, ...detection } = det;
  void _unused;
  const sampleLines = splitLines(sample.text)
    .slice(0, 12)
    .map((l) => l.slice(0, 500));
  const base = { file, detection, sampleLines };
  if (det.needs.length) {
    return {
      ...base,
      status: mode === 'preview' ? 'checked' : 'failed',
      importId: null,
      error: det.needs.map((n) => n.message).join('; '),
      hash: '',
      counts,
      tickers: [],
      firstRows: [],
      conflicts: [],
    };
  }

  const rowsTotal = Math.max(0, countLines(source) - det.headerLines);
  const interval = hooks.progressIntervalMs ?? 100;
  const reports = new Map<string, TickerReport>();
  const firstRows: PreviewBar[] = [];
  const orphans: ImportIssue[] = [];
  let writer: BarWriter | null = null;
  let hash = '';

  const report = (ticker: string): TickerReport => {
    let r = reports.get(ticker);
    if (!r) {
      r = {
        ticker,
        rows: 0,
        imported: 0,
        replaced: 0,
        unchanged: 0,
        kept: 0,
        firstDate: null,
        lastDate: null,
        warnings: [],
        rejected: [],
      };
      reports.set(ticker, r);
      for (const o of orphans.splice(0))
        r.warnings.push({ line: o.line, reason: o.reason, kind: o.kind, date: o.date, raw: o.raw.slice(0, 500) });
    }
    return r;
  };
  let current: string | null = null;
  const sink = (i: ImportIssue): void => {
    writer?.issue(i);
    if (i.kind === 'stray') counts.skipped++;
    if (i.severity === 'rejected') counts.rejected++;
    const t = i.ticker ?? current ?? det.ticker;
    if (!t) {
      orphans.push(i);
      return;
    }
    const r = report(t);
    const ref = { line: i.line, reason: i.reason, kind: i.kind, date: i.date, raw: i.raw.slice(0, 500) };
    if (i.severity === 'warning') r.warnings.push(ref);
    else {
      r.rejected.push(ref);
      if (i.kind !== 'conflicting-duplicate') {
        r.rows++;
        counts.rows++;
      }
    }
  };
  const write = (ticker: string, rows: Row[]): void => {
    const r = report(ticker);
    if (writer && rows.length) writer.ticker(ticker);
    // The run comes in date order: its first and last rows bound its dates.
    const lo = rows[0]?.date;
    const hi = rows[rows.length - 1]?.date;
    if (lo !== undefined && (r.firstDate === null || lo < r.firstDate)) r.firstDate = lo;
    if (hi !== undefined && (r.lastDate === null || hi > r.lastDate)) r.lastDate = hi;
    if (!writer) return;
    const appended = writer.appendRun(ticker, rows);
    r.imported += appended;
    counts.imported += appended;
    for (let i = appended; i < rows.length; i++) {
      const row = rows[i]!;
      const outcome = writer.row(row);
      switch (outcome) {
        case 'inserted':
          r.imported++;
          counts.imported++;
          break;
        case 'replaced':
          r.imported++;
          r.replaced++;
          counts.imported++;
          counts.replaced++;
          break;
        case 'unchanged':
          r.unchanged++;
          counts.unchanged++;
          break;
        case 'kept':
          r.kept++;
          counts.kept++;
          break;
        case 'conflict':
          break;
        case 'duplicate':
          sink({
            file,
            line: row.line,
            raw: row.raw,
            severity: 'warning',
            kind: 'duplicate',
            reason: `${row.date} appeared earlier in the file with the same prices; dropped`,
            ticker,
            date: row.date,
          });
          break;
        case 'conflicting-duplicate':
          sink({
            file,
            line: row.line,
            raw: row.raw,
            severity: 'rejected',
            kind: 'conflicting-duplicate',
            reason: `${row.date} appeared earlier in the file with different prices`,
            ticker,
            date: row.date,
          });
          break;
      }
    }
  };

  let last = Date.now();
  /** The writing half: applies the parser's events in order. */
  const consume = (e: ParseEvent): void => {
    switch (e.t) {
      case 'issue':
        sink(e.issue);
        break;
      case 'first':
        firstRows.push(e.bar);
        break;
      case 'run': {
        current = e.ticker;
        const r = report(e.ticker);
        r.rows += e.parsed;
        counts.rows += e.parsed;
        counts.good += e.good;
        counts.warned += e.warned;
        write(e.ticker, e.rows);
        break;
      }
      case 'progress': {
        if (hooks.isCancelled?.()) throw new Cancelled('cancelled');
        const now = Date.now();
        if (hooks.onProgress && now - last >= interval) {
          last = now;
          hooks.onProgress({ file, rowsDone: e.rowsDone, rowsTotal });
        }
        break;
      }
    }
  };

  const pass = (): void => {
    last = Date.now();
    hooks.onProgress?.({ file, rowsDone: 0, rowsTotal });
    hash = produce(source, det, file, consume);
    hooks.onProgress?.({ file, rowsDone: rowsTotal, rowsTotal });
  };

  const blockers = (): string | null => {
    const why: string[] = [];
    if (counts.rejected > 0 && !options.allowRejected)
      why.push(`${counts.rejected} row(s) rejected (allow rejected rows to import the rest)`);
    if (writer && writer.conflictCount > 0 && policy === 'fail') {
      why.push(`${writer.conflictCount} row(s) differ from bars already in the archive (choose replace or keep)`);
    }
    if (counts.rows === 0) why.push('no data rows');
    return why.length ? why.join('; ') : null;
  };

  let status: FileResult['status'] = 'checked';
  let error: string | null = null;
  let importId: number | null = null;
  if (mode === 'preview') {
    try {
      writer = new BarWriter(db, 'check', policy, null, det.pricesAdjusted);
      pass();
      error = blockers();
    } catch (err) {
      status = 'failed';
      error = err instanceof Cancelled ? 'cancelled' : `internal error: ${message(err)}`;
      if (err instanceof Cancelled) status = 'cancelled';
    }
  } else {
    const tx = db.transaction((): number => {
      const id = beginImportRecord(db, file, '', det.provider);
      writer = new BarWriter(db, 'write', policy, id, det.pricesAdjusted);
      pass();
      const blocked = blockers();
      if (blocked) throw new Abort(`not imported: ${blocked}`);
      db.prepare('UPDATE imports SET file_hash = ? WHERE id = ?').run(hash, id);
      finishImportRecord(
        db,
        id,
        {
          total: counts.rows,
          written: counts.imported,
          replaced: counts.replaced,
          rejected: counts.rejected,
          warned: counts.warned,
        },
        {
          tickers: [...reports.keys()],
          createdTickers: writer.createdTickers,
          adjustedBefore: writer.adjustedBefore,
          onConflict: policy,
          allowRejected: options.allowRejected ?? false,
          dateFormat: det.dateFormat,
          delimiter: det.delimiter,
          decimalMark: det.decimalMark,
          mapping: det.mapping,
          mappingSource: det.mappingSource,
        },
      );
      if (det.mappingSource === 'user') saveMapping(db, det.layoutKey, det.mapping);
      return id;
    });
    // The writer creates the ticker and import rows before any bar that refers to them, so checking
    // both foreign keys on every inserted bar is redundant work; the pragma cannot change inside a
    // transaction, so it is switched around it and restored.
    const fk = db.pragma('foreign_keys', { simple: true }) as number;
    try {
      if (fk) db.pragma('foreign_keys = OFF');
      importId = tx.immediate();
      status = 'imported';
    } catch (err) {
      status = err instanceof Cancelled ? 'cancelled' : 'failed';
      error =
        err instanceof Abort
          ? err.message
          : err instanceof Cancelled
            ? 'cancelled; nothing was imported'
            : `internal error: ${message(err)}; nothing was imported`;
      // Rolled back: nothing of this file is in the archive.
      counts.imported = counts.replaced = 0;
      for (const r of reports.values()) r.imported = r.replaced = 0;
    } finally {
      if (fk) db.pragma('foreign_keys = ON');
    }
  }
  const w = writer as BarWriter | null;
  counts.conflicts = w?.conflictCount ?? 0;
  if (orphans.length) report(det.ticker ?? '?');
  return {
    ...base,
    status,
    importId,
    error,
    hash,
    counts,
    tickers: [...reports.values()],
    firstRows,
    conflicts: w?.conflicts ?? [],
  };
}

/** Previews or imports several files one after another (each its own transaction); a cancel stops the rest. */
export function processFiles(
  db: Db,
  files: Array<{ source: ImportSource; options?: ImportOptions }>,
  options: ImportOptions,
  mode: 'preview' | 'import',
  hooks: ImportHooks = {},
): FileResult[] {
  const out: FileResult[] = [];
  for (const f of files) {
    const opts = { ...options, ...(f.options ?? {}) };
    if (hooks.isCancelled?.()) {
      out.push(emptyResult(sourceName(f.source), 'cancelled', 'cancelled before it started; nothing was imported'));
      continue;
    }
    out.push(processFile(db, f.source, opts, mode, hooks));
  }
  return out;
}
