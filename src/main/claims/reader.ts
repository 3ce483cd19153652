/**
 * The claim reader: finds the figures a report's prose states and binds each to a computation —
 * subject (a ticker, or a name through the aliases), metric, window or day, basis — by reading each
 * sentence left to right. A figure takes the latest subject, metric word, direction and window named
 * before it (lists such as "Real Estate rose 1.36 %, Industrials 1.32 %" carry them on); "A and B … at
 * x % and y %" pairs them in order; "for the S&P 500" right after a figure names its subject. Questions
 * are read by the same functions (./ask.ts).
 */
import type { ReturnKind } from '../../shared/analytics';
import { isDayMetric, isPercentMetric, type Claim, type ClaimAlias, type ClaimMetric } from '../../shared/claims';
import { DEFAULT_BASIS, PRICE_BASES, type PriceBasis, type TradingDate } from '../../shared/domain';
import { addDays, tradingDayOnOrAfter, tradingDayOnOrBefore } from '../../shared/calendar';
import { addMonths, DATE_PATTERN, dateOf } from './dates';

/** What the reader knows besides the text. */
export interface ReaderContext {
  aliases: readonly ClaimAlias[];
  /** Symbols the archive holds (a bare upper-case word is a ticker only if it is one of these or an alias's). */
  tickers: ReadonlySet<string>;
  /** The report's as-of date (a question's: the archive's newest bar). */
  asOf: TradingDate;
  /** The report's analysis window, the default window of its returns. */
  window: { from: TradingDate; to: TradingDate } | null;
  /** The report's related tickers: the universe of its breadth figures. */
  universe?: readonly string[];
}

/** A stated order: "A led with x %, followed by B at y %". */
export interface StatedOrder {
  text: string;
  section: string | null;
  /** First = stated highest; each with the index of its claim in the same read. */
  items: Array<{ subject: string; ticker: string | null; stated: number; claim: number }>;
}

/** What a stated number is. */
export type Kind = 'percent' | 'volume' | 'level';

/** One thing a sentence names, where it names it. */
export interface Mention {
  at: number;
  end: number;
  type: 'subject' | 'number' | 'metric' | 'sign' | 'date' | 'pronoun' | 'basis';
  subject?: string;
  ticker?: string | null;
  value?: number;
  decimals?: number;
  kind?: Kind;
  unit?: number;
  raw?: string;
  metric?: ClaimMetric;
  sign?: 1 | -1;
  date?: TradingDate;
  basis?: PriceBasis;
  returnKind?: ReturnKind;
}

