import type { Figure } from '../../../shared/analytics';
import { flattenPanel } from '../../analytics/panel';
import type { PriceBasis } from '../../../shared/domain';
import { UsageError, type CommandContext, type Command } from '../command';

/** What --basis means, for the help texts. */
export const BASIS_HELP = `--basis as-traded|split-adjusted|total-return (default split-adjusted), computed from the bars and the
ticker's recorded splits and dividends (see \`actions\`):
  as-traded       the prices the shares traded at each day (a provider's dividend adjustment undone)
  split-adjusted  as traded, bars before each split divided by its ratio: price return, what charts show
  total-return    split-adjusted with dividends reinvested (the bars before each ex-date scaled down)
The earlier names still work: raw is as-traded, adjusted is total-return.`;

/** The --basis flag, with the earlier names read as the bases they were (raw → as-traded, adjusted → total-return). */
export function basisFlag(ctx: CommandContext): PriceBasis | undefined {
  const v = ctx.values.basis;
  if (v === undefined) return undefined;
  if (v === 'raw') return 'as-traded';
  if (v === 'adjusted') return 'total-return';
  if (v === 'as-traded' || v === 'split-adjusted' || v === 'total-return') return v;
  throw new UsageError(`--basis ${String(v)} is not a basis: use as-traded, split-adjusted or total-return`);
}

/** The flags a command passes through as they are, for the contract's schema to validate. */
function flags(ctx: CommandContext, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = n === 'basis' ? basisFlag(ctx) : ctx.values[n];
    if (typeof v === 'string') out[n] = v;
  }
  return out;
}

function tellNotes(ctx: CommandContext, notes: Array<string | null | undefined>): void {
  for (const n of new Set(notes)) if (n) ctx.progress(`note: ${n}`);
}

/** `metrics`: one ticker's figures over a window, as fractions (not percent). */
export const metricsCommand: Command = {
  name: 'metrics',
  summary: "Print a ticker's figures over a window (returns, volatility, volume, SMAs, highs, drawdown, gaps).",
  usage: 'metrics --db PATH --ticker T --from D --to D [--basis as-traded|split-adjusted|total-return]',
  details: BASIS_HELP,
  options: { ticker: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, basis: { type: 'string' } },
  run: async (ctx) => {
    const panel = await ctx.call('analytics:panel', flags(ctx, ['ticker', 'from', 'to', 'basis']));
    // A figure across a suspected split says which: "sma50: spans a suspected unadjusted split on …".
    const spans = new Map<string, string[]>();
    for (const [name, f] of Object.entries(panel)) {
      if (!f || typeof f !== 'object' || !Array.isArray((f as Figure).notes)) continue;
      for (const n of (f as Figure).notes.filter((x) => x.startsWith('spans a suspected'))) spans.set(n, [...(spans.get(n) ?? []), name]);
    }
    // A figure that cannot be computed says why once: "openToClose, periodHigh: need daily opens…".
    const why = new Map<string, string[]>();
    for (const [name, f] of Object.entries(panel)) {
      if (!f || typeof f !== 'object' || !Array.isArray((f as Figure).notes) || (f as Figure).value !== null) continue;
      for (const n of (f as Figure).notes.filter((x) => x.startsWith('needs daily'))) why.set(n, [...(why.get(n) ?? []), name]);
    }
    tellNotes(ctx, [
      ...panel.window.notes,
      panel.basisInfo.note,
      ...panel.averageVolume.notes,
      ...[...spans].map(([n, names]) => `${names.join(', ')} ${n.replace(/^spans/, 'span')}`),
      ...[...why].map(([n, names]) => `${names.join(', ')}: ${n.replace(/^needs/, names.length > 1 ? 'need' : 'needs')}`),
    ]);
    return flattenPanel(panel);
  },
};

const value = (f: Figure): number | null => f.value;

/** `relative`: A against B over a window. */
export const relativeCommand: Command = {
  name: 'relative',
  summary: 'Print the relative performance of A against B: returns, difference, ratio, correlation, beta.',
  usage:
    'relative --db PATH --a T --b T --from D --to D [--basis as-traded|split-adjusted|total-return] [--kind closeToClose|openToClose|sincePriorClose]',
  details: BASIS_HELP,
  options: {
    a: { type: 'string' },
    b: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    basis: { type: 'string' },
    kind: { type: 'string' },
  },
  run: async (ctx) => {
    const { kind = 'closeToClose', ...rest } = flags(ctx, ['a', 'b', 'from', 'to', 'basis', 'kind']);
    const q = { ...rest, returnKind: kind };
    const r = await ctx.call('analytics:relative', q);
    tellNotes(ctx, [...r.window.a.notes, ...r.window.b.notes, ...r.difference.notes]);
    const n = r.ratio.dates.length;
    return {
      a: r.a,
      b: r.b,
      from: r.window.a.from,
      to: r.window.a.to,
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
      missingCountA: r.window.a.missingCount,
      missingDaysA: r.window.a.missingDays,
      missingCountB: r.window.b.missingCount,
      missingDaysB: r.window.b.missingDays,
    };
  },
};

/** `group`: a group table for one date or a window, sorted by change, with its breadth. */
export const groupCommand: Command = {
  name: 'group',
  summary: "Print a group table (each ticker's change, sorted) and its breadth for one date or a window.",
  usage: 'group --db PATH --tickers A,B,C (--date D | --from D --to D) [--basis as-traded|split-adjusted|total-return]',
  details: BASIS_HELP,
  options: {
    tickers: { type: 'string' },
    date: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    basis: { type: 'string' },
  },
  run: async (ctx) => {
    const { tickers = '', date, ...rest } = flags(ctx, ['tickers', 'date', 'from', 'to', 'basis']);
    const w = date !== undefined ? { from: date, to: date } : rest;
    const g = await ctx.call('analytics:group', {
      ...rest,
      ...w,
      tickers: tickers.split(',').filter(Boolean),
    });
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
