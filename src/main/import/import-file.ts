import type { FileResult } from '../../shared/import';
import { storageFailure } from '../db/storage-errors';
import type { ImportOptions } from '../../shared/contract/import';
import type { Db } from '../db/open';
import { LineTokenizer, splitLines } from './csv-line';
import { produce, type ParseEvent } from './produce';
import { DateFormatTally } from './dates';
import { SAMPLE_BYTES, dateAmbiguity, detect, type Detected } from './detect';
import { ImportCancelled, countLines, forEachLine, readSample, sourceName, type ImportSource } from './source';
import { FileTally, zeroCounts } from './tally';
import { addFileActions } from '../actions/repository';
import { keepPackedFile } from '../archive/packed-file';
import { refreshTickerTotals, storedMarket } from '../archive/repository';
import { BarWriter, beginImportRecord, finishImportRecord, loadMapping, saveMapping } from './write';

/** Progress and cancellation hooks of a long import. */
export interface ImportHooks {
  /** Called at most every `progressIntervalMs` (and once at the start and end of each file). */
  onProgress?: (p: { file: string; rowsDone: number; rowsTotal: number; waiting?: boolean }) => void;
  /** Polled while rows stream; returning true rolls the current file back and stops. */
  isCancelled?: () => boolean;
  /** Minimum time between progress calls (default 100 ms, i.e. up to 10 a second). */
  progressIntervalMs?: number;
}

/** Thrown inside the import transaction to roll it back with a reason for the user. */
class Abort extends Error {}

/** Whether a file is checked or written. */
type Mode = 'preview' | 'import';

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
      market: null,
    },
    counts: zeroCounts(),
    tickers: [],
    firstRows: [],
    sampleLines: [],
    conflicts: [],
    actions: [],
  };
}

/** Finishes deciding the date layout over the whole column when the sample left several. */
function settleDateFormat(det: Detected, source: ImportSource, isCancelled?: () => boolean): void {
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
    forEachLine(
      source,
      (line, no) => {
        if (no > det.headerLines) tok.push(line, no);
      },
      isCancelled,
    );
    tok.end();
    best = tally.best();
  }
  if (best.length === 1) det.dateFormat = best[0]!;
  else if (best.length === 0) det.needs.push({ kind: 'layout', message: 'no dates found in the date column' });
  else det.needs.push(dateAmbiguity(best));
}

/** What a file's first read found: the detection, or a result to return at once. */
type Detection = { det: Detected; base: Pick<FileResult, 'file' | 'detection' | 'sampleLines'> } | { result: FileResult };

/** Reads the sample, detects the layout and settles the date format over the whole column. */
function detectFile(db: Db, source: ImportSource, options: ImportOptions, mode: Mode, hooks: ImportHooks): Detection {
  const file = sourceName(source);
  let sample: { text: string; complete: boolean };
  let det: Detected;
  try {
    sample = readSample(source, SAMPLE_BYTES);
    det = detect(sample.text, file, options, { savedMapping: (k) => loadMapping(db, k), storedMarket: (t) => storedMarket(db, t) }, sample.complete);
    settleDateFormat(det, source, hooks.isCancelled);
  } catch (err) {
    if (err instanceof ImportCancelled) return { result: emptyResult(file, 'cancelled', 'cancelled; nothing was imported') };
    return { result: emptyResult(file, 'failed', `cannot read ${file}: ${message(err)}`) };
  }
  const { dateCandidates: _unused, ...detection } = det;
  void _unused;
  const sampleLines = splitLines(sample.text)
    .slice(0, 12)
    .map((l) => l.slice(0, 500));
  const base = { file, detection, sampleLines };
  if (!det.needs.length) return { det, base };
  return {
    result: {
      ...base,
      status: mode === 'preview' ? 'checked' : 'failed',
      importId: null,
      error: det.needs.map((n) => n.message).join('; '),
      hash: '',
      counts: zeroCounts(),
      tickers: [],
      firstRows: [],
      conflicts: [],
      actions: [],
    },
  };
}

/**
 * One full pass over the file: parses every row, tallies it and hands each run to the writer (which
 * checks or writes it). Returns the file's sha256.
 */
