/**
 * Verdicts kept per report, so that after each import (or its undo) every report is checked again and
 * the verdicts that changed are listed: "^IXIC return 2.15 %: unchecked → holds".
 */
import type { ReportVerification, Verdict, VerdictChange } from '../../shared/claims';
import type { Core } from '../core';
import type { Db } from '../db/open';
import { listReports } from '../reports/repository';
import { verifyReport } from './verify';
import { readMeta, writeMeta } from '../db/meta';

const key = (reportId: number): string => `claims.verdicts.${reportId}`;

type Snapshot = Record<string, { verdict: Verdict; label: string }>;

function snapshotOf(v: ReportVerification): Snapshot {
  return Object.fromEntries(
    v.claims
      .filter((c) => c.review !== 'rejected')
      .map((c) => [c.key, { verdict: c.verdict, label: `${c.ticker ?? c.subject} ${c.metric} ${c.figure}` }]),
  );
}

function readSnapshot(db: Db, reportId: number): Snapshot | null {
  const v = readMeta(db, key(reportId));
  return v ? (JSON.parse(v) as Snapshot) : null;
}

function writeSnapshot(db: Db, reportId: number, s: Snapshot): void {
  writeMeta(db, key(reportId), JSON.stringify(s));
}

/** Keeps a report's verdicts as the baseline of the next re-check, when it has none yet. */
export async function rememberVerdicts(core: Core, v: ReportVerification): Promise<void> {
  if (readSnapshot(core.db, v.report.id)) return;
  const s = snapshotOf(v);
  await core.writes.run(() => writeSnapshot(core.db, v.report.id, s));
}

/** Checks every report again; returns (and keeps as the new baseline) the verdicts that changed. */
export async function recheckReports(core: Core): Promise<VerdictChange[]> {
  const changes: VerdictChange[] = [];
  for (const r of listReports(core.db)) {
    const v = await verifyReport(core, r.id);
    const now = snapshotOf(v);
    const before = readSnapshot(core.db, r.id);
    if (before) {
      for (const [k, c] of Object.entries(now)) {
        const was = before[k];
        if (was && was.verdict !== c.verdict)
          changes.push({ reportId: r.id, title: r.title, claim: c.label, from: was.verdict, to: c.verdict });
      }
    }
    await core.writes.run(() => writeSnapshot(core.db, r.id, now));
  }
  return changes;
}

const queues = new WeakMap<Core, Promise<void>>();

/** Re-checks every report (after the ones already queued) and tells the windows what changed. */
export function scheduleRecheck(core: Core): void {
  queues.set(
    core,
    (queues.get(core) ?? Promise.resolve())
      .then(async () => {
        if (!core.db.open) return;
        const changes = await recheckReports(core);
        // Only news is sent: a window refetches its verdicts after every import anyway.
        if (changes.length > 0) core.events.emit('claims:rechecked', { changes });
      })
      .catch(() => {
        // A re-check that fails (the archive closing under it) leaves the last baseline in place.
      }),
  );
}

/** Re-checks after every import; returns the function that stops it. */
export function watchImports(core: Core): () => void {
  return core.events.on('import:done', () => scheduleRecheck(core));
}

/** Waits for the re-checks queued so far (tests, shutdown). */
export function rechecked(core: Core): Promise<void> {
  return queues.get(core) ?? Promise.resolve();
}
