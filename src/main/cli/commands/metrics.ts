import type { Figure } from '../../../shared/analytics';
import { returnKindSchema } from '../../../shared/contract/analytics';
import { tickerSymbol, tradingDate } from '../../../shared/contract/schemas';
import type { PriceBasis, TradingDate } from '../../../shared/domain';
import { flattenPanel } from '../../analytics/panel';
import { groupTable, metricsPanel, relativePerformance, UnknownTickerError } from '../../analytics/service';
import { CommandFailed, UsageError, type CommandContext, type Command } from '../command';

function str(ctx: CommandContext, name: string, required = true): string | undefined {
  const v = ctx.values[name];
  if (typeof v === 'string' && v !== '') return v;
  if (required) throw new UsageError(`--${name} is required`);
  return undefined;
}

function date(ctx: CommandContext, name: string): TradingDate {
  const v = str(ctx, name)!;
  const r = tradingDate.safeParse(v);
  if (!r.success) throw new UsageError(`--${name} ${v}: ${r.error.issues[0]?.message ?? 'not a date'}`);
  return r.data;
}

function ticker(v: string): string {
  const r = tickerSymbol.safeParse(v);
  if (!r.success) throw new UsageError(`${v}: ${r.error.issues[0]?.message ?? 'not a ticker'}`);
  return r.data;
}

function basis(ctx: CommandContext): PriceBasis {
  const v = str(ctx, 'basis', false) ?? 'raw';
  if (v !== 'raw' && v !== 'adjusted') throw new UsageError(`--basis must be raw or adjusted, not ${v}`);
  return v;
}

function window(ctx: CommandContext): { from: TradingDate; to: TradingDate } {
  const from = date(ctx, 'from');
  const to = date(ctx, 'to');
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  return { from, to };
}

/** Runs a service call, turning an unknown ticker into a command failure. */
function known<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    if (err instanceof UnknownTickerError) throw new CommandFailed(err.message);
    throw err;
  }
}

function tellNotes(ctx: CommandContext, notes: Array<string | null | undefined>): void {
  for (const n of new Set(notes)) if (n) ctx.progress(`note: ${n}`);
}

/** `metrics`: one ticker's figures over a window, as fractions (not percent). */
export const metricsCommand: Command = {
  name: 'metrics',
  summary: "Print a ticker's figures over a window (returns, volatility, volume, SMAs, highs, drawdown, gaps).",
  usage: 'metrics --db PATH --ticker T --from D --to D [--basis raw|adjusted]',
  options: { ticker: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, basis: { type: 'string' } },
  run: (ctx) => {
    const q = { ticker: ticker(str(ctx, 'ticker')!), ...window(ctx), basis: basis(ctx) };
    const panel = known(() => metricsPanel(ctx.core().db, q));
    tellNotes(ctx, [...panel.window.notes, panel.basisInfo.note, ...panel.averageVolume.notes]);
    return flattenPanel(panel);
  },
};

const value = (f: Figure): number | null => f.value;

/** `relative`: A against B over a window. */
export const relativeCommand: Command = {
  name: 'relative',
  summary: 'Print the relative performance of A against B: returns, difference, ratio, correlation, beta.',
  usage:
    'relative --db PATH --a T --b T --from D --to D [--basis raw|adjusted] [--kind closeToClose|openToClose|sincePriorClose]',
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    basis: { type: 'string' },
    kind: { type: 'string' },
  },
  run: (ctx) => {
    const kind = returnKindSchema.safeParse(str(ctx, 'kind', false) ?? 'closeToClose');
    if (!kind.success) throw new UsageError('--kind must be closeToClose, openToClose or sincePriorClose');
    const q = {
      a: ticker(str(ctx, 'a')!),
      b: ticker(str(ctx, 'b')!),
      ...window(ctx),
      basis: basis(ctx),
      returnKind: kind.data,
    };
    const r = known(() => relativePerformance(ctx.core().db, q));
    tellNotes(ctx, [...r.window.a.notes, ...r.window.b.notes, ...r.difference.notes]);
    const n = r.ratio.dates.length;
    return {
      a: r.a,
      b: r.b,
      from: q.from,
      to: q.to,
      firstDate: r.ratio.dates[0] ?? null,
      lastDate: r.ratio.dates[n - 1] ?? null,
      commonBars: n,
      basis: r.basis,
      returnKind: r.returnKind,
      returnA: value(r.returnA),
      returnB: value(r.returnB),
      difference: value(r.difference),
      ratioEnd: r.ratio.values[n - 1] ?? null,
      correlation: value(r.correlation),
      beta: value(r.beta),
      missingDaysA: r.window.a.missingDays,
      missingDaysB: r.window.b.missingDays,
    };
  },
};

/** `group`: a group table for one date or a window, sorted by change, with its breadth. */
export const groupCommand: Command = {
  name: 'group',
  summary: "Print a group table (each ticker's change, sorted) and its breadth for one date or a window.",
  usage: 'group --db PATH --tickers A,B,C (--date D | --from D --to D) [--basis raw|adjusted]',
  options: {
    tickers: { type: 'string' },
    date: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    basis: { type: 'string' },
  },
  run: (ctx) => {
    const tickers = str(ctx, 'tickers')!.split(',').filter(Boolean).map(ticker);
    const w = str(ctx, 'date', false) !== undefined ? { from: date(ctx, 'date'), to: date(ctx, 'date') } : window(ctx);
    const g = groupTable(ctx.core().db, { tickers, ...w, basis: basis(ctx) });
    tellNotes(
      ctx,
      g.rows.flatMap((r) => r.change.notes),
    );
    return {
      from: g.from,
      to: g.to,
      basis: g.basis,
      returnKind: g.returnKind,
      rows: g.rows.map((r) => ({
        ticker: r.ticker,
        change: r.change.value,
        firstDate: r.change.firstDate,
        lastDate: r.change.lastDate,
        close: r.close,
        aboveSma20: r.aboveSma20,
        aboveSma50: r.aboveSma50,
      })),
      breadth: g.breadth,
    };
  },
};