function readAndWrite(
  source: ImportSource,
  det: Detected,
  file: string,
  tally: FileTally,
  writer: BarWriter,
  hooks: ImportHooks,
): string {
  const rowsTotal = Math.max(0, countLines(source, hooks.isCancelled) - det.headerLines);
  const interval = hooks.progressIntervalMs ?? 100;
  let last = Date.now();
  hooks.onProgress?.({ file, rowsDone: 0, rowsTotal });
  const hash = produce(source, det, file, (e: ParseEvent) => {
    switch (e.t) {
      case 'issue':
        writer.issue(e.issue);
        tally.issue(e.issue);
        break;
      case 'first':
        tally.firstRows.push(e.bar);
        break;
      case 'run':
        tally.run(e.ticker, e.rows, e.parsed, e.good, e.warned);
        tally.write(writer, e.ticker, e.rows);
        break;
      case 'progress': {
        if (hooks.isCancelled?.()) throw new ImportCancelled();
        const now = Date.now();
        if (hooks.onProgress && now - last >= interval) {
          last = now;
          hooks.onProgress({ file, rowsDone: e.rowsDone, rowsTotal });
        }
        break;
      }
    }
  });
  hooks.onProgress?.({ file, rowsDone: rowsTotal, rowsTotal });
  return hash;
}

/** `1 row`, `27 rows`. */
const rowsWord = (n: number): string => `${n.toLocaleString('en-US')} ${n === 1 ? 'row' : 'rows'}`;

/** Why a file that was read cannot be imported as it stands, or null. */
function blockers(tally: FileTally, writer: BarWriter, options: ImportOptions): string | null {
  const why: string[] = [];
  const { counts } = tally;
  if (counts.rejected > 0 && !options.allowRejected)
    why.push(`${rowsWord(counts.rejected)} rejected (allow rejected rows to import the rest)`);
  if (writer.conflictCount > 0 && (options.onConflict ?? 'fail') === 'fail')
    why.push(`${rowsWord(writer.conflictCount)} ${writer.conflictCount === 1 ? 'differs' : 'differ'} from bars already in the archive (choose replace or keep)`);
  if (counts.rows === 0) why.push('no data rows');
  return why.length ? why.join('; ') : null;
}

/** The result of a file that was read, whatever became of it. */
function fileResult(
  base: Pick<FileResult, 'file' | 'detection' | 'sampleLines'>,
  tally: FileTally,
  writer: BarWriter | null,
  outcome: Pick<FileResult, 'status' | 'importId' | 'error' | 'hash'>,
): FileResult {
  tally.counts.conflicts = writer?.conflictCount ?? 0;
  return {
    ...base,
    ...outcome,
    counts: tally.counts,
    tickers: tally.finish(),
    firstRows: tally.firstRows,
    conflicts: writer?.conflicts ?? [],
    actions: tally.actions,
  };
}

/** Checks one file without writing: what an import would do, conflicts with the archive included. */
export function previewFile(db: Db, source: ImportSource, options: ImportOptions, hooks: ImportHooks = {}): FileResult {
  const found = detectFile(db, source, options, 'preview', hooks);
  if ('result' in found) return found.result;
  const { det, base } = found;
  const tally = new FileTally(base.file, det.ticker, det.market);
  let writer: BarWriter | null = null;
  try {
    writer = new BarWriter(db, 'check', options.onConflict ?? 'fail', null, det.pricesAdjusted);
    const hash = readAndWrite(source, det, base.file, tally, writer, hooks);
    return fileResult(base, tally, writer, { status: 'checked', importId: null, error: blockers(tally, writer, options), hash });
  } catch (err) {
    const cancelled = err instanceof ImportCancelled;
    return fileResult(base, tally, writer, {
      status: cancelled ? 'cancelled' : 'failed',
      importId: null,
      error: cancelled ? 'cancelled' : (storageFailure(err) ?? `internal error: ${message(err)}`),
      hash: '',
    });
  }
}

/**
 * Imports one file in one IMMEDIATE transaction: it either commits whole or leaves the archive exactly
 * as it was (rejected rows, conflicts under `fail`, a cancel or an error all roll back). The import
 * record is written with the file's hash and counts once the pass is done.
 */
