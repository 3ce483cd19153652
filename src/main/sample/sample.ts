/**
 * The sample: real prices and a report with two notes, shipped in `resources/sample/`, that a newcomer
 * sees on first start. Prices go through the normal import path (their import records are the
 * sample's); the report and notes are marked as sample data. One action removes all of it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NoteAnchor } from '../../shared/notes';
import type { SampleStatus } from '../../shared/sample';
import { noteAnchorSchema } from '../../shared/contract/notes';
import type { Core } from '../core';
import type { Db } from '../db/open';
import { DomainError } from '../errors';
import { addAction, type ActionDraft } from '../actions/repository';
import { undoImport } from '../import/write';
import { createNote } from '../notes/repository';
import { reportFromMarkdown } from '../reports/markdown';
import { createReport, getReport, purgeReport, trashReport } from '../reports/repository';
import { readMeta, writeMeta } from '../db/meta';

const META_KEY = 'sample';

/** What the archive remembers of its sample: present, or removed by the user (never loaded again by itself). */
type SampleMeta =
  | { state: 'present'; reportId: number; importIds: number[]; tickers: string[]; actionIds?: number[] }
  | { state: 'removed' };

/** Finds `resources/sample` from this module upwards (source tree, bundled `out/main`, or a packaged app). */
export function defaultSampleDir(start = path.dirname(fileURLToPath(import.meta.url))): string | null {
  for (let dir = start, i = 0; i < 6; i++, dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'resources', 'sample');
    if (fs.existsSync(path.join(candidate, 'report.md'))) return candidate;
  }
  return null;
}

function readSampleMeta(db: Db): SampleMeta | null {
  const v = readMeta(db, META_KEY);
  return v ? (JSON.parse(v) as SampleMeta) : null;
}

function writeSampleMeta(db: Db, meta: SampleMeta): void {
  writeMeta(db, META_KEY, JSON.stringify(meta));
}

/** Whether the sample is in the archive, and what it consists of. */
export function sampleStatus(db: Db): SampleStatus {
  const meta = readSampleMeta(db);
  if (meta?.state !== 'present') return { present: false, reportId: null, importIds: [], tickers: [] };
  return { present: true, reportId: meta.reportId, importIds: meta.importIds, tickers: meta.tickers };
}

/**
 * Loads the sample into the archive: imports its price files (bars the archive already has are kept),
 * then creates its report and notes. Does nothing when the sample is already there.
 */
export async function loadSample(core: Core, dir = core.sampleDir): Promise<SampleStatus> {
  const status = sampleStatus(core.db);
  if (status.present) return status;
  if (!dir) throw new DomainError('UNAVAILABLE', 'this build of Breadth has no sample (resources/sample is missing)');
  const pricesDir = path.join(dir, 'prices');
  const files = fs
    .readdirSync(pricesDir)
    .filter((f) => /\.(csv|txt)$/i.test(f))
    .sort()
    .map((f) => ({ source: { path: path.join(pricesDir, f) } }));
  const draft = reportFromMarkdown(fs.readFileSync(path.join(dir, 'report.md'), 'utf8'), 'resources/sample/report.md');
  const notes = JSON.parse(fs.readFileSync(path.join(dir, 'notes.json'), 'utf8')) as Array<{ body: string; anchor?: NoteAnchor }>;
  const actionsFile = path.join(dir, 'actions.json');
  const actions = fs.existsSync(actionsFile) ? (JSON.parse(fs.readFileSync(actionsFile, 'utf8')) as ActionDraft[]) : [];
  const { files: results } = await core.importJobs.run(files, { onConflict: 'keep', allowRejected: true });
  const failed = results.filter((r) => r.status !== 'imported');
  if (failed.length) {
    // Leave nothing half-loaded: undo what did import.
    await core.writes.run(() => {
      for (const r of results) if (r.importId !== null) undoImport(core.db, r.importId);
    });
    throw new DomainError('INTERNAL', `the sample's prices did not import: ${failed.map((f) => `${f.file}: ${f.error}`).join('; ')}`);
  }
  return core.writes.run(() => {
    const report = createReport(core.db, draft, { sample: true });
    for (const n of notes) createNote(core.db, report.id, n.body, noteAnchorSchema.parse(n.anchor ?? { section: null, ticker: null, date: null }));
    // The sample's corporate actions (IWM's December distribution): kept unless the analyst has one there.
    const actionIds: number[] = [];
    for (const a of actions) {
      const known = core.db.prepare('SELECT 1 FROM corporate_actions WHERE ticker = ? AND kind = ? AND date = ?').get(a.ticker, a.kind, a.date);
      if (!known) actionIds.push(addAction(core.db, { ticker: a.ticker, kind: a.kind, date: a.date, ratio: a.ratio ?? null, amount: a.amount ?? null }).id);
    }
    const meta: SampleMeta = {
      state: 'present',
      reportId: report.id,
      importIds: results.map((r) => r.importId!),
      tickers: [...new Set(results.flatMap((r) => r.tickers.map((t) => t.ticker)))].sort(),
      actionIds,
    };
    writeSampleMeta(core.db, meta);
    return sampleStatus(core.db);
  });
}

/** Removes all of the sample: its report with its notes, and its imports (undone). */
export function removeSample(core: Core): Promise<SampleStatus> {
  return core.writes.run(() => {
    const status = sampleStatus(core.db);
    if (!status.present) return status;
    const exists = core.db.prepare('SELECT 1 FROM reports WHERE id = ?').get(status.reportId);
    if (exists) {
      if (!getReport(core.db, status.reportId!).deletedAt) trashReport(core.db, status.reportId!);
      purgeReport(core.db, status.reportId!);
    }
    const meta = readSampleMeta(core.db);
    if (meta?.state === 'present') for (const id of meta.actionIds ?? []) core.db.prepare('DELETE FROM corporate_actions WHERE id = ?').run(id);
    // Newest first, so no import is undone under one that replaced its bars.
    for (const id of [...status.importIds].reverse()) {
      const rec = core.db.prepare('SELECT status FROM imports WHERE id = ?').get(id) as { status: string } | undefined;
      if (rec?.status === 'committed') undoImport(core.db, id);
    }
    writeSampleMeta(core.db, { state: 'removed' });
    return sampleStatus(core.db);
  });
}

/**
 * First start (the app and the browser host, never the CLI): an empty archive that never had the sample
 * gets it, unless the setting or `--no-sample` says to start empty. Returns whether it loaded.
 */
export async function loadSampleOnFirstStart(core: Core, opts: { enabled: boolean }): Promise<boolean> {
  if (!opts.enabled || !core.settings.ui().loadSample || !core.sampleDir) return false;
  if (readSampleMeta(core.db)) return false;
  const empty = core.db.prepare('SELECT (SELECT count(*) FROM tickers) + (SELECT count(*) FROM reports) AS n').pluck().get() === 0;
  if (!empty) return false;
  const status = await loadSample(core);
  // Breadth's first screen is the sample report, on its first related ticker with data.
  core.settings.updateUi({ lastView: 'report', lastReport: status.reportId, lastTicker: 'IWM' });
  return true;
}
