import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { FileResult } from '../../../../shared/import';
import type { ImportFileInput, ImportOptions } from '../../../../shared/contract/import';
import { call, subscribe } from '../../lib/api';
import { useCallMutation } from '@renderer/lib/use-call';

/** A file waiting to be imported: its source, the user's choices for it, and what the preview found. */
export interface QueuedFile {
  key: string;
  name: string;
  source: { path: string } | { name: string; text: string };
  options: ImportOptions;
  preview: FileResult | null;
  previewError: string | null;
  previewing: boolean;
}

/** Progress of the running import job. */
export interface ImportProgress {
  jobId: string;
  file: string;
  rowsDone: number;
  rowsTotal: number;
  fileIndex: number;
  fileCount: number;
}

/** Options that apply to every file of a run. */
export interface RunOptions {
  onConflict: 'fail' | 'replace' | 'keep';
  allowRejected: boolean;
}

/** Everything the import screen shows and does. */
export interface ImportState {
  queue: QueuedFile[];
  runOptions: RunOptions;
  progress: ImportProgress | null;
  running: boolean;
  results: FileResult[] | null;
  runError: string | null;
  addTextFiles(files: File[]): Promise<void>;
  addPaths(paths: string[]): void;
  remove(key: string): void;
  clear(): void;
  setFileOptions(key: string, patch: Partial<ImportOptions>): void;
  setRunOptions(patch: Partial<RunOptions>): void;
  run(): Promise<void>;
  cancel(): void;
}

const ImportContext = createContext<ImportState | null>(null);

/** The import state, shared by the window-wide drop target, the menu and the import view. */
export function useImport(): ImportState {
  const s = useContext(ImportContext);
  if (!s) throw new Error('useImport outside ImportProvider');
  return s;
}

let counter = 0;
/** A file newly added to the queue, not yet previewed. */
function queued(name: string, source: QueuedFile['source']): QueuedFile {
  return { key: `f${++counter}`, name, source, options: {}, preview: null, previewError: null, previewing: false };
}

function toInput(f: QueuedFile, run?: RunOptions): ImportFileInput {
  const options = { ...f.options, ...(run ?? {}) };
  return 'path' in f.source ? { path: f.source.path, options } : { name: f.source.name, text: f.source.text, options };
}

/** Holds the import queue; previews each file as it arrives and again whenever its options change. */
export function ImportProvider(props: { children: React.ReactNode; onFilesAdded: () => void }): React.JSX.Element {
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [runOptions, setRunOptionsState] = useState<RunOptions>({ onConflict: 'fail', allowRejected: false });
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [results, setResults] = useState<FileResult[] | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const jobRef = useRef<{ id: string; files: string[] } | null>(null);
  const { mutateAsync: runImport } = useCallMutation('import:run');
  const { mutate: cancelImport } = useCallMutation('import:cancel');
  const { onFilesAdded } = props;

  // A preview is asked for once per user action, from the action itself: never from inside a state
  // updater, which React may run more than once (StrictMode runs every updater twice). It is a plain
  // call rather than a cached query because a dropped file's source is its whole text.
  const preview = useCallback((file: QueuedFile, run: RunOptions) => {
    setQueue((q) => q.map((f) => (f.key === file.key ? { ...f, previewing: true } : f)));
    call('import:preview', { files: [toInput(file, run)] })
      .then(([result]) =>
        setQueue((q) =>
          q.map((f) =>
            f.key === file.key ? { ...f, preview: result ?? null, previewError: null, previewing: false } : f,
          ),
        ),
      )
      .catch((err: Error) =>
        setQueue((q) =>
          q.map((f) =>
            f.key === file.key ? { ...f, preview: null, previewError: err.message, previewing: false } : f,
          ),
        ),
      );
  }, []);

  const enqueue = useCallback(
    (files: QueuedFile[]) => {
      setResults(null);
      setRunError(null);
      setQueue((q) => [...q, ...files]);
      for (const f of files) preview(f, runOptions);
      onFilesAdded();
    },
    [preview, runOptions, onFilesAdded],
  );

  const addTextFiles = useCallback(
    async (files: File[]) => {
      const read = await Promise.all(
        files.map(async (file) => queued(file.name, { name: file.name, text: await file.text() })),
      );
      enqueue(read);
    },
    [enqueue],
  );

  const addPaths = useCallback(
    (paths: string[]) => enqueue(paths.map((p) => queued(p.split(/[\\/]/).pop() ?? p, { path: p }))),
    [enqueue],
  );

  useEffect(
    () =>
      subscribe('app:menuCommand', (m) => {
        if (m.command === 'import-csv' && m.paths?.length) addPaths(m.paths);
      }),
    [addPaths],
  );

  useEffect(
    () =>
      subscribe('import:progress', (p) => {
        const job = jobRef.current;
        if (!job || p.jobId !== job.id) return;
        setProgress({ ...p, fileIndex: Math.max(0, job.files.indexOf(p.file)), fileCount: job.files.length });
      }),
    [],
  );

  const setFileOptions = useCallback(
    (key: string, patch: Partial<ImportOptions>) => {
      const file = queue.find((f) => f.key === key);
      if (!file) return;
      setQueue((q) => q.map((f) => (f.key === key ? { ...f, options: { ...f.options, ...patch } } : f)));
      preview({ ...file, options: { ...file.options, ...patch } }, runOptions);
    },
    [queue, preview, runOptions],
  );

  const setRunOptions = useCallback(
    (patch: Partial<RunOptions>) => {
      const next = { ...runOptions, ...patch };
      setRunOptionsState(next);
      // Conflicts and rejections are judged under the run's options, so preview again.
      for (const f of queue) preview(f, next);
    },
    [queue, preview, runOptions],
  );

  const run = useCallback(async () => {
    if (queue.length === 0) return;
    const jobId = crypto.randomUUID();
    jobRef.current = { id: jobId, files: queue.map((f) => f.name) };
    setRunning(true);
    setRunError(null);
    setResults(null);
    setProgress({ jobId, file: queue[0]!.name, rowsDone: 0, rowsTotal: 0, fileIndex: 0, fileCount: queue.length });
    try {
      const out = await runImport({ files: queue.map((f) => toInput(f, runOptions)), jobId });
      setResults(out.files);
      const imported = new Set(out.files.filter((r) => r.status === 'imported').map((r) => r.file));
      setQueue((q) => q.filter((f) => !imported.has(f.name)));
    } catch (err) {
      setRunError((err as Error).message);
    } finally {
      jobRef.current = null;
      setRunning(false);
      setProgress(null);
    }
  }, [queue, runOptions, runImport]);

  const cancel = useCallback(() => {
    const job = jobRef.current;
    if (job) cancelImport({ jobId: job.id });
  }, [cancelImport]);

  const value = useMemo<ImportState>(
    () => ({
      queue,
      runOptions,
      progress,
      running,
      results,
      runError,
      addTextFiles,
      addPaths,
      remove: (key) => setQueue((q) => q.filter((f) => f.key !== key)),
      clear: () => {
        setQueue([]);
        setResults(null);
      },
      setFileOptions,
      setRunOptions,
      run,
      cancel,
    }),
    [
      queue,
      runOptions,
      progress,
      running,
      results,
      runError,
      addTextFiles,
      addPaths,
      setFileOptions,
      setRunOptions,
      run,
      cancel,
    ],
  );
  return <ImportContext.Provider value={value}>{props.children}</ImportContext.Provider>;
}
