import { MARKETS } from '../../../shared/markets';
import fs from 'node:fs';
import path from 'node:path';
import { DATE_FORMATS, type FileResult } from '../../../shared/import';
import { importOptionsSchema } from '../../../shared/contract/import';
import { unreadableResult } from '../../import/import-file';
import { CommandFailed, UsageError, type Command } from '../command';

/** Expands folder arguments into the CSV/TXT files they hold (sorted by name). */
export function expandPaths(args: string[]): string[] {
  const out: string[] = [];
  for (const a of args) {
    const st = fs.statSync(a, { throwIfNoEntry: false });
    if (st?.isDirectory()) {
      for (const f of fs.readdirSync(a).sort()) {
        if (/\.(csv|txt)$/i.test(f) && fs.statSync(path.join(a, f)).isFile()) out.push(path.join(a, f));
      }
    } else {
      out.push(a);
    }
  }
  return out;
}

/** One line of the CLI's output per ticker of each file. */
export function cliEntries(results: FileResult[]): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const r of results) {
    const common = { file: r.file, provider: r.detection.provider, status: r.status, importId: r.importId };
    const extra = {
      ...(r.error ? { error: r.error } : {}),
      ...(r.conflicts.length ? { conflicts: r.conflicts.slice(0, 20), conflictCount: r.counts.conflicts } : {}),
    };
    if (!r.tickers.length) {
      out.push({
        ...common,
        ticker: r.detection.ticker,
        rows: 0,
        imported: 0,
        replaced: 0,
        warnings: [],
        rejected: [],
        ...extra,
      });
      continue;
    }
    for (const t of r.tickers) {
      out.push({
        file: r.file,
        ticker: t.ticker,
        provider: r.detection.provider,
        rows: t.rows,
        imported: t.imported,
        replaced: t.replaced,
        warnings: t.warnings.map((w) => ({ line: w.line, reason: w.reason })),
        rejected: t.rejected.map((w) => ({ line: w.line, reason: w.reason })),
        status: r.status,
        importId: r.importId,
        unchanged: t.unchanged,
        kept: t.kept,
        // The splits and dividends the file's own columns carried (recorded with the import).
        ...(r.actions.some((a) => a.ticker === t.ticker) ? { actions: r.actions.filter((a) => a.ticker === t.ticker) } : {}),
        market: t.market,
        ...(t.notes.length ? { notes: t.notes } : {}),
        ...extra,
      });
    }
  }
  return out;
}

