/**
 * A report as one Markdown file: YAML front matter with the report's facts, then one `## Heading {#id}`
 * per section. What `reportToMarkdown` writes, `reportFromMarkdown` reads back to the same draft, and
 * writing that draft again gives the same bytes (a round trip is exact).
 */
import { parse, stringify } from 'yaml';
import type { ReportDraft, ReportSection } from '../../shared/reports';
import { reportDraftSchema } from '../../shared/contract/reports';
import { describeIssues, invalidInput } from '../errors';
import { slugify, uniqueSlug } from '../../shared/slug';

const SECTION_HEADING = /^## (.+?)(?: \{#([a-z0-9][a-z0-9-]*)\})?[ \t]*$/;
const FENCE = /^(```|~~~)/;

/** A section's prose as stored: LF line ends, no blank lines before it, no trailing white space. */
export function normalizeProse(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/^(?:[ \t]*\n)+/, '')
    .trimEnd();
}

/** A file name for the report: `2026-01-11-small-caps-lead-the-rally.md`. */
export function markdownFileName(draft: Pick<ReportDraft, 'asOf' | 'title'>): string {
  return reportFileName(draft, 'md');
}

/** A report's file name with the given extension: `2026-01-11-small-caps-lead-the-rally.pdf`. */
export function reportFileName(draft: Pick<ReportDraft, 'asOf' | 'title'>, ext: string): string {
  return `${draft.asOf}-${slugify(draft.title).slice(0, 60)}.${ext}`;
}

/** Writes a report as Markdown with front matter. */
export function reportToMarkdown(draft: ReportDraft): string {
  const front = {
    title: draft.title,
    asOf: draft.asOf,
    market: draft.market,
    sentiment: draft.sentiment,
    tags: draft.tags,
    tickers: draft.tickers,
    window: draft.window,
    references: draft.references.map((r) => ({ n: r.n, title: r.title, publisher: r.publisher, date: r.date, url: r.url })),
  };
  const yaml = stringify(front, { lineWidth: 0 });
  const sections = draft.sections.map((s) => {
    const prose = normalizeProse(s.markdown);
    return `## ${s.heading} {#${s.id}}\n${prose ? `\n${prose}\n` : ''}`;
  });
  return `---\n${yaml}---\n${sections.length ? '\n' : ''}${sections.join('\n')}`;
}

/** Splits the body into sections at `## ` lines outside fenced code. */
function readSections(body: string, file: string): ReportSection[] {
  const sections: Array<{ heading: string; id: string | null; lines: string[] }> = [];
  let fenced = false;
  const preamble: string[] = [];
  for (const line of body.split('\n')) {
    if (FENCE.test(line)) fenced = !fenced;
    const m = fenced ? null : SECTION_HEADING.exec(line);
    if (m) {
      sections.push({ heading: m[1]!.trim(), id: m[2] ?? null, lines: [] });
      continue;
    }
    (sections.at(-1)?.lines ?? preamble).push(line);
  }
  if (preamble.join('').trim()) {
    // Prose before the first heading: keep it rather than lose it.
    sections.unshift({ heading: 'Summary', id: null, lines: preamble });
  }
  const taken = new Set<string>();
  return sections.map((s) => {
    const id = s.id && !taken.has(s.id) ? s.id : uniqueSlug(slugify(s.heading), taken);
    taken.add(id);
    if (!s.heading) throw invalidInput(`${file}: a section heading is empty`);
    return { id, heading: s.heading, markdown: normalizeProse(s.lines.join('\n')) };
  });
}

/**
 * Reads a Markdown file written by {@link reportToMarkdown} (or by hand in the same shape) into a
 * draft, checked by the same schema as the editor's. Bad input names the file and the reason.
 */
export function reportFromMarkdown(markdown: string, file = 'report.md'): ReportDraft {
  const text = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
  if (!m) throw invalidInput(`${file}: no front matter (the file must start with a line "---", the report's facts, and "---")`);
  let front: unknown;
  try {
    front = parse(m[1]!);
  } catch (err) {
    throw invalidInput(`${file}: the front matter is not valid YAML: ${(err as Error).message}`);
  }
  if (!front || typeof front !== 'object' || Array.isArray(front)) throw invalidInput(`${file}: the front matter is not a mapping`);
  const f = front as Record<string, unknown>;
  const draft = {
    title: f['title'],
    asOf: f['asOf'],
    market: f['market'] ?? 'US Stock',
    sentiment: f['sentiment'] ?? 'Neutral',
    tags: f['tags'] ?? [],
    tickers: f['tickers'] ?? [],
    window: f['window'] ?? null,
    sections: readSections(m[2]!, file),
    references: ((f['references'] as unknown[] | undefined) ?? []).map((r) =>
      r && typeof r === 'object' ? { publisher: null, date: null, url: null, ...(r as object) } : r,
    ),
  };
  const parsed = reportDraftSchema.safeParse(draft);
  if (!parsed.success) throw invalidInput(`${file}: ${describeIssues(parsed.error)}`);
  return parsed.data;
}
