import { z } from 'zod';
import {
  SENTIMENTS,
  type RelatedReport,
  type Report,
  type ReportFacets,
  type ReportMarkdown,
  type ReportProposal,
  type ReportSummary,
} from '../reports';
import { channel } from './define';
import { dateWindow, fromNotAfterTo, optionalWindowFields, rowId, tickerSymbol, tradingDate } from './schemas';

/** Longest Markdown file or pasted text a report accepts (prose, not data). */
export const REPORT_TEXT_MAX = 4 * 1024 * 1024;

const sentiment = z.enum(SENTIMENTS);
const tag = z.string().trim().min(1, 'tag is empty').max(60, 'tag is too long');
const sectionId = z
  .string()
  .min(1)
  .max(120)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'section id must be a lower-case slug');

/** An http(s) URL; anything else (javascript:, file:, data:) is refused. */
export const httpUrl = z
  .string()
  .trim()
  .max(2048)
  .url('not a URL')
  .refine((u) => /^https?:\/\//i.test(u), 'only http and https links');

/** One reference of a report. */
export const referenceSchema = z
  .object({
    n: z.number().int().min(1).max(999),
    title: z.string().trim().min(1, 'reference title is empty').max(500),
    publisher: z.string().trim().max(200).nullable(),
    date: tradingDate.nullable(),
    url: httpUrl.nullable(),
  })
  .strict();

/** One section of a report. */
export const sectionSchema = z
  .object({
    id: sectionId,
    heading: z.string().trim().min(1, 'heading is empty').max(300),
    markdown: z.string().max(REPORT_TEXT_MAX),
  })
  .strict();

/** Everything the analyst writes in a report (create, update, Markdown import). */
export const reportDraftSchema = z
  .object({
    title: z.string().trim().min(1, 'title is empty').max(300, 'title is too long'),
    asOf: tradingDate,
    market: z.string().trim().min(1, 'market is empty').max(80),
    sentiment,
    tags: z.array(tag).max(50),
    tickers: z.array(tickerSymbol).max(200),
    window: dateWindow.nullable(),
    sections: z.array(sectionSchema).max(200),
    references: z.array(referenceSchema).max(500),
  })
  .strict()
  .refine((d) => new Set(d.references.map((r) => r.n)).size === d.references.length, {
    message: 'two references share a number',
    path: ['references'],
  })
  .refine((d) => new Set(d.sections.map((s) => s.id)).size === d.sections.length, {
    message: 'two sections share an id',
    path: ['sections'],
  });

const filterSchema = z
  .object({
    query: z.string().trim().max(200).optional(),
    tag: tag.optional(),
    ticker: tickerSymbol.optional(),
    sentiment: sentiment.optional(),
    ...optionalWindowFields,
    trash: z.boolean().optional(),
  })
  .strict()
  .refine(...fromNotAfterTo);

/** Channels of the reports domain: the library, one report, drafts from text, Markdown in and out. */
export const reportChannels = {
  /** The library (or the trash), newest as-of first, narrowed by the filter. */
  'reports:list': channel(z.object({ filter: filterSchema.optional() }).strict())<ReportSummary[]>(),
  /** Tags, tickers and sentiments the library's reports carry, for the filters. */
  'reports:facets': channel(z.object({}).strict())<ReportFacets>(),
  /** One report (also from the trash), or NOT_FOUND. */
  'reports:get': channel(z.object({ id: rowId }).strict())<Report>(),
  /** Creates a report; its related tickers form its watchlist in the same transaction. */
  'reports:create': channel(z.object({ draft: reportDraftSchema }).strict())<Report>(),
  /**
   * Replaces a report's content. `baseUpdatedAt` is the `updatedAt` the editor started from: CONFLICT
   * when the report changed since (another window saved).
   */
  'reports:update': channel(
    z.object({ id: rowId, draft: reportDraftSchema, baseUpdatedAt: z.string().max(40).optional() }).strict(),
  )<Report>(),
  /** Copies a report (title marked as a copy, notes not copied). */
  'reports:duplicate': channel(z.object({ id: rowId }).strict())<Report>(),
  /** Moves a report to the trash (its notes go with it and come back with it). */
  'reports:delete': channel(z.object({ id: rowId }).strict())<{ id: number }>(),
  /** Brings a report back from the trash. */
  'reports:restore': channel(z.object({ id: rowId }).strict())<Report>(),
  /** Deletes a report in the trash for good, with its notes (CONFLICT when it is not in the trash). */
  'reports:purge': channel(z.object({ id: rowId }).strict())<{ id: number }>(),
  /** Other reports sharing tickers or tags with this one, newest first. */
  'reports:related': channel(z.object({ id: rowId }).strict())<RelatedReport[]>(),
  /** Proposes a report from pasted text (a web page or an e-mail); nothing is saved. */
  'reports:fromText': channel(z.object({ text: z.string().min(1).max(REPORT_TEXT_MAX) }).strict())<ReportProposal>(),
  /** The report as one Markdown file with front matter. */
  'reports:exportMarkdown': channel(z.object({ id: rowId }).strict())<ReportMarkdown>(),
  /** Creates a report from a Markdown file's text (as `reports:exportMarkdown` writes it). */
  'reports:importMarkdown': channel(
    z.object({ markdown: z.string().min(1).max(REPORT_TEXT_MAX), fileName: z.string().max(255).optional() }).strict(),
  )<Report>(),
};