/** `import`: imports (or with --dry-run checks) price files; exits non-zero when any was not imported. */
export const importCommand: Command = {
  name: 'import',
  summary: 'Import CSV price files (or every CSV/TXT in a folder); prints per-ticker results.',
  usage:
    'import --db PATH [--ticker T] [--on-conflict fail|replace|keep] [--date-format FMT] [--columns date=1,open=2,high=3,low=4,close=5[,volume=6][,adj-close=N][,ticker=N]] [--delimiter ,|;|tab|\\|] [--decimal-mark .|,] [--market US|BR|SG|…] [--allow-rejected] [--dry-run] FILE…',
  details: `--market sets the market the files' tickers trade on, which decides the holiday calendar of the\nwarnings (default: what each symbol suggests: ^BVSP and .SA are BR, .SI is SG, plain symbols US). Markets:\n${MARKETS.map((m) => `  ${m.code.padEnd(3)} ${m.name}${m.calendar ? ` (calendar: ${m.calendar})` : ''}`).join('\n')}`,
  options: {
    ticker: { type: 'string' },
    'on-conflict': { type: 'string' },
    'date-format': { type: 'string' },
    'allow-rejected': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    columns: { type: 'string' },
    delimiter: { type: 'string' },
    'decimal-mark': { type: 'string' },
    market: { type: 'string' },
  },
  positionals: true,
  run: async (ctx) => {
    if (!ctx.positionals.length) throw new UsageError('import needs at least one FILE or folder');
    const options = {
      ...(ctx.values.ticker !== undefined ? { ticker: ctx.values.ticker } : {}),
      ...(ctx.values['on-conflict'] !== undefined ? { onConflict: ctx.values['on-conflict'] } : {}),
      ...(ctx.values['date-format'] !== undefined ? { dateFormat: ctx.values['date-format'] } : {}),
      ...(ctx.values['allow-rejected'] ? { allowRejected: true } : {}),
      ...(typeof ctx.values.columns === 'string' ? { mapping: parseColumns(ctx.values.columns) } : {}),
      ...(ctx.values.delimiter !== undefined ? { delimiter: ctx.values.delimiter === 'tab' ? '\t' : ctx.values.delimiter } : {}),
      ...(ctx.values['decimal-mark'] !== undefined ? { decimalMark: ctx.values['decimal-mark'] } : {}),
      ...(typeof ctx.values.market === 'string' ? { market: ctx.values.market.toUpperCase() } : {}),
    };
    // Flags are checked here only to name the flag in the message; the channel checks them again.
    const parsed = importOptionsSchema.safeParse(options);
    if (!parsed.success) {
      const msg = parsed.error.issues.map((i) => `--${flagOf(String(i.path[0] ?? ''))}: ${i.message}`).join('; ');
      throw new UsageError(`${msg} (date formats: ${DATE_FORMATS.join(', ')})`);
    }
    const paths = expandPaths(ctx.positionals);
    if (!paths.length) throw new UsageError('no CSV or TXT files found in the given folder(s)');
    const core = ctx.core();
    // The command line is the user's own: the files it names are registered like the open dialog's.
    // One that cannot be (missing, not a regular file) fails alone, in its place in the output.
    const slots = paths.map((p) => {
      try {
        return { fileId: core.importFiles.register(p).fileId };
      } catch (err) {
        return unreadableResult(path.basename(p), (err as Error).message);
      }
    });
    const files = slots.filter((s): s is { fileId: string } => 'fileId' in s);
    const dryRun = ctx.values['dry-run'] === true;
    let last = 0;
    const stop = core.events.on('import:progress', (p) => {
      const now = Date.now();
      if (now - last < 250 && p.rowsDone !== 0 && p.rowsDone !== p.rowsTotal) return;
      last = now;
      ctx.progress(p.waiting ? `import: ${p.file} waiting for another import to finish…` : `import: ${p.file} ${p.rowsDone}/${p.rowsTotal}`);
    });
    let done: FileResult[] = [];
    try {
      if (files.length) {
        done = dryRun
          ? await ctx.call('import:preview', { files, options })
          : (await ctx.call('import:run', { files, options })).files;
      }
    } finally {
      stop();
    }
    const results = slots.map((s) => ('fileId' in s ? done.shift()! : s));
    const output = { files: cliEntries(results) };
    const failed = results.filter((r) => r.status !== 'imported' && !(r.status === 'checked' && r.error === null));
    if (failed.length) {
      throw new CommandFailed(
        `${failed.length} of ${results.length} file(s) ${dryRun ? 'would not be' : 'were not'} imported: ${failed.map((f) => `${f.file} (${f.error})`).join('; ')}`,
        output,
      );
    }
    return output;
  },
};

/** The command-line flag of an option. */
/**
 * `--columns date=1,open=2,…`: the hand mapping the import screen makes, with columns counted from 1 as
 * a spreadsheet shows them. A mapping made once (here or on screen) is remembered for files of that layout.
 */
export function parseColumns(spec: string): Record<string, number> {
  const names: Record<string, string> = { date: 'date', ticker: 'ticker', open: 'open', high: 'high', low: 'low', close: 'close', 'adj-close': 'adjClose', adjclose: 'adjClose', volume: 'volume', dividend: 'dividend', split: 'split' };
  const out: Record<string, number> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z-]+)\s*=\s*(\d+)$/i.exec(part);
    const field = m ? names[m[1]!.toLowerCase()] : undefined;
    if (!m || !field) throw new UsageError(`--columns: "${part}" is not FIELD=N (fields: date, open, high, low, close, volume, adj-close, ticker, dividend, split; N counts from 1)`);
    const n = Number(m[2]);
    if (n < 1) throw new UsageError(`--columns: ${m[1]} = ${n}: columns count from 1`);
    out[field] = n - 1;
  }
  for (const need of ['date', 'close']) {
    if (out[need] === undefined) throw new UsageError(`--columns needs ${need}=N too (date and close at least; open, high and low when the file has them)`);
  }
  return out;
}

function flagOf(option: string): string {
  return option.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/** `imports`: the import history. */
export const importsCommand: Command = {
  name: 'imports',
  summary: 'List the import history, newest first.',
  usage: 'imports --db PATH',
  options: {},
  run: async (ctx) => ({ imports: await ctx.call('import:list', {}) }),
};

/** `undo-import`: undoes one import, restoring the bars it replaced. */
export const undoImportCommand: Command = {
  name: 'undo-import',
  summary: 'Undo one import: remove exactly its bars and restore what it replaced.',
  usage: 'undo-import --db PATH --id N',
  options: { id: { type: 'string' } },
  run: (ctx) => {
    const id = Number(ctx.values.id);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError('undo-import needs --id N (a positive integer)');
    return ctx.call('import:undo', { id });
  },
};
