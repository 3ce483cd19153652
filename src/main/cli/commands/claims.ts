import { UsageError, type Command } from '../command';

/** `verify`: every figure a report states, checked against the archive. */
export const verifyCommand: Command = {
  name: 'verify',
  summary: "Check every figure a report's prose states against the archive (holds, otherBasis, differs, unchecked).",
  usage: 'verify --db PATH --report ID',
  options: { report: { type: 'string' } },
  run: async (ctx) => {
    const reportId = Number(ctx.values.report);
    if (!Number.isInteger(reportId) || reportId <= 0) throw new UsageError('needs --report ID (`reports` lists them)');
    const v = await ctx.call('claims:verify', { reportId });
    return {
      report: v.report,
      counts: v.counts,
      claims: v.claims.map((c) => ({
        text: c.text,
        subject: c.subject,
        ticker: c.ticker,
        metric: c.metric,
        window: c.window,
        basis: c.metric === 'return' ? `${c.basis} ${c.returnKind}` : c.basis,
        stated: c.stated,
        computed: c.computed,
        verdict: c.verdict,
        note: c.note,
      })),
      comparisons: v.comparisons,
    };
  },
};

/** `ask`: a plain question answered with computed figures. */
export const askCommand: Command = {
  name: 'ask',
  summary: 'Answer a plain question with figures computed from the archive ("How did IWM do from Dec 1 to Jan 9?").',
  usage: 'ask --db PATH [--report ID] "question"',
  options: { report: { type: 'string' } },
  positionals: true,
  run: (ctx) => {
    const question = ctx.positionals.join(' ').trim();
    if (!question) throw new UsageError('ask needs a question');
    const reportId = ctx.values.report === undefined ? undefined : Number(ctx.values.report);
    return ctx.call('claims:ask', { question, ...(reportId !== undefined ? { reportId } : {}) });
  },
};
