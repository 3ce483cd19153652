import fs from 'node:fs';
import path from 'node:path';
import { pdfRequestSchema } from '../../../shared/contract/pdf';
import { writeFileAtomic } from '../../pdf/write';
import { CommandFailed, UsageError, type Command } from '../command';

/** `export-pdf`: a report as a PDF, printed by the system's Chromium, written whole or not at all. */
export const exportPdfCommand: Command = {
  name: 'export-pdf',
  summary:
    'Export a report as a PDF (figures, charts, sections with their checked figures marked, references; notes with --notes or --note ID; the table of checked figures with --figures). ' +
    'Needs Chromium or Chrome and the built renderer (npm run build). An existing --out is replaced only with --force.',
  usage: 'export-pdf --db PATH --report ID --out FILE.pdf [--notes | --note ID…] [--chart TICKER…] [--page a4|letter] [--figures] [--force]',
  options: {
    report: { type: 'string' },
    out: { type: 'string' },
    notes: { type: 'boolean' },
    note: { type: 'string', multiple: true },
    chart: { type: 'string', multiple: true },
    page: { type: 'string' },
    force: { type: 'boolean' },
    figures: { type: 'boolean' },
  },
  run: async (ctx) => {
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new UsageError('export-pdf needs --out FILE.pdf');
    const target = path.resolve(out);
    if (fs.existsSync(target) && !ctx.values.force) {
      throw new UsageError(`${target} exists; pass --force to replace it`);
    }
    if (!fs.existsSync(path.dirname(target))) throw new UsageError(`${path.dirname(target)} does not exist`);
    const noteIds = (ctx.values.note as string[] | undefined)?.map(Number);
    if (ctx.values.notes && noteIds) throw new UsageError('give --notes (all) or --note ID, not both');
    // The flags parse into the channel's own schema: one validation, one set of messages.
    const parsed = pdfRequestSchema.safeParse({
      reportId: Number(ctx.values.report),
      notes: noteIds ?? (ctx.values.notes ? 'all' : 'none'),
      ...(ctx.values.page !== undefined ? { pageSize: String(ctx.values.page).toLowerCase() } : {}),
      ...(ctx.values.figures ? { figuresTable: true } : {}),
      ...(ctx.values.chart ? { charts: (ctx.values.chart as string[]).map((t) => t.toUpperCase()) } : {}),
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const flag = { reportId: '--report', notes: '--note', pageSize: '--page', charts: '--chart' }[String(issue.path[0])] ?? '';
      throw new UsageError(`${flag ? `${flag}: ` : ''}${issue.path[0] === 'reportId' ? 'needs a report id (`reports` lists them)' : issue.message}`);
    }
    ctx.progress(`Printing report ${parsed.data.reportId}…`);
    try {
      const result = await ctx.call('pdf:export', parsed.data);
      const bytes = Buffer.from(result.data ?? '', 'base64');
      try {
        writeFileAtomic(target, bytes);
      } catch (err) {
        throw new CommandFailed(`could not write ${target}: ${(err as Error).message}; nothing was written`);
      }
      return { file: target, fileName: result.fileName, pages: result.pages, bytes: bytes.length };
    } finally {
      await ctx.core().pdf.printer.close();
    }
  },
};
