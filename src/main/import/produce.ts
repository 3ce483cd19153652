import type { FileDetection, ImportIssue, PreviewBar } from '../../shared/import';
import { LineTokenizer } from './csv-line';
import { forEachLine, type ImportSource } from './source';
import { flagSnapshot, makeFastRowParser, makeRowParser, readDownloadStamp, validateRun, type Row } from './validate';

/** What the parsing side of an import hands to the writing side, in file order. */
export type ParseEvent =
  | { t: 'issue'; issue: ImportIssue }
  /** One ticker's run, validated and in date order; `parsed` counts its rows that parsed (incl. run-rejected). */
  | { t: 'run'; ticker: string; rows: Row[]; parsed: number; good: number; warned: number }
  | { t: 'first'; bar: PreviewBar }
  | { t: 'progress'; rowsDone: number };

/**
 * The parsing half of an import: streams the file, parses and checks each row, groups rows into
 * ticker runs and checks each run, emitting events in file order. Pure apart from reading the file;
 * the writer consumes the events (in the same thread, or in another one for large files). Returns
 * the sha256 of the file's bytes.
 */
export function produce(source: ImportSource, det: FileDetection, file: string, emit: (e: ParseEvent) => void): string {
  if (det.wide) return produceWide(source, det, det.wide, file, emit);
  const sink = (issue: ImportIssue): void => emit({ t: 'issue', issue });
  const parseRow = makeRowParser(det, file, sink);
  let run: Row[] = [];
  let current: string | null = null;
  let firstCount = 0;

  const flush = (): void => {
    const done = run;
    run = [];
    emitRun(done, file, sink, emit);
  };

  const fast = makeFastRowParser(det);

  const accept = (row: Row, no: number): void => {
    if (row.ticker !== current) {
      flush();
      current = row.ticker;
    }
    if (firstCount < 20) {
      firstCount++;
      const { ticker, date, open, high, low, close, adjClose, volume } = row;
      emit({ t: 'first', bar: { line: no, ticker, date, open, high, low, close, adjClose, volume } });
    }
    run.push(row);
  };

  const onRow = (fields: string[] | null, line: string, no: number): void => {
    const row = parseRow(fields, line, no, current ?? det.ticker);
    if (row) accept(row, no);
  };

  const tok = new LineTokenizer(det.delimiter, onRow);
  let stamp: ReturnType<typeof readDownloadStamp> = null;
  const hash = forEachLine(source, (line, no) => {
    if (no <= det.headerLines) return;
    if ((no & 1023) === 0) emit({ t: 'progress', rowsDone: no - det.headerLines });
    if (line.startsWith('Downloaded from')) stamp = readDownloadStamp(line);
    if (fast !== null && tok.idle) {
      const row = fast(line, no, current ?? det.ticker);
      if (row !== null) {
        accept(row, no);
        return;
      }
    }
    tok.push(line, no);
  });
  tok.end();
  // A bar dated on the download day, downloaded before the close, is still moving.
  const s = stamp as ReturnType<typeof readDownloadStamp>;
  if (s?.beforeClose) {
    const latest = run.reduce<Row | null>((best, r) => (!best || r.date > best.date ? r : best), null);
    if (latest?.date === s.date) flagSnapshot(latest, file, sink, `it is dated on the day the file was downloaded, before the close (${s.text})`);
  }
  flush();
  return hash;
}

/** Emits one ticker's run once it is complete: checked, counted, in date order. */
function emitRun(run: Row[], file: string, sink: (issue: ImportIssue) => void, emit: (e: ParseEvent) => void): void {
  if (!run.length) return;
  const ticker = run[0]!.ticker;
  const { rows } = validateRun(run, file, sink);
  let good = 0;
  let warned = 0;
  for (const row of run) {
    if (row.rejected) continue;
    if (row.warned) warned++;
    else good++;
  }
  emit({ t: 'run', ticker, rows, parsed: run.length, good, warned });
}

/**
 * Several tickers side by side (yfinance `download([...])`): every line holds a bar of each ticker, in
 * its own columns. Each ticker has its own row parser over its columns; its rows keep the file's line
 * numbers, gather into its run, and the runs go to the writer ticker by ticker once the file is read.
 * An issue names the ticker whose columns it was found in.
 */
function produceWide(
  source: ImportSource,
  det: FileDetection,
  wide: NonNullable<FileDetection['wide']>,
  file: string,
  emit: (e: ParseEvent) => void,
): string {
  const sink = (issue: ImportIssue): void => emit({ t: 'issue', issue });
  const parts = wide.map((w) => ({
    ticker: w.ticker,
    parse: makeRowParser({ ...det, mapping: w.mapping, ticker: w.ticker, wide: undefined }, file, sink),
    run: [] as Row[],
  }));
  let firstCount = 0;
  const onRow = (fields: string[] | null, line: string, no: number): void => {
    for (const p of parts) {
      const row = p.parse(fields, line, no, p.ticker);
      if (!row) continue;
      if (firstCount < 20) {
        firstCount++;
        const { ticker, date, open, high, low, close, adjClose, volume } = row;
        emit({ t: 'first', bar: { line: no, ticker, date, open, high, low, close, adjClose, volume } });
      }
      p.run.push(row);
    }
  };
  const tok = new LineTokenizer(det.delimiter, onRow);
  const hash = forEachLine(source, (line, no) => {
    if (no <= det.headerLines) return;
    if ((no & 1023) === 0) emit({ t: 'progress', rowsDone: no - det.headerLines });
    tok.push(line, no);
  });
  tok.end();
  for (const p of parts) emitRun(p.run, file, sink, emit);
  return hash;
}
