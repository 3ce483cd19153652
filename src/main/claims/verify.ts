/**
 * Checks claims against the archive: each stated figure is computed over its window on its basis and
 * compared at the precision it was stated with (5.97 % holds for 5.965 %…5.975 %; "about" allows one
 * unit of the last place). A return that does not hold close-to-close is tried open-to-close and since
 * the prior close, then on the other price basis, so the verdict can say on which it holds.
 */
import type { MetricsPanel, ReturnKind } from '../../shared/analytics';
import {
  isBreadthMetric,
  isDayMetric,
  isPercentMetric,
  type CheckedClaim,
  type Claim,
  type ClaimEdit,
  type ClaimMetric,
  type ClaimReview,
  type ComparisonClaim,
  type ReportVerification,
  type Verdict,
} from '../../shared/claims';
import type { Db } from '../db/open';
import { PRICE_BASES, type PriceBasis, type TradingDate } from '../../shared/domain';
import { isTradingDay, tradingDayOnOrBefore } from '../../shared/calendar';
import { hasTicker, tickerNames } from '../archive/repository';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { getReport } from '../reports/repository';
import { breadthOf } from '../breadth/service';
import { loadAliases } from './aliases';
import { whyNotTrading } from './dates';
import { readClaims, type ReaderContext, type StatedOrder } from './reader';

const KIND_WORDS: Record<ReturnKind, string> = {
  closeToClose: 'close-to-close',
  openToClose: 'open-to-close',
  sincePriorClose: 'since the prior close',
};
const BASIS_WORDS: Record<PriceBasis, string> = {
  'as-traded': 'as-traded prices',
  'split-adjusted': 'split-adjusted prices',
  'total-return': 'total-return prices',
};

/** The panel's figure a metric reads (returns by kind). */
function valueOf(p: MetricsPanel, metric: ClaimMetric, kind: ReturnKind | null): { value: number | null; how: string } {
  const f =
    metric === 'return' || metric === 'oneDay'
      ? p[kind ?? 'closeToClose']
      : metric === 'dailyVolatility'
        ? p.dailyVolatility
        : metric === 'annualizedVolatility'
          ? p.annualizedVolatility
          : metric === 'averageVolume'
            ? p.averageVolume
            : metric === 'close'
              ? p.close
              : metric === 'sma20'
                ? p.sma20
                : metric === 'sma50'
                  ? p.sma50
                  : metric === 'sma200'
                    ? p.sma200
                    : metric === 'allTimeHigh'
                      ? p.allTimeHigh
                      : metric === 'high52w'
                        ? p.high52w
                        : p.low52w;
  const how = `${f.formula}; ${f.bars} bar${f.bars === 1 ? '' : 's'}${f.firstDate ? `, ${f.firstDate} → ${f.lastDate}` : ''}; ${BASIS_WORDS[f.basis]}${f.notes.length ? `; ${f.notes.join('; ')}` : ''}`;
  return { value: f.value, how };
}

/** A value as the claim would state it (percent, millions of shares, points). */
function display(c: Claim, v: number): string {
  if (isPercentMetric(c.metric)) return `${(v * 100).toFixed(Math.max(0, c.decimals - 2))} %`;
  if (c.metric === 'averageVolume') {
    const unit = c.stated >= 1e9 ? 1e9 : c.stated >= 1e6 ? 1e6 : c.stated >= 1e3 ? 1e3 : 1;
    return `${(v / unit).toFixed(c.decimals)}${unit === 1e9 ? ' B' : unit === 1e6 ? ' M' : unit === 1e3 ? ' K' : ''}`;
  }
  return v.toLocaleString('en-US', { minimumFractionDigits: c.decimals, maximumFractionDigits: c.decimals });
}

/** Whether `computed` rounds to what was stated, at the stated precision. */
export function holdsAtPrecision(
  c: Pick<Claim, 'stated' | 'decimals' | 'approximate' | 'metric'>,
  computed: number,
): boolean {
  const unit =
    c.metric === 'averageVolume' ? (c.stated >= 1e9 ? 1e9 : c.stated >= 1e6 ? 1e6 : c.stated >= 1e3 ? 1e3 : 1) : 1;
  const step = 10 ** -c.decimals;
  const tolerance = (c.approximate ? step : step / 2) * unit;
  return Math.abs(computed - c.stated) <= tolerance * (1 + 1e-9) + 1e-12;
}

