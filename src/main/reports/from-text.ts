/**
 * Reads text an analyst received (a web page pasted or saved as HTML, an e-mail, a Markdown note) and
 * proposes a report: title, as-of date, tags, related tickers the archive holds, sections by heading,
 * numbered references and the citations that point at them. Nothing here is saved; the analyst
 * corrects the proposal in the editor. What cannot be decided is said in `warnings`, never guessed
 * silently.
 */
import { SENTIMENTS, type ReportDraft, type ReportReference, type ReportSection, type Sentiment } from '../../shared/reports';
import type { ReportProposal } from '../../shared/reports';
import { TICKER_PATTERN } from '../../shared/domain';
import { normalizeProse } from './markdown';
import { slugify, uniqueSlug } from '../../shared/slug';

export interface ProposeOptions {
  /** Whether the archive holds this symbol (upper case). */
  knownTicker: (symbol: string) => boolean;
  /** Today's date, `YYYY-MM-DD`: the as-of date when the text names none. */
  today: string;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?';
const DATE_FORMS: Array<{ re: RegExp; read: (m: RegExpExecArray) => [number, number, number] | null }> = [
  { re: /\b(\d{4})-(\d{2})-(\d{2})\b/, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  { re: /\b(\d{4})\/(\d{1,2})\/(\d{1,2})\b/, read: (m) => [+m[1]!, +m[2]!, +m[3]!] },
  {
    re: new RegExp(`\\b${WEEKDAY}${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => [+m[3]!, monthOf(m[1]!), +m[2]!],
  },
  {
    re: new RegExp(`\\b${WEEKDAY}(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH},?\\s+(\\d{4})\\b`, 'i'),
    read: (m) => [+m[3]!, monthOf(m[2]!), +m[1]!],
  },
  // US numeric dates: month first (what US market notes and e-mail clients write).
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/, read: (m) => [+m[3]!, +m[1]!, +m[2]!] },
];

function monthOf(word: string): number {
  return MONTHS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
}

function iso([y, m, d]: [number, number, number]): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1900 || y > 2200) return null;
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1) return null;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

interface FoundDate {
  date: string;
  index: number;
  length: number;
}

/** Every date in `text`, in reading order (forms may overlap: the earliest, longest match wins). */
export function findDates(text: string): FoundDate[] {
  const found: FoundDate[] = [];
  for (const form of DATE_FORMS) {
    const re = new RegExp(form.re.source, form.re.flags.includes('g') ? form.re.flags : `${form.re.flags}g`);
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const parts = form.read(m);
      const date = parts && iso(parts);
      if (date) found.push({ date, index: m.index, length: m[0].length });
    }
  }
  found.sort((a, b) => a.index - b.index || b.length - a.length);
  return found.filter((f, i) => !found.slice(0, i).some((g) => f.index < g.index + g.length && g.index < f.index + f.length));
}

// --- HTML ------------------------------------------------------------------------------------------

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1]?.toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** True when the text is markup rather than prose that mentions a tag. */
function looksLikeHtml(text: string): boolean {
  return /<(html|body|p|div|h[1-6]|br|li|ul|ol|article|section|span|table)\b[^>]*>/i.test(text);
}

/**
 * Plain text of an HTML page: scripts, styles and comments dropped whole; headings become Markdown
 * headings, list items bullets, links `text (url)` so references keep their URLs; every other tag goes.
 * The result is text only: nothing of the markup reaches the report.
 */
export function htmlToText(html: string): string {
  let t = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<![^>]*>/g, '')
    .replace(/<(script|style|noscript|template|iframe|svg|head)\b[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<(script|style|noscript|template|iframe|svg)\b[^>]*\/?>/gi, '');
  t = t.replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_w, level: string, inner: string) => `\n\n${'#'.repeat(Math.max(1, +level))} ${inner.replace(/\s+/g, ' ').trim()}\n\n`);
  t = t.replace(/<a\b[^>]*\bhref\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a\s*>/gi, (_w, _q, dq: string | undefined, sq: string | undefined, inner: string) => {
    const url = (dq ?? sq ?? '').trim();
    const label = inner.replace(/<[^>]*>/g, '').trim();
    return /^https?:\/\//i.test(url) && !label.includes(url) ? `${label} (${url})` : label;
  });
  t = t
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|ul|ol|tr|table|article|section|blockquote|header|footer|h[1-6])\s*>/gi, '\n\n')
    .replace(/<(p|div|tr|table|article|section|blockquote|header|footer)\b[^>]*>/gi, '\n\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/<\/?[a-z][^>]*$/i, '');
  return decodeEntities(t)
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n');
}

// --- lines -----------------------------------------------------------------------------------------

const META = /^(?:\*\*)?(title|subject|date|published|posted|sent|as of|as-of|updated|tags?|keywords|topics|related (?:stocks|tickers|symbols)|tickers?|symbols?|sentiment|outlook|stance|market|window|analysis window|period|from|to|cc)(?:\*\*)?\s*[:：]\s*(.*)$/i;
const HEADING_MD = /^(#{1,6})\s+(.+?)\s*#*\s*$/;
const REFERENCE_HEADINGS = /^(references|sources|citations|footnotes|bibliography|links)$/i;
const RELATED_HEADINGS = /^related (stocks|tickers|symbols)$/i;
const BULLET = /^(?:[-*•·]|\d+[.)])\s+/;
const HASHTAG = /(^|[\s(,;])#([\p{L}][\p{L}\p{N}_-]*)/gu;
const CASHTAG = /(^|[\s(,;])\$(\^?[A-Za-z][A-Za-z0-9.-]{0,9})\b/g;
const CITATION = /\[(\d{1,3})\]/g;

/** Words of a hashtag: `#small_caps` → `small caps`, `#RiskOn` → `risk on`, `#Russell2000` kept. */
function tagWords(raw: string): string {
  const spaced = raw.replace(/[_-]+/g, ' ');
  // CamelCase in a hashtag stands for words; all-caps and digits stay as written.
  if (/^[A-Z][a-z]+(?:[A-Z][a-z]+)+$/.test(spaced)) return spaced.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return spaced.trim();
}

function splitList(value: string): string[] {
  return value
    .split(/[,;|·•]|\s+and\s+|\s{2,}|\t/)
    .map((v) => v.replace(/^[\s$#"'([]+|[\s"')\].]+$/g, '').trim())
    .filter(Boolean);
}

/** The symbol at the start of a related-stocks entry: `SPY`, `$IWM`, `XLB (Materials Select…)`, `^GSPC`. */
function symbolOf(entry: string): string | null {
  const m = /^\$?(\^?[A-Za-z][A-Za-z0-9.\-=]{0,11})(?=$|[\s:(—–-])/.exec(entry.trim());
  if (!m) return null;
  const symbol = m[1]!.toUpperCase();
  // A lower-case word is a name, not a symbol ("small caps"), unless it is short and alone.
  if (m[1] !== symbol && entry.trim().length > 6) return null;
  return TICKER_PATTERN.test(symbol) ? symbol : null;
}

/**
 * A line that reads as a heading in plain text: it stands after a blank line, is short, ends without
 * sentence punctuation, and is either title- or upper-case or followed by a paragraph of prose.
 */
function plainHeading(lines: string[], i: number): boolean {
  const line = lines[i]!.trim();
  const prev = lines[i - 1]?.trim();
  if (prev !== undefined && prev !== '') return false;
  if (line.length > 80 || line.length < 3) return false;
  if (/[.!?,;…"”)]$/.test(line) || BULLET.test(line) || /\[\d{1,3}\]/.test(line) || /^[-=*_]{3,}$/.test(line)) return false;
  const words = line.replace(/:$/, '').split(/\s+/);
  if (words.length > 10) return false;
  let j = i + 1;
  while (j < lines.length && !lines[j]!.trim()) j++;
  const next = lines[j]?.trim();
  if (!next) return false;
  if (line === line.toUpperCase() && /\p{Lu}/u.test(line)) return true;
  const small = /^(a|an|and|as|at|by|for|in|of|on|or|the|to|vs\.?|with|&|—|–|-)$/i;
  if (words.every((w, k) => (k > 0 && small.test(w)) || /^[\p{Lu}\p{N}^$"'(]/u.test(w))) return true;
  // Sentence case ("Sector rotation"): a heading when a paragraph of prose follows it.
  return /^\p{Lu}/u.test(line) && (next.length >= 2 * line.length || /[.!?]$/.test(next)) && words.length <= 8;
}

// --- references ----------------------------------------------------------------------------------

/** One reference line: `[1] "Title", Publisher, 2026-01-11, https://…` or `1. Title — Publisher (Jan 11, 2026) <url>`. */
function readReference(line: string, fallbackN: number): ReportReference | null {
  const m = /^(?:\[(\d{1,3})\]|(\d{1,3})[.)]|\^(\d{1,3}))\s*(.*)$/.exec(line.replace(/^[-*•]\s+/, ''));
  const n = m ? +(m[1] ?? m[2] ?? m[3])! : fallbackN;
  let rest = (m ? m[4]! : line.replace(/^[-*•]\s+/, '')).trim();
  if (!rest) return null;
  const urlMatch = /<?(https?:\/\/[^\s<>)"']+)>?/i.exec(rest);
  const url = urlMatch ? urlMatch[1]!.replace(/[.,;]+$/, '') : null;
  if (urlMatch) rest = (rest.slice(0, urlMatch.index) + rest.slice(urlMatch.index + urlMatch[0].length)).trim();
  const dates = findDates(rest);
  const date = dates[0]?.date ?? null;
  if (dates[0]) rest = (rest.slice(0, dates[0].index) + rest.slice(dates[0].index + dates[0].length)).trim();
  rest = rest.replace(/\(\s*\)|\[\s*\]/g, '').replace(/\s*(?:[,;:—–-]|\bRetrieved\b|\bAccessed\b)\s*$/i, '').trim();
  let title: string;
  let publisher: string | null = null;
  const quoted = /^[“"‘']([^”"’']+)[”"’'][.,]?\s*(.*)$/.exec(rest);
  if (quoted) {
    title = quoted[1]!.trim();
    publisher = quoted[2]!.replace(/^[\s,;:—–-]+|[\s,;:—–.-]+$/g, '') || null;
  } else {
    const parts = rest.split(/\s+[—–-]\s+|,\s+/);
    title = parts.length > 1 ? parts.slice(0, -1).join(', ') : parts[0]!;
    publisher = parts.length > 1 ? parts.at(-1)!.replace(/[\s.,;:]+$/, '') || null : null;
    title = title.replace(/[\s.,;:—–-]+$/, '');
  }
  if (publisher) publisher = publisher.replace(/^(?:by|via|from)\s+/i, '').replace(/[()]/g, '').trim() || null;
  if (!title) title = publisher ?? url ?? `Reference ${n}`;
  return { n, title: title.slice(0, 500), publisher: publisher?.slice(0, 200) ?? null, date, url: url && url.length <= 2048 ? url : null };
}

// --- the proposal --------------------------------------------------------------------------------

interface Block {
  heading: string | null;
  lines: string[];
}

/**
 * Proposes a report from pasted text. Every part is taken from what the text says; where it says
 * nothing (no date line, no sentiment) the proposal takes a default and a warning says so.
 */
export function proposeReport(input: string, options: ProposeOptions): ReportProposal {
  const warnings: string[] = [];
  let text = input.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (looksLikeHtml(text)) {
    text = htmlToText(text);
    warnings.push('The text was HTML: its markup, scripts and styles were dropped and only its words kept.');
  }
  const lines = text.split('\n').map((l) => l.replace(/\s+$/, '').replace(/^\s*>\s?/, ''));

  let title: string | null = null;
  let asOf: string | null = null;
  let sentiment: Sentiment | null = null;
  let market: string | null = null;
  let window: ReportDraft['window'] = null;
  const tags: string[] = [];
  const relatedEntries: string[] = [];
  const blocks: Block[] = [];
  const referenceLines: string[] = [];
  let mode: 'body' | 'references' | 'related' = 'body';
  let current: Block = { heading: null, lines: [] };
  blocks.push(current);

  const addTag = (t: string) => {
    const v = t.trim();
    if (v && v.length <= 60 && !tags.some((x) => x.toLowerCase() === v.toLowerCase())) tags.push(v);
  };

  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.trim();
    const line = raw.replace(/^\*\*(.+)\*\*$/, '$1').trim();
    if (!line) {
      if (mode === 'related' && relatedEntries.length) mode = 'body';
      current.lines.push('');
      continue;
    }
    const md = HEADING_MD.exec(line);
    const headingText = md ? md[2]!.replace(/^\*\*|\*\*$/g, '').replace(/:$/, '').trim() : null;

    // A heading line that opens the references or the related-stocks list.
    const bare = (headingText ?? line).replace(/:$/, '').trim();
    if (REFERENCE_HEADINGS.test(bare) && (md || lines[i - 1]?.trim() === '' || i === 0)) {
      mode = 'references';
      continue;
    }
    if (RELATED_HEADINGS.test(bare)) {
      mode = 'related';
      continue;
    }

    // Metadata lines: "Date: …", "Tags: …", "Related Stocks: …", "Sentiment: …".
    const meta = mode !== 'references' ? META.exec(line) : null;
    if (meta && !md) {
      const key = meta[1]!.toLowerCase();
      const value = meta[2]!.trim();
      if (/^(title|subject)$/.test(key)) {
        if (!title && value) title = value.replace(/^(?:re|fwd?):\s*/i, '');
        continue;
      }
      if (/^(date|published|posted|sent|as of|as-of|updated)$/.test(key)) {
        const d = findDates(value)[0];
        if (d && !asOf) asOf = d.date;
        continue;
      }
      if (/^(tags?|keywords|topics)$/.test(key)) {
        for (const t of splitList(value.replace(/#/g, ' , '))) addTag(tagWords(t));
        continue;
      }
      if (/^(related|tickers?|symbols?)/.test(key)) {
        relatedEntries.push(...splitList(value));
        if (!value) mode = 'related';
        continue;
      }
      if (/^(sentiment|outlook|stance)$/.test(key)) {
        const s = SENTIMENTS.find((x) => new RegExp(`\\b${x}\\b`, 'i').test(value));
        if (s) sentiment = s;
        else warnings.push(`The sentiment "${value}" is none of ${SENTIMENTS.join(', ')}; set it by hand.`);
        continue;
      }
      if (key === 'market') {
        if (value) market = value.slice(0, 80);
        continue;
      }
      if (/^(window|analysis window|period)$/.test(key)) {
        const ds = findDates(value);
        if (ds.length >= 2) {
          const [a, b] = [ds[0]!.date, ds[1]!.date].sort();
          window = { from: a!, to: b! };
        } else warnings.push(`The window "${value}" does not name two dates; set it by hand.`);
        continue;
      }
      if (/^(from|to|cc)$/.test(key)) continue; // e-mail headers
    }

    if (mode === 'related') {
      if (md) mode = 'body';
      else {
        relatedEntries.push(...(BULLET.test(line) || !/,/.test(line) ? [line.replace(BULLET, '')] : splitList(line)));
        continue;
      }
    }
    if (mode === 'references') {
      if (md && !REFERENCE_HEADINGS.test(headingText!)) mode = 'body';
      else {
        referenceLines.push(line);
        continue;
      }
    }

    // A line of hashtags alone is the tag line.
    const hashOnly = line.replace(HASHTAG, '$1').replace(/[\s,;·|]+/g, '') === '';
    HASHTAG.lastIndex = 0;
    if (hashOnly && line.includes('#')) {
      for (const m of line.matchAll(HASHTAG)) addTag(tagWords(m[2]!));
      continue;
    }

    // The title: the first Markdown heading, or the first line of text.
    if (!title && !BULLET.test(line) && (md || blocks.every((b) => b.lines.every((l) => !l)))) {
      const t = (headingText ?? line).trim();
      if (!md || md[1]!.length <= 2 || blocks.length === 1) {
        title = t;
        continue;
      }
    }
    // A date line alone near the top is the as-of date.
    const dates = findDates(line);
    if (!asOf && dates.length === 1 && line.length - dates[0]!.length <= 30 && blocks.length === 1 && !/[.!?]$/.test(line)) {
      asOf = dates[0]!.date;
      continue;
    }

    const isHeading = md !== null || plainHeading(lines, i);
    if (isHeading) {
      current = { heading: (headingText ?? line).replace(/:$/, '').trim(), lines: [] };
      blocks.push(current);
      continue;
    }
    for (const m of line.matchAll(HASHTAG)) addTag(tagWords(m[2]!));
    current.lines.push(raw.replace(HASHTAG, (_w, lead: string, word: string) => `${lead}${word}`));
  }

  // A date in the title ("Small caps lead the rally — 2026-01-11") is the as-of date, and leaves it.
  if (title) {
    const d = findDates(title)[0];
    if (d) {
      if (!asOf) asOf = d.date;
      const stripped = (title.slice(0, d.index) + title.slice(d.index + d.length)).replace(/[\s,|:—–-]+$|^[\s,|:—–-]+/g, '').trim();
      if (stripped) title = stripped;
    }
  }
  if (!title) {
    title = 'Untitled report';
    warnings.push('No title line found; the report is called "Untitled report".');
  }
  if (!asOf) {
    asOf = options.today;
    warnings.push(`No date found; the as-of date is today (${options.today}).`);
  }
  if (!sentiment) {
    sentiment = 'Neutral';
    warnings.push('No sentiment line ("Sentiment: Bullish|Bearish|Mixed|Neutral"); set to Neutral.');
  }

  // Tickers: the related-stocks list first, then $cashtags in the prose, as the archive knows them.
  const tickers: string[] = [];
  const unknownTickers: string[] = [];
  const consider = (symbol: string | null) => {
    if (!symbol || tickers.includes(symbol) || unknownTickers.includes(symbol)) return;
    (options.knownTicker(symbol) ? tickers : unknownTickers).push(symbol);
  };
  for (const entry of relatedEntries) consider(symbolOf(entry));
  for (const b of blocks) for (const l of b.lines) for (const m of l.matchAll(CASHTAG)) consider(symbolOf(m[2]!));
  if (unknownTickers.length) {
    warnings.push(`Not in the archive, left out of the related tickers: ${unknownTickers.join(', ')} (import their prices to add them).`);
  }

  // Sections: the text before the first heading is a summary; empty blocks go.
  const taken = new Set<string>();
  const sections: ReportSection[] = [];
  const sameAsTitle = (line: string): boolean => line.trim().replace(/\s+/g, ' ').toLowerCase() === title.toLowerCase();
  for (const b of blocks) {
    // An e-mail repeats its subject as the body's first line: the title already says it.
    const lines = b.heading ? b.lines : b.lines.filter((l, i) => !(sameAsTitle(l) && b.lines.slice(0, i).every((x) => !x.trim())));
    const markdown = normalizeProse(lines.join('\n').replace(/\n{3,}/g, '\n\n'));
    if (!markdown && !b.heading) continue;
    const heading = (b.heading ?? 'Summary').slice(0, 300);
    const id = uniqueSlug(slugify(heading), taken);
    taken.add(id);
    sections.push({ id, heading, markdown });
  }
  if (!sections.length) warnings.push('No prose found: the report has no sections.');

  // References, numbered as the text numbers them; a repeated number keeps the first.
  const references: ReportReference[] = [];
  for (const l of referenceLines) {
    const r = readReference(l, references.length + 1);
    if (!r) continue;
    if (references.some((x) => x.n === r.n)) {
      warnings.push(`Reference [${r.n}] is listed twice; the second ("${r.title}") was left out.`);
      continue;
    }
    references.push(r);
  }
  const cited = new Set<number>();
  for (const s of sections) for (const m of s.markdown.matchAll(CITATION)) cited.add(+m[1]!);
  const missing = [...cited].filter((n) => !references.some((r) => r.n === n)).sort((a, b) => a - b);
  if (missing.length) warnings.push(`Cited but not among the references: ${missing.map((n) => `[${n}]`).join(', ')}.`);

  const draft: ReportDraft = {
    title: title.slice(0, 300),
    asOf,
    market: market ?? 'US Stock',
    sentiment,
    tags: tags.slice(0, 50),
    tickers: tickers.slice(0, 200),
    window,
    sections,
    references,
  };
  return { draft, unknownTickers, warnings };
}