/** Metric words, most specific first; `kinds` are the figures they can describe. */
const METRIC_WORDS: Array<{ re: RegExp; metric: ClaimMetric; kinds: Kind[] }> = [
  { re: /\bannuali[sz]ed volatility\b/gi, metric: 'annualizedVolatility', kinds: ['percent'] },
  {
    re: /\b(?:daily )?volatility\b|\bdaily swings?\b|\bstandard deviation\b/gi,
    metric: 'dailyVolatility',
    kinds: ['percent'],
  },
  {
    re: /\b(?:average (?:daily )?volume|volume averaged|averaged|average turnover|volume)\b/gi,
    metric: 'averageVolume',
    kinds: ['volume', 'level'],
  },
  {
    re: /\b(?:20-day|twenty-day) (?:simple )?(?:moving )?average\b|\bSMA ?\(?20\)?|\b20-day (?:MA|SMA|line)\b/gi,
    metric: 'sma20',
    kinds: ['level'],
  },
  {
    re: /\b(?:50-day|fifty-day) (?:simple )?(?:moving )?average\b|\bSMA ?\(?50\)?|\b50-day (?:MA|SMA|line)\b/gi,
    metric: 'sma50',
    kinds: ['level'],
  },
  {
    re: /\b200-day (?:simple )?(?:moving )?average\b|\bSMA ?\(?200\)?|\b200-day (?:MA|SMA|line)\b/gi,
    metric: 'sma200',
    kinds: ['level'],
  },
  { re: /\ball-time high\b|\brecord (?:high|close)\b/gi, metric: 'allTimeHigh', kinds: ['level'] },
  { re: /\b52-week high\b|\byear(?:'s)? high\b/gi, metric: 'high52w', kinds: ['level'] },
  { re: /\b52-week low\b|\byear(?:'s)? low\b/gi, metric: 'low52w', kinds: ['level'] },
  {
    re: /\b(?:closed|close[sd]? (?:at|of)|settled|finished|ended|stood|sits|sat|trades|traded|was at|level of|at a level of)\b/gi,
    metric: 'close',
    kinds: ['level'],
  },
  {
    re: /\bone-day\b|\bon the day\b|\bthe day's\b|\bthat day\b|\bin one session\b|\bdaily (?:move|change|gain|loss)\b/gi,
    metric: 'oneDay',
    kinds: ['percent'],
  },
  {
    re: /\b(?:rose|rise[sn]?|rising|gain(?:ed|s|ing)?|climb(?:ed|s)?|advanc(?:ed|es|ing)|add(?:ed|s)|jump(?:ed|s)?|rall(?:ied|ies)|up|increase[sd]?|return(?:ed|s)?|fell|fall(?:s|en|ing)?|lost|los(?:es|ing)|drop(?:ped|s)?|declin(?:ed|es|ing)|down|slid|slipp?(?:ed|s)?|sank|tumbled|shed|decrease[sd]?|led|lead(?:s|ing)?|trail(?:ed|s|ing)?|lagg(?:ed|ing)|followed|performance|change[sd]?|moved?)\b/gi,
    metric: 'return',
    kinds: ['percent'],
  },
];

const DOWN =
  /\b(?:fell|fall(?:s|en|ing)?|lost|los(?:es|ing)|drop(?:ped|s)?|declin(?:ed|es|ing)|down|slid|slipp?(?:ed|s)?|sank|tumbled|shed|decrease[sd]?|negative)\b/gi;
const UP =
  /\b(?:rose|rise[sn]?|rising|gain(?:ed|s|ing)?|climb(?:ed|s)?|advanc(?:ed|es|ing)|add(?:ed|s)|jump(?:ed|s)?|rall(?:ied|ies)|up|increase[sd]?)\b/gi;
const APPROX = /\b(?:about|around|roughly|nearly|almost|some|approximately|close to|just (?:over|under)|~)\s*$/i;

const PERCENT = /([+\-−]?\d+(?:\.\d+)?)\s?(?:%|per ?cent\b|pct\b)/gi;
const VOLUME = /(\d+(?:\.\d+)?)\s?(M|mn|million|B|bn|billion|K|thousand)\b(?!\s?%)/g;
const LEVEL = /(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?![\d%]|\s?(?:%|M\b|million|B\b|billion|per ?cent))/g;

const UNITS: Record<string, number> = {
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
  k: 1e3,
  thousand: 1e3,
};

/** Prose without Markdown: citations, emphasis, links and list marks dropped; sentences joined. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\s*\[\d+\](?:\s*\[\d+\])*/g, '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*|__|`/g, '')
    .replace(/(^|\s)[*_](\S[^*_]*\S|\S)[*_](?=\s|[.,;:]|$)/g, '$1$2')
    .replace(/^\s*(?:[-*+]|\d+\.)\s+/gm, '')
    .replace(/^#+\s+/gm, '');
}

/** Sentences of a paragraph (a decimal point or an abbreviation does not end one). */
export function sentences(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .flatMap((p) =>
      p
        .replace(/\s+/g, ' ')
        .trim()
        .split(/(?<=[.!?])\s+(?=["'(]?[A-Z0-9^])(?<!\b(?:vs|e\.g|i\.e|approx|St|Mr|Ms|Dr|Inc|Co|U\.S)\.\s+)/),
    )
    .map((s) => s.trim())
    .filter(Boolean);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Compiles the subject finder: aliases (longest first; capitalised ones match as written) and tickers. */
export function subjectFinder(ctx: Pick<ReaderContext, 'aliases' | 'tickers'>): (s: string) => Mention[] {
  const aliases = [...ctx.aliases].sort((a, b) => b.name.length - a.name.length);
  const known = new Set([...ctx.tickers, ...aliases.map((a) => a.ticker)]);
  const exact = aliases.filter((a) => /^[A-Z0-9^&]/.test(a.name));
  const loose = aliases.filter((a) => !/^[A-Z0-9^&]/.test(a.name));
  const alt = (list: ClaimAlias[]): string =>
    list.map((a) => escapeRe(a.name).replace(/\\ /g, '\\s+').replace(/ /g, '\\s+')).join('|');
  const exactRe = exact.length
    ? new RegExp(`(?<![\\w^])(?:[Tt]he\\s+)?(${alt(exact)})(?:'s|’s)?(?![\\w-])`, 'g')
    : null;
  const looseRe = loose.length ? new RegExp(`(?<![\\w^])(?:the\\s+)?(${alt(loose)})(?:'s|’s)?(?![\\w-])`, 'gi') : null;
  const byName = new Map(aliases.map((a) => [a.name.toLowerCase().replace(/\s+/g, ' '), a.ticker]));
  return (s) => {
    const out: Mention[] = [];
    const taken: Array<[number, number]> = [];
    const free = (a: number, b: number): boolean => taken.every(([x, y]) => b <= x || a >= y);
    for (const re of [exactRe, looseRe]) {
      if (!re) continue;
      for (const m of s.matchAll(re)) {
        const at = m.index;
        const end = at + m[0].length;
        if (!free(at, end)) continue;
        taken.push([at, end]);
        // "the Russell 2000 ETF", "an S&P 500 fund": a description of a fund named beside it.
        if (/^\s+(?:Index\s+)?(?:ETF|ETFs|fund|funds|tracker|futures)\b/i.test(s.slice(end))) continue;
        const name = m[1]!.replace(/\s+/g, ' ');
        out.push({
          at,
          end,
          type: 'subject',
          subject: m[0].replace(/(?:'s|’s)$/, ''),
          ticker: byName.get(name.toLowerCase()) ?? null,
        });
      }
    }
    for (const m of s.matchAll(/(?<![\w^])(\^?[A-Z][A-Z.]{0,5})(?:'s|’s)?(?![\w-])/g)) {
      const sym = m[1]!.replace(/\.$/, '');
      if (!known.has(sym)) continue;
      const at = m.index;
      const end = at + m[0].length;
      if (!free(at, end)) continue;
      taken.push([at, end]);
      out.push({ at, end, type: 'subject', subject: sym, ticker: sym });
    }
    return out;
  };
}

function decimalsOf(raw: string): number {
  const dot = raw.indexOf('.');
  return dot < 0 ? 0 : raw.length - dot - 1;
}

/** Every mention in a sentence, in reading order. */
export function mentions(s: string, findSubjects: (s: string) => Mention[], reference: TradingDate): Mention[] {
  const out: Mention[] = [...findSubjects(s)];
  const dateSpans: Array<[number, number]> = [];
  for (const m of s.matchAll(DATE_PATTERN)) {
    const date = dateOf(m, reference);
    if (!date) continue;
    dateSpans.push([m.index, m.index + m[0].length]);
    out.push({ at: m.index, end: m.index + m[0].length, type: 'date', date });
  }
  const inDate = (i: number): boolean => dateSpans.some(([a, b]) => i >= a && i < b);
  const numbers: Array<[number, number]> = [];
  const push = (m: RegExpMatchArray, kind: Kind, value: number, raw: string, unit = 1): void => {
    const at = m.index!;
    const end = at + m[0].length;
    if (inDate(at) || numbers.some(([a, b]) => at < b && end > a)) return;
    numbers.push([at, end]);
    out.push({ at, end, type: 'number', kind, value, decimals: decimalsOf(raw), unit, raw: m[0] });
  };
  for (const m of s.matchAll(PERCENT)) {
    const raw = m[1]!.replace('−', '-');
    push(m, 'percent', Number(raw) / 100, raw.replace(/^[+-]/, ''));
  }
  for (const m of s.matchAll(VOLUME))
    push(m, 'volume', Number(m[1]) * UNITS[m[2]!.toLowerCase()]!, m[1]!, UNITS[m[2]!.toLowerCase()]!);
  for (const m of s.matchAll(LEVEL)) {
    const raw = m[1]!.replace(/,/g, '');
    // A bare number next to a subject's own figure is a level; years and counts are not read.
    push(m, 'level', Number(raw), raw);
  }
  // Metric words, the most specific first: "annualised volatility" is not also "volatility".
  const metricSpans: Array<[number, number]> = [];
  for (const w of METRIC_WORDS) {
    for (const m of s.matchAll(w.re)) {
      const at = m.index;
      const end = at + m[0].length;
      if (metricSpans.some(([a, b]) => at < b && end > a)) continue;
      metricSpans.push([at, end]);
      out.push({ at, end, type: 'metric', metric: w.metric });
    }
  }
  for (const m of s.matchAll(DOWN)) out.push({ at: m.index, end: m.index + m[0].length, type: 'sign', sign: -1 });
  for (const m of s.matchAll(UP)) out.push({ at: m.index, end: m.index + m[0].length, type: 'sign', sign: 1 });
  for (const m of s.matchAll(/\b(?:its|it|their|they)\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'pronoun' });
  for (const m of s.matchAll(/\b(?:as[- ]traded|unadjusted|raw prices?)\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', basis: 'as-traded' });
  for (const m of s.matchAll(/\bsplit[- ]adjusted\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', basis: 'split-adjusted' });
  for (const m of s.matchAll(/\b(?<!split[- ])(?:(?:dividend[- ])?adjusted|total[- ]return)\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', basis: 'total-return' });
  for (const m of s.matchAll(/\bopen[- ]to[- ]close\b|\bfrom the (?:first )?open\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', returnKind: 'openToClose' });
  for (const m of s.matchAll(/\bclose[- ]to[- ]close\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', returnKind: 'closeToClose' });
  for (const m of s.matchAll(/\bsince the prior close\b|\bfrom the prior close\b/gi))
    out.push({ at: m.index, end: m.index + m[0].length, type: 'basis', returnKind: 'sincePriorClose' });
  // Earlier first; at one place the longer (more specific) first.
  return out.sort((a, b) => a.at - b.at || b.end - a.end);
}

/** Reads a window phrase of a sentence: explicit dates, "the three months before this note", "same window". */
export function windowOf(
  s: string,
  ms: Mention[],
  ctx: ReaderContext,
  sticky: { from: TradingDate; to: TradingDate } | null,
): { window: { from: TradingDate; to: TradingDate } | null; day: boolean } {
  const dates = ms.filter((m) => m.type === 'date');
  const range =
    /\b(?:from|between)\s+(\S.*?)\s+(?:to|through|until|and|→|–|-)\s+(\S.*?)(?=[,;]|\s+(?:the|IWM|[A-Z^])|$)/i.exec(s);
  if (range && dates.length >= 2) {
    const a = dates.find((d) => d.at >= range.index);
    const b = a ? dates.find((d) => d.at > a.at) : undefined;
    if (a && b)
      return {
        window: { from: a.date! <= b.date! ? a.date! : b.date!, to: a.date! <= b.date! ? b.date! : a.date! },
        day: false,
      };
  }
  const iso = /\b(\d{4}-\d{2}-\d{2})\s?(?:\.\.|→|to)\s?(\d{4}-\d{2}-\d{2})\b/.exec(s);
  if (iso) return { window: { from: iso[1]!, to: iso[2]! }, day: false };
  const n =
    /\b(?:over|in|during)\s+the\s+(?:past|last|previous)?\s*(\w+)?\s*(week|month|quarter|year)s?\b(?:\s+before\s+this\s+(?:note|report))?/i.exec(
      s,
    );
  if (n && !/\bsame\b/i.test(n[0])) {
    const words: Record<string, number> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, nine: 9, twelve: 12 };
    const count = n[1] ? (words[n[1].toLowerCase()] ?? (Number(n[1]) || 1)) : 1;
    const end = tradingDayOnOrBefore(ctx.asOf);
    const unit = n[2]!.toLowerCase();
    const start =
      unit === 'week'
        ? addDays(ctx.asOf, -7 * count)
        : addMonths(ctx.asOf, -(unit === 'quarter' ? 3 : unit === 'year' ? 12 : 1) * count);
    // The window starts on the first trading day after the period began.
    return { window: { from: tradingDayOnOrAfter(addDays(start, 1)), to: end }, day: false };
  }
  if (/\byear[- ]to[- ]date\b|\bYTD\b/.test(s))
    return {
      window: { from: tradingDayOnOrAfter(`${ctx.asOf.slice(0, 4)}-01-01`), to: tradingDayOnOrBefore(ctx.asOf) },
      day: false,
    };
  if (/\b(?:same|that|this) (?:window|period|span|stretch)\b|\bover the window\b/i.test(s) && sticky)
    return { window: sticky, day: false };
  if (/\bthe day's\b|\bon the day\b|\btoday\b|\bthe session\b|\bthat day\b|\bone-day\b/i.test(s))
    return { window: null, day: true };
  return { window: null, day: false };
}

/** The explicit form: `{{[stated =] metric subject [from..to | date] [kind] [basis]}}`. */
export const EXPLICIT_CLAIM = /\{\{\s*(?:([+\-−]?[\d,]+(?:\.\d+)?)\s*(%|M|B|K)?\s*=\s*)?([A-Za-z0-9]+)\s+(.+?)\s*\}\}/g;

const METRIC_NAMES: Record<string, ClaimMetric> = {
  return: 'return',
  oneday: 'oneDay',
  change: 'oneDay',
  volatility: 'dailyVolatility',
  dailyvolatility: 'dailyVolatility',
  annualizedvolatility: 'annualizedVolatility',
  averagevolume: 'averageVolume',
  volume: 'averageVolume',
  close: 'close',
  sma20: 'sma20',
  sma50: 'sma50',
  sma200: 'sma200',
  alltimehigh: 'allTimeHigh',
  ath: 'allTimeHigh',
  high52w: 'high52w',
  low52w: 'low52w',
};

/** Reads the explicit claims of a text; unreadable tokens are left to render as written. */
function explicitClaims(
  text: string,
  ctx: ReaderContext,
  section: string | null,
  findSubjects: (s: string) => Mention[],
): Claim[] {
  const out: Claim[] = [];
  const reportWindow = ctx.window ?? { from: tradingDayOnOrBefore(ctx.asOf), to: tradingDayOnOrBefore(ctx.asOf) };
  for (const m of text.matchAll(EXPLICIT_CLAIM)) {
    const metric = METRIC_NAMES[m[3]!.toLowerCase()];
    if (!metric) continue;
    const words = m[4]!.split(/\s+/);
    let window = reportWindow;
    let returnKind: ReturnKind | null =
      metric === 'return' ? 'closeToClose' : metric === 'oneDay' ? 'sincePriorClose' : null;
    let basis: PriceBasis = DEFAULT_BASIS;
    const rest: string[] = [];
    for (const w of words) {
      const range = /^(\d{4}-\d{2}-\d{2})(?:\.\.(\d{4}-\d{2}-\d{2}))?$/.exec(w);
      if (range) window = { from: range[1]!, to: range[2] ?? range[1]! };
      else if (/^(openToClose|closeToClose|sincePriorClose)$/.test(w)) returnKind = w as ReturnKind;
      else if ((PRICE_BASES as readonly string[]).includes(w)) basis = w as PriceBasis;
      // The names of the bases before corporate actions: raw prices were as traded, adjusted ones total return.
      else if (w === 'raw') basis = 'as-traded';
      else if (w === 'adjusted') basis = 'total-return';
      else rest.push(w);
    }
    const subjectText = rest.join(' ');
    const subject = findSubjects(subjectText)[0] ?? null;
    const level = isDayMetric(metric);
    const unit = m[2] === 'M' ? 1e6 : m[2] === 'B' ? 1e9 : m[2] === 'K' ? 1e3 : 1;
    const raw = m[1]?.replace(/,/g, '').replace('−', '-');
    const stated = raw === undefined ? null : m[2] === '%' ? Number(raw) / 100 : Number(raw) * unit;
    out.push({
      text: m[0],
      figure: m[0],
      section,
      subject: subject?.subject ?? subjectText,
      ticker: subject?.ticker ?? null,
      metric,
      window: level ? { from: window.to, to: window.to } : window,
      basis,
      returnKind,
      stated: stated ?? NaN,
      // A bare computation shows two decimals: of a percentage, a price or millions of shares.
      decimals:
        raw === undefined
          ? isPercentMetric(metric)
            ? 4
            : 2
          : (raw.split('.')[1]?.length ?? 0) + (m[2] === '%' ? 2 : 0),
      approximate: false,
      explicit: { display: stated === null },
    });
  }
  return out;
}

/**
 * Breadth figures: "62 % of the universe closed above its 50-day average (on 2026-01-09)" — the share of
 * the report's related tickers above their own 20-, 50- or 200-day average on a day (the report's last
 * day when none is named).
 */
const BREADTH_CLAIM = new RegExp(
  String.raw`\b(?:(about|around|roughly|nearly|almost|some|approximately)\s+)?(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent)\s+of\s+(?:the\s+|its\s+|our\s+)?` +
    String.raw`(universe|members|related tickers|report's tickers|tickers|sectors|sector ETFs|stocks|names|constituents)\s+` +
    String.raw`(?:closed|were|was|are|is|sat|sit|stood|traded|finished|ended|remained|remain|held)\s+above\s+(?:its|their|the)\s+` +
    String.raw`(20|50|200)-day\s+(?:simple\s+)?(?:moving\s+)?averages?(?:\s+on\s+(` + DATE_PATTERN.source + String.raw`))?`,
  'gi',
);

function breadthClaims(text: string, ctx: ReaderContext, section: string | null): Claim[] {
  const out: Claim[] = [];
  const last = ctx.window?.to ?? tradingDayOnOrBefore(ctx.asOf);
  for (const m of text.matchAll(BREADTH_CLAIM)) {
    const dm = m[5] ? new RegExp(DATE_PATTERN.source, DATE_PATTERN.flags.replace('g', '')).exec(m[5]) : null;
    const day = (dm ? dateOf(dm, ctx.asOf) : null) ?? last;
    const metric = `breadthAbove${m[4]}` as ClaimMetric;
    out.push({
      text: m[0],
      figure: m[0],
      section,
      subject: `the ${m[3]}`,
      ticker: null,
      universe: [...(ctx.universe ?? [])],
      metric,
      window: { from: day, to: day },
      basis: DEFAULT_BASIS,
      returnKind: null,
      stated: Number(m[2]) / 100,
      decimals: (m[2]!.split('.')[1]?.length ?? 0) + 2,
      approximate: m[1] !== undefined,
    });
  }
  return out;
}

/** What a figure of this kind means when no metric word says. */
const DEFAULT_METRIC: Record<Kind, ClaimMetric> = { percent: 'return', volume: 'averageVolume', level: 'close' };

/**
 * Reads the claims of one text (a section's Markdown, or a question). `section` is carried into each
 * claim; the window context carries from sentence to sentence ("over the same window").
 */
export function readClaims(
  markdown: string,
  ctx: ReaderContext,
  section: string | null = null,
): { claims: Claim[]; orders: StatedOrder[] } {
  const findSubjects = subjectFinder(ctx);
  const claims: Claim[] = explicitClaims(markdown, ctx, section, findSubjects);
  const orders: StatedOrder[] = [];
  // The prose around explicit claims is read without them.
  markdown = markdown.replace(EXPLICIT_CLAIM, ' ');
  // Breadth figures are of the universe, not of a ticker: read first, and the rest without them.
  const plain = plainText(markdown);
  claims.push(...breadthClaims(plain, ctx, section));
  markdown = markdown.replace(BREADTH_CLAIM, ' ');
  const reportWindow = ctx.window ?? { from: tradingDayOnOrBefore(ctx.asOf), to: tradingDayOnOrBefore(ctx.asOf) };
  let sticky: { from: TradingDate; to: TradingDate } = reportWindow;
  let dayContext = false;
  let lastSubject: Mention | null = null;
  for (const s of sentences(plainText(markdown))) {
    const ms = mentions(s, findSubjects, ctx.asOf);
    const w = windowOf(s, ms, ctx, sticky);
    if (w.window) {
      sticky = w.window;
      dayContext = false;
    }
    if (w.day) dayContext = true;
    const window = w.window ?? sticky;
    let metric: ClaimMetric | null = null;
    let metricAt = -1;
    let sign: 1 | -1 = 1;
    let signAt = -1;
    let basis: PriceBasis = DEFAULT_BASIS;
    let returnKind: ReturnKind | null = null;
    let pendingPair: Mention | null = null;
    let queue: Mention[] = [];
    let lastNumberEnd = 0;
    let lastMetricForKind: Partial<Record<Kind, ClaimMetric>> = {};
    const first = claims.length;
    for (let i = 0; i < ms.length; i++) {
      const m = ms[i]!;
      if (m.type === 'subject') {
        queue.push(m);
        lastSubject = m;
        continue;
      }
      if (m.type === 'pronoun') {
        if (lastSubject) queue.push({ ...lastSubject, at: m.at, end: m.end });
        continue;
      }
      if (m.type === 'metric') {
        metric = m.metric!;
        metricAt = m.at;
        continue;
      }
      if (m.type === 'sign') {
        sign = m.sign!;
        signAt = m.at;
        continue;
      }
      if (m.type === 'basis') {
        if (m.basis) basis = m.basis;
        if (m.returnKind) returnKind = m.returnKind;
        continue;
      }
      if (m.type !== 'number') continue;
      // The subject: "A and B … x and y" pairs in order; "… x % for the S&P 500" names it after.
      let subject: Mention | null = null;
      if (pendingPair) {
        subject = pendingPair;
        pendingPair = null;
      } else if (
        queue.length >= 2 &&
        /^\s*(?:and|&)\s*$/.test(s.slice(queue.at(-2)!.end, queue.at(-1)!.at)) &&
        /^\s*(?:and|&)\s/.test(
          s.slice(m.end, (ms.slice(i + 1).find((x) => x.type === 'number')?.at ?? m.end) + 0) + ' ',
        )
      ) {
        subject = queue.at(-2)!;
        pendingPair = queue.at(-1)!;
      } else {
        const after = ms.slice(i + 1).find((x) => x.type === 'subject');
        if (
          after &&
          /^\s*(?:for|of|in|by)\s+$/i.test(s.slice(m.end, after.at)) &&
          !ms.slice(i + 1).some((x) => x.type === 'number' && x.at < after.at)
        ) {
          subject = after;
          i = ms.indexOf(after);
          lastSubject = after;
        } else {
          subject = queue.at(-1) ?? lastSubject;
        }
      }
      queue = [];
      if (!subject) continue;
      const kind = m.kind!;
      // The metric: the latest metric word since the last figure that fits this kind, else the one the
      // last figure of this kind had (lists), else what the kind means by itself.
      const words = METRIC_WORDS.find((x) => x.metric === metric);
      let chosen: ClaimMetric =
        metric && metricAt >= lastNumberEnd - 1 && words?.kinds.includes(kind)
          ? metric
          : (lastMetricForKind[kind] ?? DEFAULT_METRIC[kind]);
      if (kind === 'volume' && chosen !== 'averageVolume') chosen = 'averageVolume';
      if (kind === 'percent' && chosen === 'return' && dayContext) chosen = 'oneDay';
      if (kind === 'level' && metric && words?.kinds.includes('level') && metricAt < m.at) chosen = metric;
      lastMetricForKind[kind] = chosen;
      lastNumberEnd = m.end;
      // A date right after the figure ("on January 11, 2026") or in the sentence dates a level or a day.
      const dateAfter = ms
        .slice(i + 1)
        .find((x) => x.type === 'date' && /^\s*(?:on|,\s*on)\s+$/i.test(s.slice(m.end, x.at)));
      const dateBefore = [...ms.slice(0, i)]
        .reverse()
        .find((x) => x.type === 'date' && /\bon\s+$/i.test(s.slice(Math.max(0, x.at - 4), x.at)));
      const day = dateAfter?.date ?? dateBefore?.date ?? null;
      const isLevel = isDayMetric(chosen) && chosen !== 'oneDay';
      const oneDay = chosen === 'oneDay';
      const at = day ?? (oneDay ? tradingDayOnOrBefore(ctx.asOf) : window.to);
      const approximate = APPROX.test(s.slice(Math.max(0, m.at - 20), m.at));
      // What follows the figure can say what it is: "0.92 % a day on average", "5.7 % open-to-close".
      const tail = s.slice(m.end, m.end + 40);
      if (kind === 'percent' && chosen === 'return' && /^\s*a day\b(?:\s+on average)?/i.test(tail))
        chosen = 'dailyVolatility';
      const tailKind = /^\s*(?:,\s*)?(open[- ]to[- ]close|close[- ]to[- ]close|since the prior close)/i
        .exec(tail)?.[1]
        ?.toLowerCase()
        .replace(/ /g, '-');
      const kindAfter: ReturnKind | null = tailKind
        ? tailKind.startsWith('open')
          ? 'openToClose'
          : tailKind.startsWith('close')
            ? 'closeToClose'
            : 'sincePriorClose'
        : null;
      // "3.2 % above its 20-day average", "within 0.2 % of its record": a distance, not a figure read here.
      if (
        kind === 'percent' &&
        (/^\s*(?:above|below|under|short of|off)\s+(?:its|the|their)\b|^\s*from\s+(?:its|their|the)\s+(?:high|low|peak|record|top)/i.test(
          tail,
        ) ||
          (/\b(?:within|about)\s*$/i.test(s.slice(Math.max(0, m.at - 8), m.at)) && /^\s*of\b/i.test(tail)))
      )
        continue;
      const stated =
        kind === 'percent' && chosen !== 'dailyVolatility' && chosen !== 'annualizedVolatility'
          ? m.value! * (m.value! < 0 ? 1 : signAt >= 0 ? sign : 1)
          : m.value!;
      claims.push({
        text: s,
        figure: m.raw!,
        section,
        subject: subject.subject!,
        ticker: subject.ticker ?? null,
        metric: chosen,
        window: isLevel || oneDay ? { from: at, to: at } : window,
        basis,
        returnKind:
          chosen === 'return'
            ? (kindAfter ?? returnKind ?? 'closeToClose')
            : chosen === 'oneDay'
              ? 'sincePriorClose'
              : null,
        stated: Number(stated.toPrecision(12)),
        decimals: kind === 'volume' ? m.decimals! : m.decimals! + (kind === 'percent' ? 2 : 0),
        approximate,
      });
    }
    // "A led with x %, followed by B at y %": the order the sentence states.
    if (/\b(?:led|leading|topped|ahead)\b/i.test(s) && /\bfollowed by\b|\bthen\b|\bahead of\b|\bwhile\b/i.test(s)) {
      const mine = claims.slice(first).filter((c) => c.metric === 'return' || c.metric === 'oneDay');
      if (mine.length >= 2) {
        orders.push({
          text: s,
          section,
          items: mine.map((c) => ({
            subject: c.subject,
            ticker: c.ticker,
            stated: c.stated,
            claim: claims.indexOf(c),
          })),
        });
      }
    }
    lastMetricForKind = {};
  }
  return { claims, orders };
}