type Panels = (ticker: string, from: TradingDate, to: TradingDate, basis: PriceBasis) => Promise<MetricsPanel>;

/** A claim as read, with its identity and the analyst's decision. */
export type ReviewedClaim = Claim & Pick<CheckedClaim, 'key' | 'review'>;

/**
 * Checks a breadth figure: the share of the universe (the report's related tickers) above their own
 * 20-, 50- or 200-day average on its day, on its basis first and then on the others.
 */
function checkBreadthClaim(c: ReviewedClaim & { metric: 'breadthAbove20' | 'breadthAbove50' | 'breadthAbove200' }, core: Core): CheckedClaim {
  const base = { ...c, computed: null, how: null };
  const tickers = c.universe ?? [];
  if (tickers.length === 0) return { ...base, verdict: 'unchecked', note: 'no universe: the report names no related tickers' };
  const notes: string[] = [];
  let day = c.window.to;
  if (!isTradingDay(day)) {
    notes.push(`${day} is ${whyNotTrading(day)}, not a trading day: read as ${tradingDayOnOrBefore(day)}`);
    day = tradingDayOnOrBefore(day);
  }
  const n = Number(c.metric.slice('breadthAbove'.length)) as 20 | 50 | 200;
  const shareOn = (basis: PriceBasis): { value: number | null; how: string } => {
    const s = breadthOf(core.db, { universe: { kind: 'tickers', tickers }, from: day, to: day, basis });
    const w = s.dates.indexOf(day);
    const above = s.above[`sma${n}`];
    if (w < 0) return { value: null, how: `no member has a bar on ${day}` };
    const share = above.share[w] ?? null;
    const count = share === null ? 0 : Math.round(share * above.base[w]!);
    const without = s.universe.withoutBars.length ? `; without bars: ${s.universe.withoutBars.join(', ')}` : '';
    return {
      value: share,
      how: `members closing above their own ${n}-day simple average on ${day}: ${count} of ${above.base[w]} with ${n} bars (universe: ${tickers.join(', ')}${without}); ${BASIS_WORDS[basis]}`,
    };
  };
  const own = shareOn(c.basis);
  if (own.value === null) return { ...base, how: own.how, verdict: 'unchecked', note: [...notes, `${own.how}: import the members' prices`].join('; ') };
  const result = (verdict: Verdict, note: string): CheckedClaim => ({ ...c, computed: own.value, how: own.how, verdict, note: [...notes, note].filter(Boolean).join('; ') });
  if (holdsAtPrecision(c, own.value)) return result('holds', '');
  for (const b of PRICE_BASES) {
    if (b === c.basis) continue;
    const v = shareOn(b).value;
    if (v !== null && v !== own.value && holdsAtPrecision(c, v)) return result('otherBasis', `holds on ${BASIS_WORDS[b]}, not ${BASIS_WORDS[c.basis]} (${display(c, own.value)})`);
  }
  const diff = own.value - c.stated;
  return result('differs', `computed ${display(c, own.value)}, stated ${display(c, c.stated)} (off by ${diff >= 0 ? '+' : ''}${(diff * 100).toFixed(2)} pt)`);
}

