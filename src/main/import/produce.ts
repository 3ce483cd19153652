import type { FileDetection, ImportIssue, PreviewBar } from '../../shared/import';
import { LineTokenizer } from './csv-line';
import { forEachLine, type ImportSource } from './source';
import { makeFastRowParser, makeRowParser, validateRun, type Row } from './validate';

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
  const sink = (issue: ImportIssue): void => emit({ t: 'issue', issue });
  const parseRow = makeRowParser(det, file, sink);
  let run: Row[] = [];
  let current: string | null = null;
  let firstCount = 0;

  const flush = (): void => {
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
    const parsed = run.length;
    run = [];
    emit({ t: 'run', ticker, rows, parsed, good, warned });
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
  const hash = forEachLine(source, (line, no) => {
    if (no <= det.headerLines) return;
    if ((no & 1023) === 0) emit({ t: 'progress', rowsDone: no - det.headerLines });
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
  flush();
  return hash;
}
