/**
 * Verification and the ask box over the shipped sample (real yfinance bars): every figure of the
 * sample report gets the verdict pandas gives it independently (tests/fixtures/claims/make-reference.py
 * → reference.json), through the dispatcher and the CLI; thirty questions in an analyst's words are read
 * and answered with computed figures, with precision and recall printed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closestForms } from '../../../src/main/claims/ask';
import { rechecked } from '../../../src/main/claims/recheck';
import { markClaims } from '../../../src/shared/claim-marks';
import { runCli } from '../../../src/main/cli/run';
import type { Core } from '../../../src/main/core';
import { createDispatcher, type Dispatch } from '../../../src/main/ipc/handle';
import { handlers } from '../../../src/main/ipc/handlers';
import { loadSampleOnFirstStart } from '../../../src/main/sample/sample';
import type { Answer, ClaimAlias, ClaimMetric, ReportVerification } from '../../../src/shared/claims';
import { freshCore } from '../../helpers/core';

interface Reference {
  claims: Array<{ section: string; ticker: string; metric: string; stated: number; computed: number | null; verdict: string; holdsOn: string | null }>;
  comparisons: Array<{ section: string; order: string[]; verdict: string }>;
}
const reference = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../fixtures/claims/reference.json'), 'utf8')) as Reference;

const TRUSTED = { url: 'cli:' };
let core: Core;
let dir: string;
let cleanup: () => void;
let dispatch: Dispatch;
let reportId: number;

beforeAll(async () => {
  ({ core, cleanup, dir } = freshCore());
  dispatch = createDispatcher(handlers, core, () => true, () => {});
  await loadSampleOnFirstStart(core, { enabled: true });
  reportId = core.db.prepare('SELECT id FROM reports WHERE sample = 1').pluck().get() as number;
}, 60_000);
afterAll(() => cleanup());

async function ok<T>(channel: string, input: unknown): Promise<T> {
  const r = await dispatch(channel, input, TRUSTED);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.data as T;
}

describe('the sample report, verified', () => {
  it('gets for every figure the verdict pandas gives it, with the same computed value', async () => {
    const v = await ok<ReportVerification>('claims:verify', { reportId });
    expect(v.claims.map((c) => [c.section, c.ticker, c.metric])).toEqual(reference.claims.map((c) => [c.section, c.ticker, c.metric]));
    for (const [i, ref] of reference.claims.entries()) {
      const c = v.claims[i]!;
      const what = `${ref.section} ${ref.ticker} ${ref.metric} ${ref.stated}`;
      expect(c.stated, what).toBeCloseTo(ref.stated, 12);
      expect(c.verdict, what).toBe(ref.verdict);
      if (ref.computed === null) expect(c.computed, what).toBeNull();
      else expect(Math.abs(c.computed! - ref.computed) / Math.abs(ref.computed), what).toBeLessThan(1e-9);
      if (ref.holdsOn === 'openToClose') expect(c.note, what).toContain('holds open-to-close, not close-to-close');
    }
    expect(v.comparisons.map((c) => [c.section, c.order.map((o) => o.ticker), c.verdict])).toEqual(reference.comparisons.map((c) => [c.section, c.order, c.verdict]));
    expect(v.counts).toEqual({ holds: 8, otherBasis: 7, differs: 7, unchecked: 4 });
  });

  it('says what to import, which trading day a Sunday means, and by how much a figure is off', async () => {
    const v = await ok<ReportVerification>('claims:verify', { reportId });
    const nasdaq = v.claims.find((c) => c.ticker === '^IXIC')!;
    expect(nasdaq).toMatchObject({ verdict: 'unchecked', note: 'import ^IXIC for 2025-12-01..2026-01-09' });
    const sunday = v.claims.find((c) => c.metric === 'close' && c.ticker === '^GSPC')!;
    expect(sunday.verdict).toBe('holds');
    expect(sunday.note).toBe('2026-01-11 is a Sunday, not a trading day: read as 2026-01-09');
    const energy = v.claims.find((c) => c.ticker === 'XLE')!;
    expect(energy.note).toBe('computed 0.26 %, stated -1.59 % (off by +1.85 pt)');
    const iwm = v.claims.find((c) => c.ticker === 'IWM' && c.metric === 'return')!;
    // With IWM's December dividend recorded (the sample's actions.json), 5.97 % is its as-traded first open to last close.
    expect(iwm).toMatchObject({ verdict: 'otherBasis', note: 'holds open-to-close, not close-to-close (5.95 % close-to-close)' });
    expect(iwm.how).toMatch(/28 bars, 2025-12-01 → 2026-01-09/);
    const order = v.comparisons[0]!;
    expect(order.note).toBe('the figures themselves contradict the order: Russell 2000 at 5.72 % is ahead of Dow at 4.04 %, so Russell 2000 led');
  });

  it('prints the same through the CLI', async () => {
    let out = '';
    const code = await runCli(['verify', '--db', path.join(dir, 'archive.sqlite'), '--report', String(reportId)], { stdout: (t) => (out += t), stderr: () => {}, env: {} });
    expect(code).toBe(0);
    const printed = JSON.parse(out) as { report: { id: number }; claims: Array<Record<string, unknown>> };
    expect(printed.report.id).toBe(reportId);
    expect(Object.keys(printed.claims[0]!)).toEqual(['text', 'subject', 'ticker', 'metric', 'window', 'basis', 'stated', 'computed', 'verdict', 'note']);
    expect(printed.claims.map((c) => c['verdict'])).toEqual(reference.claims.map((c) => c.verdict));
  });

  it('computes the claims written in the Markdown: a bare computation shows its value, a stated one is checked', async () => {
    const draft = {
      title: 'Explicit figures',
      asOf: '2026-01-11',
      market: 'US Stock',
      sentiment: 'Neutral',
      tags: [],
      tickers: ['IWM'],
      window: { from: '2025-12-01', to: '2026-01-09' },
      sections: [
        {
          id: 'figures',
          heading: 'Figures',
          markdown:
            'The Russell 2000 rose {{return ^RUT 2025-12-01..2026-01-09 openToClose}} over the window, and IWM {{5.95 % = return IWM}}. ' +
            'Its daily volatility was {{1.5 % = volatility IWM}}; the S&P 500 closed at {{close the S&P 500 2026-01-09}}.',
        },
      ],
      references: [],
    };
    const created = await ok<{ id: number }>('reports:create', { draft });
    const v = await ok<ReportVerification>('claims:verify', { reportId: created.id });
    expect(v.claims.map((c) => [c.ticker, c.metric, c.verdict, c.display ?? null])).toEqual([
      ['^RUT', 'return', 'holds', '5.72 %'],
      ['IWM', 'return', 'holds', null],
      ['IWM', 'dailyVolatility', 'differs', null],
      ['^GSPC', 'close', 'holds', '6,966.28'],
    ]);
    // Shown at the precision it was stated with (one decimal); the difference exactly.
    expect(v.claims[2]!.note).toBe('computed 0.9 %, stated 1.5 % (off by -0.57 pt)');
    // As the Markdown renders it: text escaped (S&amp;P).
    const html = markClaims(`<p>${draft.sections[0]!.markdown.replace(/&/g, '&amp;')}</p>`, v.claims.map((claim, index) => ({ index, claim })));
    expect(html).toContain('<span class="claim-fig v-holds computed">5.72 %</span>');
    expect(html).toContain('<span class="claim-fig v-holds">5.95 %</span>');
    expect(html).toContain('<span class="claim-fig v-differs">1.5 %</span>');
    expect(html).not.toContain('{{');
    await ok('reports:delete', { id: created.id });
    await ok('reports:purge', { id: created.id });
  });

  it("keeps the analyst's decisions: accepted, rejected (not checked, marked or counted), edited (checked as edited), and taken back", async () => {
    const before = await ok<ReportVerification>('claims:verify', { reportId });
    const rut = before.claims.find((c) => c.ticker === '^RUT' && c.section === 'performance-and-technical-context' && c.metric === 'return')!;
    const nasdaq = before.claims.find((c) => c.ticker === '^IXIC')!;
    const iwm = before.claims.find((c) => c.ticker === 'IWM' && c.metric === 'dailyVolatility')!;
    expect([rut.review, rut.verdict]).toEqual(['proposed', 'otherBasis']);
    await ok('claims:review', { reportId, key: iwm.key, decision: 'accepted' });
    await ok('claims:review', { reportId, key: nasdaq.key, decision: 'rejected' });
    const after = await ok<ReportVerification>('claims:review', { reportId, key: rut.key, decision: 'edited', edit: { returnKind: 'openToClose' } });
    const get = (v: ReportVerification, key: string) => v.claims.find((c) => c.key === key)!;
    expect(get(after, iwm.key)).toMatchObject({ review: 'accepted', verdict: 'otherBasis', note: 'holds on total-return prices, not split-adjusted prices (0.93 %)' });
    expect(get(after, nasdaq.key)).toMatchObject({ review: 'rejected', computed: null, note: 'rejected: not a figure to check' });
    expect(get(after, rut.key)).toMatchObject({ review: 'edited', returnKind: 'openToClose', verdict: 'holds' });
    expect(after.counts).toEqual({ holds: 9, otherBasis: 6, differs: 7, unchecked: 3 });
    // An edit needs what it changes; an unknown report is refused.
    expect((await dispatch('claims:review', { reportId, key: rut.key, decision: 'edited' }, TRUSTED)).ok).toBe(false);
    expect(await dispatch('claims:review', { reportId: 9999, key: rut.key, decision: 'accepted' }, TRUSTED)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    for (const c of [iwm, nasdaq, rut]) await ok('claims:review', { reportId, key: c.key, decision: 'proposed' });
    expect((await ok<ReportVerification>('claims:verify', { reportId })).counts).toEqual(before.counts);
  });

  it('flags figures swapped between two subjects of one sentence', async () => {
    const draft = {
      title: 'Swapped',
      asOf: '2026-01-11',
      market: 'US Stock',
      sentiment: 'Neutral',
      tags: [],
      tickers: [],
      window: { from: '2025-12-01', to: '2026-01-09' },
      // Close to close the Russell 2000 gained 6.28 % and the S&P 500 2.26 %: here they are the wrong way round.
      sections: [{ id: 's', heading: 'S', markdown: 'Over the window the Russell 2000 gained 2.26 % while the S&P 500 rose 6.28 %.' }],
      references: [],
    };
    const created = await ok<{ id: number }>('reports:create', { draft });
    const v = await ok<ReportVerification>('claims:verify', { reportId: created.id });
    expect(v.claims.map((c) => [c.ticker, c.verdict])).toEqual([['^RUT', 'differs'], ['^GSPC', 'differs']]);
    expect(v.claims[0]!.note).toMatch(/the stated figure is S&P 500's \(2\.26 %\): swapped with it\?$/);
    expect(v.claims[1]!.note).toMatch(/the stated figure is Russell 2000's \(6\.28 %\): swapped with it\?$/);
    await ok('reports:delete', { id: created.id });
    await ok('reports:purge', { id: created.id });
  });

  it('reads edited aliases: "Russell" named as IWM changes what the claims check', async () => {
    const aliases = await ok<ClaimAlias[]>('claims:aliases', {});
    expect(aliases).toContainEqual({ name: 'Russell 2000', ticker: '^RUT' });
    await ok('claims:setAliases', { aliases: [...aliases.filter((a) => !a.name.startsWith('Russell')), { name: 'Russell 2000', ticker: 'IWM' }] });
    const v = await ok<ReportVerification>('claims:verify', { reportId });
    expect(v.claims.filter((c) => c.subject.includes('Russell')).every((c) => c.ticker === 'IWM')).toBe(true);
    expect(await ok<ClaimAlias[]>('claims:setAliases', { aliases: [] })).toContainEqual({ name: 'Russell 2000', ticker: '^RUT' });
  });
});

/** Questions, and what a right answer computes: tickers (in order) and the metric; null: not answerable. */
const QUESTIONS: Array<[string, { tickers: string[]; metric: ClaimMetric } | null]> = [
  ['How did IWM do from Dec 1 to Jan 9?', { tickers: ['IWM'], metric: 'return' }],
  ['Which sector ETF rose most on Jan 9?', { tickers: ['XLB', 'XLU', 'XLI', 'XLE', 'XLRE'], metric: 'oneDay' }],
  ['Was the S&P 500 above its 50-day average on Jan 9?', { tickers: ['^GSPC', '^GSPC'], metric: 'sma50' }],
  ['Compare IWM and SPY volatility over the report window', { tickers: ['IWM', 'SPY'], metric: 'dailyVolatility' }],
  ['What was the return of the Russell 2000 over the report window?', { tickers: ['^RUT'], metric: 'return' }],
  ['How much did SPY gain between 2025-12-01 and 2026-01-09?', { tickers: ['SPY'], metric: 'return' }],
  ['Which sector fell most on Jan 9?', { tickers: ['XLRE', 'XLE', 'XLI', 'XLU', 'XLB'], metric: 'oneDay' }],
  ['What was the average volume of IWM over the report window?', { tickers: ['IWM'], metric: 'averageVolume' }],
  ["What is SPY's all-time high?", { tickers: ['SPY'], metric: 'allTimeHigh' }],
  ['Where did the Dow close on Jan 9?', { tickers: ['^DJI'], metric: 'close' }],
  ['Was IWM above its 20-day average on Jan 9?', { tickers: ['IWM', 'IWM'], metric: 'sma20' }],
  ['Is SPY below its 200-day moving average?', { tickers: ['SPY', 'SPY'], metric: 'sma200' }],
  ['How volatile was XLB over the report window?', { tickers: ['XLB'], metric: 'dailyVolatility' }],
  ['Compare XLI and XLU returns from Dec 1 to Jan 9', { tickers: ['XLI', 'XLU'], metric: 'return' }],
  ['What was the 52-week high of the S&P 500 on Jan 9?', { tickers: ['^GSPC'], metric: 'high52w' }],
  ['How did small caps do over the past three months?', { tickers: ['IWM'], metric: 'return' }],
  ['Did Energy rise on Jan 9?', { tickers: ['XLE'], metric: 'oneDay' }],
  ['How did Utilities perform over the report window?', { tickers: ['XLU'], metric: 'return' }],
  ['What was the annualized volatility of SPY over the report window?', { tickers: ['SPY'], metric: 'annualizedVolatility' }],
  ['Which of IWM, SPY and XLI gained most over the report window?', { tickers: ['XLI', 'IWM', 'SPY'], metric: 'return' }],
  ['IWM vs SPY volatility over the report window', { tickers: ['IWM', 'SPY'], metric: 'dailyVolatility' }],
  ['How did the Nasdaq Composite do over the report window?', { tickers: [], metric: 'return' }],
  ['What did XLRE close at on Jan 9?', { tickers: ['XLRE'], metric: 'close' }],
  ['How much did the Russell 2000 move on Jan 9?', { tickers: ['^RUT'], metric: 'oneDay' }],
  ['Average volume of SPY from Dec 1 to Jan 9?', { tickers: ['SPY'], metric: 'averageVolume' }],
  ['What was the S&P 500 return year to date?', { tickers: ['^GSPC'], metric: 'return' }],
  ['Tell me a joke', null],
  ['Should I buy IWM?', null],
  ['What is the weather in New York?', null],
  ['Who will win the election?', null],
];