/** Checks one claim. */
export async function checkClaim(c: ReviewedClaim, core: Core, panel: Panels): Promise<CheckedClaim> {
  if (isBreadthMetric(c.metric)) return checkBreadthClaim(c as ReviewedClaim & { metric: 'breadthAbove20' | 'breadthAbove50' | 'breadthAbove200' }, core);
  const base = { ...c, computed: null, how: null };
  if (!c.ticker) return { ...base, verdict: 'unchecked', note: `no ticker for "${c.subject}": add an alias` };
  const span = c.window.from === c.window.to ? c.window.from : `${c.window.from}..${c.window.to}`;
  if (!hasTicker(core.db, c.ticker)) return { ...base, verdict: 'unchecked', note: `import ${c.ticker} for ${span}` };
  const notes: string[] = [];
  let from = c.window.from;
  let to = c.window.to;
  // A day the market was shut: the figure must mean the trading day before it.
  for (const d of new Set([from, to])) {
    if (!isTradingDay(d))
      notes.push(`${d} is ${whyNotTrading(d)}, not a trading day: read as ${tradingDayOnOrBefore(d)}`);
  }
  if (from === to && !isTradingDay(from)) from = to = tradingDayOnOrBefore(from);
  const first = await panel(c.ticker, from, to, c.basis);
  if (first.window.bars === 0)
    return { ...base, verdict: 'unchecked', note: [...notes, `import ${c.ticker} for ${span}`].join('; ') };
  if (first.window.missingCount > 0)
    notes.push(`the archive lacks ${first.window.missingCount} trading day(s) of ${c.ticker} in the window`);
  const own = valueOf(first, c.metric, c.returnKind);
  if (own.value === null)
    return {
      ...base,
      verdict: 'unchecked',
      note: [...notes, `${c.ticker} has no ${c.metric} for ${span} (${own.how})`].join('; '),
    };
  const result = (verdict: Verdict, note: string): CheckedClaim => ({
    ...c,
    computed: own.value,
    how: own.how,
    verdict,
    note: [...notes, note].filter(Boolean).join('; '),
  });
  // A computation written in the Markdown shows its value; it holds by construction.
  if (c.explicit?.display) {
    return {
      ...c,
      stated: own.value,
      computed: own.value,
      how: own.how,
      verdict: 'holds',
      note: [...notes, 'computed from the archive'].join('; '),
      display: display(c, own.value),
    };
  }
  if (holdsAtPrecision(c, own.value)) return result('holds', '');
  // The other bases, where the archive can compute them and they give other prices than the claim's.
  const kinds: ReturnKind[] = ['closeToClose', 'openToClose', 'sincePriorClose'];
  const others: Array<[MetricsPanel, PriceBasis]> = [];
  for (const b of PRICE_BASES) {
    if (b === c.basis) continue;
    const p = await panel(c.ticker, from, to, b);
    const same =
      c.metric === 'return'
        ? kinds.every((k) => valueOf(p, 'return', k).value === valueOf(first, 'return', k).value)
        : valueOf(p, c.metric, c.returnKind).value === own.value;
    if (p.basisInfo.exact && !same) others.push([p, b]);
  }
  const adjusted =
    first.basisInfo.providerAdjusted && !first.basisInfo.applied.dividends && c.basis === 'as-traded'
      ? '; the provider adjusted these prices for dividends and none are recorded, so as-traded figures cannot be computed'
      : '';
  // Another return kind, then the other bases.
  if (c.metric === 'return') {
    const tried: string[] = [];
    for (const [p, basis] of [[first, c.basis] as [MetricsPanel, PriceBasis], ...others]) {
      for (const k of kinds) {
        if (p === first && k === c.returnKind) continue;
        const v = valueOf(p, 'return', k).value;
        if (v === null) continue;
        tried.push(`${display(c, v)} ${KIND_WORDS[k]}${basis !== c.basis ? ` on ${BASIS_WORDS[basis]}` : ''}`);
        if (holdsAtPrecision(c, v)) {
          const where =
            basis !== c.basis
              ? `on ${BASIS_WORDS[basis]}, not ${BASIS_WORDS[c.basis]}`
              : `${KIND_WORDS[k]}, not ${KIND_WORDS[c.returnKind ?? 'closeToClose']}`;
          return result(
            'otherBasis',
            `holds ${where} (${display(c, own.value)} ${KIND_WORDS[c.returnKind ?? 'closeToClose']})`,
          );
        }
      }
    }
    return result(
      'differs',
      `computed ${display(c, own.value)} ${KIND_WORDS[c.returnKind ?? 'closeToClose']} (${tried.join(', ')}), stated ${display(c, c.stated)}${adjusted}`,
    );
  }
  // A level or a volatility on another basis (volatility is often taken from total-return prices).
  for (const [p, basis] of others) {
    const v = valueOf(p, c.metric, c.returnKind).value;
    if (v !== null && holdsAtPrecision(c, v)) {
      return result('otherBasis', `holds on ${BASIS_WORDS[basis]}, not ${BASIS_WORDS[c.basis]} (${display(c, own.value)})`);
    }
  }
  const diff = own.value - c.stated;
  const pts = isPercentMetric(c.metric) ? `${(diff * 100).toFixed(2)} pt` : display(c, Math.abs(diff));
  return result(
    'differs',
    `computed ${display(c, own.value)}, stated ${display(c, c.stated)} (off by ${diff >= 0 && isPercentMetric(c.metric) ? '+' : ''}${pts})`,
  );
}

