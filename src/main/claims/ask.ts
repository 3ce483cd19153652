/**
 * The ask box: a plain question read with the claim reader's parts (subjects through the aliases,
 * metric words, dates and window phrases) and answered with figures computed from the archive, each
 * saying how. Four forms: one figure ("How did IWM do from Dec 1 to Jan 9?"), a ranking ("Which sector
 * ETF rose most on Jan 9?"), a level against its average ("Was the S&P 500 above its 50-day average on
 * Jan 9?") and a comparison ("Compare IWM and SPY volatility over the report window"). A question it
 * cannot read gets the forms it does understand, never a guess.
 */
import { isBreadthMetric, isDayMetric, isPercentMetric, METRIC_LABELS, type Answer, type ClaimMetric } from '../../shared/claims';
import { DEFAULT_BASIS, type TradingDate } from '../../shared/domain';
import { archiveInfo, hasTicker, readBars, tickerNames } from '../archive/repository';
import type { Core } from '../core';
import { getReport } from '../reports/repository';
import { SECTOR_ETFS } from './aliases';
import { tradingDayOnOrAfter, tradingDayOnOrBefore } from '../../shared/calendar';
import { addMonths } from './dates';
import { mentions, subjectFinder, windowOf, type Mention } from './reader';
import { panelReader, readerContext } from './verify';

/** Forms the ask box reads, offered when a question is not understood. */
export const QUESTION_FORMS = [
  'How did IWM do from Dec 1 to Jan 9?',
  'Which sector ETF rose most on Jan 9?',
  'Was the S&P 500 above its 50-day average on Jan 9?',
  'Compare IWM and SPY volatility over the report window',
  'What was the average volume of IWM over the report window?',
  "What is SPY's all-time high?",
];