describe('the ask box', () => {
  it(`reads ${QUESTIONS.length} questions and answers them with computed figures`, async () => {
    let right = 0;
    let understood = 0;
    let answerable = 0;
    const wrong: string[] = [];
    for (const [q, expected] of QUESTIONS) {
      const a = await ok<Answer>('claims:ask', { question: q, reportId });
      if (expected) answerable++;
      if (a.understood) understood++;
      const got = { tickers: a.figures.map((f) => f.ticker), metric: a.figures.at(-1)?.metric ?? null };
      const fine = expected === null ? !a.understood && a.suggestions.length > 0 : a.understood && got.tickers.join() === expected.tickers.join() && (expected.tickers.length === 0 || got.metric === expected.metric);
      if (fine && expected) right++;
      if (!fine) wrong.push(`${q} → ${JSON.stringify({ understood: a.understood, ...got, answer: a.answer })}`);
    }
    const precision = right / understood;
    const recall = right / answerable;
    console.log(`ask box: ${QUESTIONS.length} questions, ${answerable} answerable; precision ${(precision * 100).toFixed(1)} %, recall ${(recall * 100).toFixed(1)} %`);
    if (wrong.length) console.log(wrong.join('\n'));
    expect(QUESTIONS.length).toBeGreaterThanOrEqual(30);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.85);
  });

  it('answers the four forms in words, with the figures, a table and how each was computed', async () => {
    const one = await ok<Answer>('claims:ask', { question: 'How did IWM do from Dec 1 to Jan 9?' });
    expect(one.answer).toBe('IWM: return +5.95 % over 2025-12-01 → 2026-01-09.');
    expect(one.figures[0]!.how).toMatch(/28 bars, 2025-12-01 → 2026-01-09/);
    // With a small chart of the closes it rests on.
    expect(one.series).toHaveLength(1);
    expect(one.series[0]).toMatchObject({ ticker: 'IWM', dates: expect.arrayContaining(['2025-12-01', '2026-01-09']) });
    expect(one.series[0]!.dates).toHaveLength(28);
    const rank = await ok<Answer>('claims:ask', { question: 'Which sector ETF rose most on Jan 9?' });
    expect(rank.answer).toBe('XLB (Materials Select Sector SPDR) did best: one-day change +1.60 % on 2026-01-09.');
    expect(rank.table!.rows[0]).toEqual(['XLB', '+1.60 %']);
    const level = await ok<Answer>('claims:ask', { question: 'Was the S&P 500 above its 50-day average on Jan 9?' });
    expect(level.answer).toMatch(/^Yes: S&P 500 \(\^GSPC\) closed at 6,966\.28 on 2026-01-09, above its 50-day average of 6,8\d\d\.\d\d/);
    const cmp = await ok<Answer>('claims:ask', { question: 'Compare IWM and SPY volatility over the report window', reportId });
    expect(cmp.answer).toBe('Daily volatility over 2025-12-01 → 2026-01-09: IWM 0.93 %, SPY 0.53 %.');
    const missing = await ok<Answer>('claims:ask', { question: 'How did the Nasdaq Composite do over the report window?', reportId });
    expect(missing.answer).toBe('^IXIC is not in the archive: import it for 2025-12-01 → 2026-01-09.');
    const unread = await ok<Answer>('claims:ask', { question: 'Tell me a joke' });
    expect(unread).toMatchObject({ understood: false, figures: [] });
    expect(unread.suggestions).toContain('How did IWM do from Dec 1 to Jan 9?');
    // The closest forms first: a question about a moving average it cannot place gets that form on top.
    expect(closestForms('was the average above its 50-day line?')[0]).toBe('Was the S&P 500 above its 50-day average on Jan 9?');
    expect(closestForms('which sector did best')[0]).toBe('Which sector ETF rose most on Jan 9?');
    const volume = await ok<Answer>('claims:ask', { question: 'volume please' });
    expect(volume.understood).toBe(false);
  });
});