/** Checks a stated order against the stated and the computed figures. */
function checkOrder(o: StatedOrder, checked: CheckedClaim[]): ComparisonClaim {
  const items = o.items.map((i) => ({ ...i, computed: checked[i.claim]?.computed ?? null }));
  const name = (i: (typeof items)[number]): string => i.subject.replace(/^the\s+/i, '');
  const byComputed = [...items].filter((i) => i.computed !== null).sort((a, b) => b.computed! - a.computed!);
  const order = items.map((i) => ({ subject: i.subject, ticker: i.ticker, stated: i.stated }));
  const computedOrder = byComputed.map((i) => i.subject);
  const statedWrong = items.slice(1).find((i) => i.stated > items[0]!.stated);
  if (statedWrong) {
    return {
      text: o.text,
      section: o.section,
      order,
      computedOrder,
      verdict: 'differs',
      note: `the figures themselves contradict the order: ${name(statedWrong)} at ${(statedWrong.stated * 100).toFixed(2)} % is ahead of ${name(items[0]!)} at ${(items[0]!.stated * 100).toFixed(2)} %, so ${name(statedWrong)} led`,
    };
  }
  if (byComputed.length < items.length)
    return {
      text: o.text,
      section: o.section,
      order,
      computedOrder,
      verdict: 'unchecked',
      note: 'not every figure in the order could be computed',
    };
  const holds = byComputed[0] === items[0];
  return {
    text: o.text,
    section: o.section,
    order,
    computedOrder,
    verdict: holds ? 'holds' : 'differs',
    note: holds
      ? ''
      : `computed, ${name(byComputed[0]!)} led (${byComputed.map((i) => `${name(i)} ${(i.computed! * 100).toFixed(2)} %`).join(', ')})`,
  };
}

/** What the reader needs from the archive and the report. */
export function readerContext(
  core: Core,
  asOf: TradingDate,
  window: { from: TradingDate; to: TradingDate } | null,
  universe: readonly string[] = [],
): ReaderContext {
  return { aliases: loadAliases(core.db), tickers: new Set(tickerNames(core.db).keys()), asOf, window, universe };
}

/** A memoising panel reader over the analytics workers (a report asks for the same window often). */
export function panelReader(core: Core): Panels {
  const cache = new Map<string, Promise<MetricsPanel>>();
  return (ticker, from, to, basis) => {
    const key = `${ticker}|${from}|${to}|${basis}`;
    let p = cache.get(key);
    if (!p) cache.set(key, (p = core.analytics.run('panel', { ticker, from, to, basis })));
    return p;
  };
}

/** Reads and checks every claim of a report. */
export async function verifyReport(core: Core, reportId: number): Promise<ReportVerification> {
  const report = getReport(core.db, reportId);
  const ctx = readerContext(core, report.asOf, report.window, report.tickers);
  const panel = panelReader(core);
  const claims: CheckedClaim[] = [];
  const comparisons: ComparisonClaim[] = [];
  const reviews = readReviews(core.db, report.id);
  for (const s of report.sections) {
    const { claims: found, orders } = readClaims(s.markdown, ctx, s.id);
    const keys = claimKeys(found);
    const checked = await Promise.all(
      found.map((read, i) => {
        const key = keys[i]!;
        const r = reviews.get(key);
        // Written in the Markdown, a claim is the analyst's own: accepted.
        const review = r?.decision ?? (read.explicit ? 'accepted' : 'proposed');
        const c: ReviewedClaim = { ...read, ...(r?.decision === 'edited' ? editOf(read, r.edit) : {}), key, review };
        if (review === 'rejected')
          return Promise.resolve<CheckedClaim>({
            ...c,
            computed: null,
            how: null,
            verdict: 'unchecked',
            note: 'rejected: not a figure to check',
          });
        return checkClaim(c, core, panel).catch((err: unknown): CheckedClaim => {
          if (err instanceof DomainError)
            return { ...c, computed: null, how: null, verdict: 'unchecked', note: err.message };
          throw err;
        });
      }),
    );
    flagSwaps(checked);
    comparisons.push(...orders.map((o) => checkOrder(o, checked)));
    claims.push(...checked);
  }
  const counts = { holds: 0, otherBasis: 0, differs: 0, unchecked: 0 } as Record<Verdict, number>;
  for (const c of [...claims.filter((x) => x.review !== 'rejected'), ...comparisons]) counts[c.verdict]++;
  return {
    report: { id: report.id, title: report.title, asOf: report.asOf, window: report.window },
    claims,
    comparisons,
    counts,
  };
}

