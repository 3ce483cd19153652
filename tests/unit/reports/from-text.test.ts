import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportDraftSchema } from '../../../src/shared/contract/reports';
import { findDates, htmlToText, proposeReport } from '../../../src/main/reports/from-text';

const dir = join(__dirname, '../../fixtures/report-texts');
const archive = new Set(['SPY', 'IWM', 'XLB', 'XLI', 'XLRE', 'XLU', 'XLE', '^GSPC', 'RSP']);
const propose = (file: string) =>
  proposeReport(readFileSync(join(dir, file), 'utf8'), { knownTicker: (s) => archive.has(s), today: '2026-12-05' });

describe('a report proposed from pasted text', () => {
  it('reads a web page: title and date from one line, hashtags, a related-stocks list, plain headings, references', () => {
    const { draft, warnings, unknownTickers } = propose('web-page.txt');
    expect(draft.title).toBe('Small caps lead the rally');
    expect(draft.asOf).toBe('2026-01-11');
    expect(draft.sentiment).toBe('Mixed');
    expect(draft.tags).toEqual(['smallcaps', 'market breadth', 'risk on']);
    expect(draft.tickers).toEqual(['SPY', 'IWM', 'XLB', 'XLI']);
    expect(draft.sections.map((s) => [s.id, s.heading])).toEqual([
      ['leadership-shift', 'Leadership shift'],
      ['sector-rotation', 'Sector rotation'],
    ]);
    expect(draft.sections[0]!.markdown).toContain('3.7 % for the S&P 500 [1].');
    expect(draft.references).toEqual([
      {
        n: 1,
        title: '1-Minute Market Report',
        publisher: 'Seeking Alpha',
        date: '2026-01-11',
        url: 'https://seekingalpha.com/article/1-minute-market-report',
      },
      { n: 2, title: 'Sector performance', publisher: 'S&P Dow Jones Indices', date: '2026-01-09', url: null },
    ]);
    expect(warnings).toEqual([]);
    expect(unknownTickers).toEqual([]);
    // What the editor will save passes the same schema as reports:create.
    expect(reportDraftSchema.safeParse(draft).success).toBe(true);
  });

  it('reads an e-mail: the subject without "Fwd:", the Date header, cashtags the archive holds', () => {
    const { draft, warnings } = propose('email.txt');
    expect(draft.title).toBe('Rates and the equal-weight trade');
    expect(draft.asOf).toBe('2026-01-13');
    expect(draft.tickers).toEqual(['SPY', 'IWM', 'RSP']);
    expect(draft.sections).toHaveLength(1);
    expect(draft.sections[0]!.markdown).not.toMatch(/^From:|^To:|^Subject:/m);
    expect(draft.references[0]).toEqual({
      n: 1,
      title: 'Treasury yields fall after CPI',
      publisher: 'Reuters',
      date: '2026-01-13',
      url: 'https://www.reuters.com/markets/rates',
    });
    expect(warnings).toEqual([expect.stringMatching(/No sentiment line/)]);
  });

  it('reads a Markdown note: metadata lines, a window, headings; a ticker the archive lacks is named, not kept', () => {
    const { draft, unknownTickers, warnings } = propose('markdown-note.md');
    expect(draft).toMatchObject({
      title: 'Industrials break out',
      asOf: '2026-01-09',
      market: 'US Stock',
      sentiment: 'Bullish',
      tags: ['industrials', 'breakouts', 'cyclicals'],
      tickers: ['XLI', 'XLB'],
      window: { from: '2025-12-01', to: '2026-01-09' },
    });
    expect(draft.sections.map((s) => s.heading)).toEqual(['What happened', 'What to watch']);
    expect(draft.references.map((r) => [r.n, r.title, r.publisher])).toEqual([
      [1, 'ISM Manufacturing Report On Business', 'Institute for Supply Management'],
      [2, 'Materials rally on copper', 'MarketWatch'],
    ]);
    expect(unknownTickers).toEqual(['CAT']);
    expect(warnings.join(' ')).toMatch(/CAT/);
  });

  it('reads a saved HTML page as text only: no script, no handler, no tag survives', () => {
    const { draft, warnings } = propose('page.html');
    expect(draft.title).toBe('Utilities lag as yields rise');
    expect(draft.asOf).toBe('2026-01-08');
    expect(draft.tags).toEqual(['utilities', 'rates']);
    expect(draft.tickers).toEqual(['XLU', 'XLRE']);
    expect(draft.sections.map((s) => s.heading)).toEqual(['Rate sensitivity']);
    expect(draft.sections[0]!.markdown).toBe('Utilities fell 0.9 % as the ten-year rose [1]. Real estate slipped too.');
    expect(draft.references[0]).toMatchObject({ n: 1, title: 'Selected Interest Rates (H.15)', url: 'https://www.federalreserve.gov/releases/h15/' });
    const all = JSON.stringify(draft);
    for (const bad of ['<', 'onerror', 'alert', 'cookie', 'color:red']) expect(all).not.toContain(bad);
    expect(warnings[0]).toMatch(/HTML/);
  });

  it('reads a newsletter: upper-case headings, a day-month-year date, a sentiment word inside a phrase', () => {
    const { draft, unknownTickers } = propose('newsletter.txt');
    expect(draft.title).toBe('WEEKLY BREADTH LETTER');
    expect(draft.asOf).toBe('2026-01-11');
    expect(draft.sentiment).toBe('Bearish');
    expect(draft.tickers).toEqual(['SPY', 'IWM', 'XLE']);
    expect(unknownTickers).toEqual(['ZZZZ']);
    expect(draft.sections.map((s) => s.id)).toEqual(['market-summary', 'energy']);
  });

  it('reads a related-stocks list with fund names, an index symbol, a US numeric date and a spelled-out window', () => {
    const { draft, warnings } = propose('related-block.txt');
    expect(draft.title).toBe('Real estate and utilities: the rate trade returns');
    expect(draft.asOf).toBe('2026-01-11');
    expect(draft.tickers).toEqual(['XLRE', 'XLU', '^GSPC']);
    expect(draft.window).toEqual({ from: '2025-12-01', to: '2026-01-09' });
    expect(draft.sections.map((s) => s.heading)).toEqual(['Real estate led the day']);
    expect(warnings).toContain('Cited but not among the references: [1].');
  });

  it('reads CRLF text with a byte-order mark, and says which citations have no reference and which reference repeats', () => {
    const { draft, warnings } = propose('crlf-bom.txt');
    expect(draft.title).toBe('Two citations, one reference');
    expect(draft.asOf).toBe('2026-01-12');
    expect(draft.sentiment).toBe('Neutral');
    expect(draft.references).toEqual([
      { n: 1, title: 'Dow Jones Industrial Average', publisher: 'S&P Dow Jones Indices', date: null, url: null },
    ]);
    expect(warnings).toEqual([
      'Reference [1] is listed twice; the second ("Duplicate entry") was left out.',
      'Cited but not among the references: [2], [3].',
    ]);
    expect(JSON.stringify(draft)).not.toMatch(/\r|\uFEFF/);
  });

  it('with nothing to go on, proposes defaults and says each one', () => {
    const { draft, warnings } = propose('bullets.txt');
    expect(draft).toMatchObject({ title: 'Untitled report', asOf: '2026-12-05', sentiment: 'Neutral', tickers: [], tags: [] });
    expect(draft.sections).toEqual([{ id: 'summary', heading: 'Summary', markdown: '- stocks up\n- bonds down' }]);
    expect(warnings).toHaveLength(3);
    expect(reportDraftSchema.safeParse(draft).success).toBe(true);
  });
});

describe('dates in prose', () => {
  it('reads the forms market notes use, and refuses impossible days', () => {
    const text = 'On 2026-01-09, Friday, January 9th, 2026, 9 Jan 2026, 2026/1/9 and 1/9/2026; not 2026-02-30.';
    expect(findDates(text).map((d) => d.date)).toEqual(['2026-01-09', '2026-01-09', '2026-01-09', '2026-01-09', '2026-01-09']);
  });
});

describe('HTML to text', () => {
  it('keeps link targets for references and decodes entities', () => {
    expect(htmlToText('<p>A &amp; B <a href="https://x.org/a">source</a> &#8212; &lt;ok&gt;</p>').trim()).toBe(
      'A & B source (https://x.org/a) — <ok>',
    );
  });
});
