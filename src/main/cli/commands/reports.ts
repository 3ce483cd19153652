import fs from 'node:fs';
import path from 'node:path';
import { UsageError, type Command, type CommandContext } from '../command';

function reportId(ctx: CommandContext): number {
  const id = Number(ctx.values.id);
  if (!Number.isInteger(id) || id <= 0) throw new UsageError('needs --id N (a report id; `reports` lists them)');
  return id;
}

/** `reports`: the report library. */
export const reportsCommand: Command = {
  name: 'reports',
  summary: 'List the reports (id, title, asOf, tags, tickers…), newest first; --trash lists the trash.',
  usage: 'reports --db PATH [--tag T] [--ticker T] [--trash]',
  options: { tag: { type: 'string' }, ticker: { type: 'string' }, trash: { type: 'boolean' } },
  run: (ctx) =>
    ctx.call('reports:list', {
      filter: {
        ...(ctx.values.tag !== undefined ? { tag: ctx.values.tag } : {}),
        ...(ctx.values.ticker !== undefined ? { ticker: ctx.values.ticker } : {}),
        ...(ctx.values.trash ? { trash: true } : {}),
      },
    }),
};

/** `report`: one report with its sections, references and notes. */
export const reportCommand: Command = {
  name: 'report',
  summary: 'Print one report with its sections, references and notes.',
  usage: 'report --db PATH --id N',
  options: { id: { type: 'string' } },
  run: async (ctx) => {
    const id = reportId(ctx);
    const report = await ctx.call('reports:get', { id });
    return { ...report, notes: await ctx.call('notes:list', { reportId: id }) };
  },
};

/** `report-export`: a report as one Markdown file. */
export const reportExportCommand: Command = {
  name: 'report-export',
  summary: 'Write a report as one Markdown file with front matter (report-import reads it back).',
  usage: 'report-export --db PATH --id N --out FILE.md',
  options: { id: { type: 'string' }, out: { type: 'string' } },
  run: async (ctx) => {
    const id = reportId(ctx);
    const out = ctx.values.out;
    if (typeof out !== 'string' || !out) throw new UsageError('report-export needs --out FILE.md');
    const { markdown } = await ctx.call('reports:exportMarkdown', { id });
    fs.writeFileSync(out, markdown);
    return { id, file: path.resolve(out), bytes: Buffer.byteLength(markdown) };
  },
};

/** `report-import`: creates a report from a Markdown file. */
export const reportImportCommand: Command = {
  name: 'report-import',
  summary: 'Create a report from a Markdown file with front matter (as report-export writes it).',
  usage: 'report-import --db PATH FILE.md',
  options: {},
  positionals: true,
  run: async (ctx) => {
    const [file, ...rest] = ctx.positionals;
    if (!file || rest.length) throw new UsageError('report-import takes exactly one FILE.md');
    let markdown: string;
    try {
      markdown = fs.readFileSync(file, 'utf8');
    } catch (err) {
      throw new UsageError(`cannot read ${file}: ${(err as Error).message}`);
    }
    const report = await ctx.call('reports:importMarkdown', { markdown, fileName: path.basename(file) });
    return { id: report.id, title: report.title, asOf: report.asOf, sections: report.sections.length, references: report.references.length };
  },
};

/** `sample`: loads the sample (what the app's first start does). */
export const sampleCommand: Command = {
  name: 'sample',
  summary: 'Load the sample prices, report and notes into the archive (what first start does); --remove takes them out.',
  usage: 'sample --db PATH [--remove]',
  options: { remove: { type: 'boolean' } },
  run: (ctx) => ctx.call(ctx.values.remove ? 'sample:remove' : 'sample:load', {}),
};