/** A claim's identity across checks: where it stands and what it states (the nth such figure). */
export function claimKeys(claims: readonly Claim[]): string[] {
  const seen = new Map<string, number>();
  return claims.map((c) => {
    const k = `${c.section}|${c.subject}|${c.metric}|${c.figure}`;
    const n = (seen.get(k) ?? 0) + 1;
    seen.set(k, n);
    return `${k}|${n}`;
  });
}

/** The analyst's decisions on a report's claims, by claim key. */
function readReviews(
  db: Db,
  reportId: number,
): Map<string, { decision: Exclude<ClaimReview, 'proposed'>; edit: ClaimEdit }> {
  const rows = db
    .prepare('SELECT claim_key AS key, decision, edit FROM claim_reviews WHERE report_id = ?')
    .all(reportId) as Array<{ key: string; decision: Exclude<ClaimReview, 'proposed'>; edit: string }>;
  return new Map(rows.map((r) => [r.key, { decision: r.decision, edit: JSON.parse(r.edit) as ClaimEdit }]));
}

/** What an edit changes of a claim (a level's window is its day). */
function editOf(c: Claim, edit: ClaimEdit): Partial<Claim> {
  const metric = edit.metric ?? c.metric;
  const day = isDayMetric(metric);
  const window = edit.window ?? c.window;
  return {
    ...(edit.ticker ? { ticker: edit.ticker } : {}),
    metric,
    window: day ? { from: window.to, to: window.to } : window,
    ...(edit.basis ? { basis: edit.basis } : {}),
    returnKind:
      metric === 'return'
        ? (edit.returnKind ?? c.returnKind ?? 'closeToClose')
        : metric === 'oneDay'
          ? 'sincePriorClose'
          : null,
  };
}

/** Records the analyst's decision on a claim ('proposed' removes it). Run inside a write transaction. */
export function reviewClaim(db: Db, reportId: number, key: string, decision: ClaimReview, edit?: ClaimEdit): void {
  if (!db.prepare('SELECT 1 FROM reports WHERE id = ?').get(reportId))
    throw new DomainError('NOT_FOUND', `no report ${reportId}`);
  if (decision === 'proposed') {
    db.prepare('DELETE FROM claim_reviews WHERE report_id = ? AND claim_key = ?').run(reportId, key);
    return;
  }
  db.prepare(
    `INSERT INTO claim_reviews(report_id, claim_key, decision, edit) VALUES (?, ?, ?, ?)
     ON CONFLICT(report_id, claim_key) DO UPDATE SET decision = excluded.decision, edit = excluded.edit,
       updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`,
  ).run(reportId, key, decision, JSON.stringify(decision === 'edited' ? (edit ?? {}) : {}));
}

/**
 * A figure that differs but is another subject's of the same sentence (same metric and window) was
 * probably swapped with it: "2.26 % is ^GSPC's figure: swapped with the S&P 500?".
 */
function flagSwaps(checked: CheckedClaim[]): void {
  for (const c of checked) {
    if (c.verdict !== 'differs' || c.review === 'rejected') continue;
    const other = checked.find(
      (o) =>
        o !== c &&
        o.text === c.text &&
        o.ticker !== c.ticker &&
        o.metric === c.metric &&
        o.window.from === c.window.from &&
        o.window.to === c.window.to &&
        o.computed !== null &&
        holdsAtPrecision(c, o.computed),
    );
    if (other)
      c.note = `${c.note}; the stated figure is ${other.subject.replace(/^the /i, '')}'s (${display(c, other.computed!)}): swapped with it?`;
  }
}