export function importFile(db: Db, source: ImportSource, options: ImportOptions, hooks: ImportHooks = {}): FileResult {
  const found = detectFile(db, source, options, 'import', hooks);
  if ('result' in found) return found.result;
  const { det, base } = found;
  const policy = options.onConflict ?? 'fail';
  const tally = new FileTally(base.file, det.ticker, det.market);
  let writer: BarWriter | null = null;
  let hash = '';
  let started = false;
  const tx = db.transaction((): number => {
    started = true;
    const id = beginImportRecord(db, base.file, det.provider);
    // The market the analyst gave (not the ticker's stored one that detection fell back on): only that
    // is set on the tickers, and recorded for undo.
    const w = (writer = new BarWriter(db, 'write', policy, id, det.pricesAdjusted, options.market ?? null));
    hash = readAndWrite(source, det, base.file, tally, w, hooks);
    const blocked = blockers(tally, w, options);
    if (blocked) throw new Abort(`not imported: ${blocked}`);
    // The file's splits and dividends belong to this import (undone with it); one already recorded stays.
    addFileActions(db, id, tally.actions);
    refreshTickerTotals(db, tally.tickers);
    const { counts } = tally;
    finishImportRecord(db, id, {
      hash,
      counts: { total: counts.rows, written: counts.imported, replaced: counts.replaced, rejected: counts.rejected, warned: counts.warned },
      options: {
        tickers: tally.tickers,
        createdTickers: w.createdTickers,
        adjustedBefore: w.adjustedBefore,
        market: options.market ?? null,
        marketBefore: w.marketBefore,
        onConflict: policy,
        allowRejected: options.allowRejected ?? false,
        dateFormat: det.dateFormat,
        delimiter: det.delimiter,
        decimalMark: det.decimalMark,
        mapping: det.mapping,
        mappingSource: det.mappingSource,
      },
    });
    if (det.mappingSource === 'user') saveMapping(db, det.layoutKey, det.mapping);
    return id;
  });
  // The writer creates the ticker and import rows before any bar that refers to them, so checking
  // both foreign keys on every inserted bar is redundant work; the pragma cannot change inside a
  // transaction, so it is switched around it and restored.
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  try {
    if (fk) db.pragma('foreign_keys = OFF');
    const importId = immediateWhenFree(tx, () => started, base.file, hooks);
    keepPackedFile(db, true);
    return fileResult(base, tally, writer, { status: 'imported', importId, error: null, hash });
  } catch (err) {
    // Rolled back: nothing of this file is in the archive.
    tally.rolledBack();
    const error =
      err instanceof Abort
        ? err.message
        : err instanceof ImportCancelled
          ? 'cancelled; nothing was imported'
          : `${storageFailure(err) ?? `internal error: ${message(err)}`}; nothing was imported`;
    return fileResult(base, tally, writer, { status: err instanceof ImportCancelled ? 'cancelled' : 'failed', importId: null, error, hash });
  } finally {
    if (fk) db.pragma('foreign_keys = ON');
  }
}

/** How long an import waits for another one (another window, the CLI) to finish writing. */
const WAIT_FOR_WRITER_MS = 30 * 60_000;

const isBusy = (err: unknown): boolean => (err as { code?: string } | null)?.code === 'SQLITE_BUSY';

/**
 * Runs the import's IMMEDIATE transaction once the archive is free to write: while another import (in
 * another window or the CLI) holds the write lock, the connection's busy timeout waits, and on every
 * timeout this import says it is waiting and tries again, until the other one is done. Only a lock
 * refused before the transaction began is waited for; anything later rolls back as any failure does.
 */
function immediateWhenFree(tx: { immediate(): number }, started: () => boolean, file: string, hooks: ImportHooks): number {
  const until = Date.now() + WAIT_FOR_WRITER_MS;
  for (;;) {
    try {
      return tx.immediate();
    } catch (err) {
      if (!isBusy(err) || started() || Date.now() > until || hooks.isCancelled?.()) throw err;
      hooks.onProgress?.({ file, rowsDone: 0, rowsTotal: 0, waiting: true });
    }
  }
}

/** Previews or imports one file; never throws, failures come back in the result. */
export function processFile(
  db: Db,
  source: ImportSource,
  options: ImportOptions,
  mode: Mode,
  hooks: ImportHooks = {},
): FileResult {
  return mode === 'preview' ? previewFile(db, source, options, hooks) : importFile(db, source, options, hooks);
}

/** The result of a file that could not be opened at all. */
export function unreadableResult(file: string, error: string): FileResult {
  return emptyResult(file, 'failed', error);
}

/** The result of a file a cancel stopped before it was read. */
export function cancelledResult(source: ImportSource): FileResult {
  return emptyResult(sourceName(source), 'cancelled', 'cancelled before it started; nothing was imported');
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
      out.push(cancelledResult(f.source));
      continue;
    }
    out.push(processFile(db, f.source, opts, mode, hooks));
  }
  return out;
}