describe('after the archive changes', () => {
  it('checks every report again and lists the verdicts that changed (an import undone)', async () => {
    const { core: c, cleanup: done } = freshCore();
    try {
      const d = createDispatcher(handlers, c, () => true, () => {});
      await loadSampleOnFirstStart(c, { enabled: true });
      const id = c.db.prepare('SELECT id FROM reports WHERE sample = 1').pluck().get() as number;
      const events: unknown[] = [];
      c.events.on('claims:rechecked', (p) => events.push(p));
      // Opening the report keeps its verdicts as the baseline.
      expect((await d('claims:verify', { reportId: id }, TRUSTED)).ok).toBe(true);
      const dji = c.db.prepare("SELECT id FROM imports WHERE file_name = '^DJI.csv'").pluck().get() as number;
      expect((await d('import:undo', { id: dji }, TRUSTED)).ok).toBe(true);
      await rechecked(c);
      expect(events).toEqual([
        {
          changes: [
            { reportId: id, title: 'Small caps lead the rally, a broadening bull market', claim: '^DJI return 4.04 %', from: 'otherBasis', to: 'unchecked' },
            { reportId: id, title: 'Small caps lead the rally, a broadening bull market', claim: '^DJI return 4.04 %', from: 'otherBasis', to: 'unchecked' },
          ],
        },
      ]);
      const after = (await d('claims:verify', { reportId: id }, TRUSTED)) as { data: ReportVerification };
      expect(after.data.claims.filter((x) => x.ticker === '^DJI').map((x) => x.note)).toEqual(['import ^DJI for 2025-12-01..2026-01-09', 'import ^DJI for 2025-12-01..2026-01-09']);
    } finally {
      done();
    }
  }, 60_000);
});