function format(metric: ClaimMetric, v: number | null): string {
  if (v === null) return '—';
  if (isPercentMetric(metric))
    return `${metric === 'return' || metric === 'oneDay' ? (v > 0 ? '+' : v < 0 ? '−' : '') : ''}${Math.abs(v * 100).toFixed(2)} %`;
  if (metric === 'averageVolume') return `${(v / 1e6).toFixed(2)} M shares`;
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The one metric a question asks about, from its words. */
function metricOf(q: string, ms: Mention[]): ClaimMetric | null {
  if (/\bannuali[sz]ed\b/i.test(q)) return 'annualizedVolatility';
  if (/\bvolatil|\bswings?\b|\bmoved? (?:more|less)\b|\brisk(?:ier)?\b/i.test(q)) return 'dailyVolatility';
  if (/\bvolume\b|\btraded\b|\bturnover\b/i.test(q)) return 'averageVolume';
  const sma = /\b(20|50|200)[- ]day\b|\bSMA ?\(?(20|50|200)\)?/i.exec(q);
  if (sma) return `sma${sma[1] ?? sma[2]}` as ClaimMetric;
  if (/\ball-time high\b|\brecord\b/i.test(q)) return 'allTimeHigh';
  if (/\b52-week high\b/i.test(q)) return 'high52w';
  if (/\b52-week low\b/i.test(q)) return 'low52w';
  if (/\bclose[ds]?\b|\bclosing\b|\bprice\b|\blevel\b|\bstand\b|\btrade at\b/i.test(q)) return 'close';
  if (
    /\b(?:do|did|does|perform|performance|return|rose|rise|gain|fell|fall|lost|drop|change|move|up|down|best|worst|most|least|lead|led|lag)\w*\b/i.test(
      q,
    )
  )
    return 'return';
  void ms;
  return null;
}

/** The forms the ask box reads, the closest to the question (most words in common) first. */
export function closestForms(question: string): string[] {
  const words = (t: string): Set<string> => new Set(t.toLowerCase().match(/[a-z0-9^&]+/g) ?? []);
  const q = words(question);
  const score = (f: string): number => [...words(f)].filter((w) => q.has(w)).length / words(f).size;
  return [...QUESTION_FORMS].sort((a, b) => score(b) - score(a));
}

function window(w: { from: TradingDate; to: TradingDate }): string {
  return w.from === w.to ? w.from : `${w.from} → ${w.to}`;
}

/** Answers one question; `reportId` gives its window and as-of date as the defaults. */
export async function answerQuestion(core: Core, question: string, reportId?: number): Promise<Answer> {
  const report = reportId !== undefined ? getReport(core.db, reportId) : null;
  const newest = archiveInfo(core.db).lastDate ?? new Date().toISOString().slice(0, 10);
  const asOf = report?.asOf ?? newest;
  const ctx = readerContext(core, asOf, report?.window ?? null);
  const ms = mentions(question, subjectFinder(ctx), asOf);
  const dates = ms.filter((m) => m.type === 'date').map((m) => m.date!);
  const subjects: Array<{ subject: string; ticker: string | null }> = [];
  for (const m of ms)
    if (m.type === 'subject' && !subjects.some((s) => s.ticker === m.ticker))
      subjects.push({ subject: m.subject!, ticker: m.ticker ?? null });
  const sectors = /\bsectors?\b/i.test(question);
  const defaultWindow = report?.window ?? {
    from: tradingDayOnOrAfter(addMonths(asOf, -1)),
    to: tradingDayOnOrBefore(asOf),
  };
  const w = windowOf(question, ms, ctx, defaultWindow);
  const reportWindow = /\breport(?:'s)? window\b|\bthe window\b/i.test(question);
  let span = w.window ?? (reportWindow || !dates.length ? defaultWindow : null);
  const day = !w.window && dates.length === 1 ? tradingDayOnOrBefore(dates[0]!) : null;
  let metric = metricOf(question, ms);
  const unread = (why: string): Answer => ({
    question,
    understood: false,
    answer: `${why} Questions Breadth can answer look like these:`,
    figures: [],
    table: null,
    series: [],
    suggestions: closestForms(question),
  });
  if (!metric) return unread('I could not tell which figure the question asks for.');
  if (day && metric === 'return') metric = 'oneDay';
  if (day) span = { from: day, to: day };
  const panel = panelReader(core);
  const figureOf = async (ticker: string, m: ClaimMetric) => {
    // The ask box reads figures of tickers; the metric words it knows never name a breadth share.
    if (isBreadthMetric(m)) throw new Error(`${m} is a figure of a universe, not of ${ticker}`);
    const levelDay = span!.to;
    const p = isDayMetric(m)
      ? await panel(ticker, levelDay, levelDay, DEFAULT_BASIS)
      : await panel(ticker, span!.from, span!.to, DEFAULT_BASIS);
    const f =
      m === 'return'
        ? p.closeToClose
        : m === 'oneDay'
          ? p.sincePriorClose
          : m === 'dailyVolatility'
            ? p.dailyVolatility
            : m === 'annualizedVolatility'
              ? p.annualizedVolatility
              : m === 'averageVolume'
                ? p.averageVolume
                : p[m];
    const how = `${f.formula}; ${f.bars} bar${f.bars === 1 ? '' : 's'}${f.firstDate ? `, ${f.firstDate} → ${f.lastDate}` : ''}${f.notes.length ? `; ${f.notes.join('; ')}` : ''}`;
    return {
      ticker,
      metric: m,
      window: m === 'oneDay' || p.window.from === p.window.to ? { from: levelDay, to: levelDay } : span!,
      value: f.bars > 0 ? f.value : null,
      how,
    };
  };
  const missing = (t: string): string => `${t} is not in the archive: import it for ${window(span!)}.`;

  // A ranking: "which … most / best / worst".
  if (
    /\bwhich\b|\bwhat\b.*\b(?:best|worst|most|least|top|bottom)\b|\brank/i.test(question) &&
    (sectors || subjects.length >= 2) &&
    /\b(?:most|least|best|worst|top|bottom|highest|lowest|biggest|smallest|led|lead|lagg?ed|strongest|weakest)\b/i.test(
      question,
    )
  ) {
    const candidates = sectors
      ? SECTOR_ETFS.filter((t) => hasTicker(core.db, t))
      : subjects.map((s) => s.ticker).filter((t): t is string => t !== null && hasTicker(core.db, t));
    if (candidates.length === 0)
      return unread(
        sectors
          ? 'The archive holds no sector ETF (XLB, XLE, XLI, XLK, XLRE, XLU, …).'
          : 'None of the tickers named is in the archive.',
      );
    const rows = await Promise.all(candidates.map((t) => figureOf(t, metric!)));
    const down =
      /\b(?:least|worst|bottom|lowest|fell|fall|drop|lost|lagg?ed|weakest|smallest)\b/i.test(question) &&
      !/\bfell (?:least|less)\b/i.test(question);
    const sorted = rows
      .filter((r) => r.value !== null)
      .sort((a, b) => (down ? a.value! - b.value! : b.value! - a.value!));
    if (sorted.length === 0) return unread(`No bars for ${candidates.join(', ')} on ${window(span!)}.`);
    const top = sorted[0]!;
    const names = tickerNames(core.db);
    return {
      question,
      understood: true,
      answer: `${top.ticker}${names.get(top.ticker) ? ` (${names.get(top.ticker)})` : ''} ${down ? 'did worst' : 'did best'}: ${METRIC_LABELS[metric]} ${format(metric, top.value)} on ${window(top.window)}.`,
      figures: sorted,
      table: {
        columns: ['Ticker', METRIC_LABELS[metric]],
        rows: sorted.map((r) => [r.ticker, format(metric!, r.value)]),
      },
      series: [],
      suggestions: [],
    };
  }
  if (subjects.length === 0) return unread('I could not find a ticker or an index name I know in the question.');
  const unknown = subjects.find((s) => !s.ticker);
  if (unknown) return unread(`"${unknown.subject}" names no ticker: add an alias.`);
  const absent = subjects.find((s) => !hasTicker(core.db, s.ticker!));
  if (absent)
    return {
      question,
      understood: true,
      answer: missing(absent.ticker!),
      figures: [],
      table: null,
      series: [],
      suggestions: [],
    };

  // Above or below its average (or another level).
  const side = /\b(above|below|over|under)\b/i.exec(question);
  if (side && metric.startsWith('sma')) {
    const t = subjects[0]!.ticker!;
    const close = await figureOf(t, 'close');
    const avg = await figureOf(t, metric);
    if (close.value === null || avg.value === null)
      return {
        question,
        understood: true,
        answer: `${t} has no ${close.value === null ? 'close' : METRIC_LABELS[metric]} on ${span!.to}.`,
        figures: [close, avg],
        table: null,
        series: [],
        suggestions: [],
      };
    const above = close.value > avg.value;
    const asked = /above|over/i.test(side[1]!);
    return {
      question,
      understood: true,
      answer: `${asked === above ? 'Yes' : 'No'}: ${subjects[0]!.subject.replace(/^the /i, '')} (${t}) closed at ${format('close', close.value)} on ${close.window.to}, ${above ? 'above' : 'below'} its ${METRIC_LABELS[metric]} of ${format(metric, avg.value)} (${((close.value / avg.value - 1) * 100).toFixed(2)} %).`,
      figures: [close, avg],
      table: null,
      series: [],
      suggestions: [],
    };
  }

  const figures = await Promise.all(subjects.map((s) => figureOf(s.ticker!, metric!)));
  // A small chart of each ticker's closes over a window (a level or a day needs none).
  const series =
    figures[0]!.window.from === figures[0]!.window.to
      ? []
      : subjects.map((sub) => {
          const b = readBars(core.db, sub.ticker!, span!.from, span!.to);
          return {
            ticker: sub.ticker!,
            dates: b.dates,
            closes: Array.from(b.close, (v) => (Number.isFinite(v) ? v : null)),
          };
        });
  if (figures.length === 1) {
    const f = figures[0]!;
    return {
      question,
      understood: true,
      answer:
        f.value === null
          ? `${f.ticker} has no ${METRIC_LABELS[metric]} for ${window(f.window)}: ${f.how}.`
          : `${subjects[0]!.subject.replace(/^the /i, '')}${subjects[0]!.subject !== f.ticker ? ` (${f.ticker})` : ''}: ${METRIC_LABELS[metric]} ${format(metric, f.value)} over ${window(f.window)}.`,
      figures,
      table: null,
      series,
      suggestions: [],
    };
  }
  const sorted = [...figures].sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity));
  return {
    question,
    understood: true,
    answer: `${METRIC_LABELS[metric][0]!.toUpperCase()}${METRIC_LABELS[metric].slice(1)} over ${window(figures[0]!.window)}: ${sorted.map((f) => `${f.ticker} ${format(metric!, f.value)}`).join(', ')}.`,
    figures,
    table: {
      columns: ['Ticker', METRIC_LABELS[metric]],
      rows: figures.map((f) => [f.ticker, format(metric!, f.value)]),
    },
    series,
    suggestions: [],
  };
}
