import { AnalyticsPool } from './analytics/pool';
import { watchImports } from './claims/recheck';
import { openArchive, type Db, type MigrationReport } from './db/open';
import { WriteQueue } from './db/write-queue';
import { EventBus } from './events';
import { ImportFiles } from './import/files';
import { ImportJobs } from './import/jobs';
import { ChromiumPrinter } from './pdf/chromium';
import type { ChooseTarget } from './pdf/export';
import { defaultRendererDir, type PdfPrinter } from './pdf/printer';
import { defaultSampleDir } from './sample/sample';
import type { Settings } from './settings';

/** Which process hosts the core. */
export type HostKind = 'electron' | 'browser' | 'cli';

/** Options for {@link createCore}. */
export interface CoreOptions {
  archivePath: string;
  settings: Settings;
  host: HostKind;
  version: string;
  /** Electron's own build of better-sqlite3, when running inside Electron. */
  nativeBinding?: string;
  /** Where the sample lives (`resources/sample`); found from the source or bundle when not given. */
  sampleDir?: string | null;
  /** How PDFs are printed; Chromium through playwright-core (for the built renderer) when not given. */
  printer?: PdfPrinter;
  /** The built renderer whose print view the default printer loads; found beside the source or bundle. */
  rendererDir?: string;
  /** The desktop app's save dialog for PDFs; without it exports return the PDF to the caller. */
  chooseTarget?: ChooseTarget;
}

/**
 * Everything the handlers need: the open archive, settings, the event bus. Built the same way by the
 * Electron shell, the browser host, the CLI and tests; it never touches `electron`.
 */
export interface Core {
  readonly db: Db;
  readonly archivePath: string;
  readonly settings: Settings;
  readonly events: EventBus;
  readonly host: HostKind;
  readonly version: string;
  readonly migration: MigrationReport;
  /** Electron's build of better-sqlite3, when running inside Electron (workers open the archive with it too). */
  readonly nativeBinding?: string;
  /** The sample's folder, or null when this build has none. */
  readonly sampleDir: string | null;
  /** The main connection's writes: queued, IMMEDIATE, never blocking the event loop on another writer. */
  readonly writes: WriteQueue;
  /** The files the import may read (dialog choices, staged drops), by id. */
  readonly importFiles: ImportFiles;
  /** Import previews and runs in a bounded pool of workers. */
  readonly importJobs: ImportJobs;
  /** The analytics, computed in worker threads with read-only connections (in-process for :memory: and the CLI). */
  readonly analytics: AnalyticsPool;
  /** How PDFs are printed and, in the desktop app, where they are saved. */
  readonly pdf: { readonly printer: PdfPrinter; readonly chooseTarget: ChooseTarget | null };
  /** Runs `fn` when the core closes (workers, staged files), before the archive closes; latest first. */
  onClose(fn: () => void): void;
  /** Runs the close hooks and closes the archive. */
  close(): void;
}

/** Opens the archive and assembles the core. */
export function createCore(options: CoreOptions): Core {
  const { db, migration } = openArchive(options.archivePath, {
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const events = new EventBus();
  const closers: Array<() => void> = [];
  const importFiles = new ImportFiles();
  const importJobs = new ImportJobs({
    db,
    archivePath: options.archivePath,
    events,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const analytics = new AnalyticsPool({
    db,
    archivePath: options.archivePath,
    inProcess: options.archivePath === ':memory:' || options.host === 'cli',
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
  });
  const printer = options.printer ?? new ChromiumPrinter({ rendererDir: options.rendererDir ?? defaultRendererDir() });
  // Jobs stop before their staged files go; all workers stop before the archive closes.
  closers.push(
    () => void printer.close(),
    () => analytics.close(),
    () => importFiles.close(),
    () => importJobs.close(),
  );
  const core: Core = {
    db,
    writes: new WriteQueue(db),
    sampleDir: options.sampleDir === undefined ? defaultSampleDir() : options.sampleDir,
    importFiles,
    importJobs,
    analytics,
    pdf: { printer, chooseTarget: options.chooseTarget ?? null },
    archivePath: options.archivePath,
    settings: options.settings,
    events,
    host: options.host,
    version: options.version,
    migration,
    ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    onClose: (fn) => {
      closers.push(fn);
    },
    close: () => {
      for (const fn of closers.splice(0).reverse()) {
        try {
          fn();
        } catch {
          // A hook failing must not keep the archive open.
        }
      }
      if (db.open) db.close();
    },
  };
  // Every report is checked again after each import (the verdicts that changed go to the windows).
  closers.push(watchImports(core));
  return core;
}
