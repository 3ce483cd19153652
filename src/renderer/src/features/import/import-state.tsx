import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import type { FileResult, ImportFileHandle } from '../../../../shared/import';
import type { ImportFileInput, ImportOptions } from '../../../../shared/contract/import';
import { call, stageFile, subscribe } from '../../lib/api';
import { useCallMutation } from '@renderer/lib/use-call';

/**
 * A file waiting to be imported: main's handle for it (null while a dropped file is being staged), the
 * user's choices for it, and what the preview found.
 */
export interface QueuedFile {
  key: string;
  name: string;
  handle: ImportFileHandle | null;
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
  /** True while another import (another window, the CLI) holds the archive and this one waits. */
  waiting?: boolean;
  fileIndex: number;
  fileCount: number;
}

/** Options that apply to every file of a run (a file's own, such as importing despite rejected rows, win). */
export interface RunOptions {
  onConflict: 'fail' | 'replace' | 'keep';
}

/** Everything the import screen shows and does. */
export interface ImportState {
  queue: QueuedFile[];
  runOptions: RunOptions;
  progress: ImportProgress | null;
  running: boolean;
  results: FileResult[] | null;
  runError: string | null;
  /** Stages dropped or picked files once, then previews them. */
  addTextFiles(files: File[]): Promise<void>;
  /** Queues files main already holds (the open dialog's). */
  addHandles(handles: ImportFileHandle[]): void;
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

/** Lets main delete the staged copies of files taken off the list. */
function discard(files: QueuedFile[]): void {
  const fileIds = files.flatMap((f) => (f.handle ? [f.handle.fileId] : []));
  if (fileIds.length) void call('import:discard', { fileIds }).catch(() => undefined);
}
/** A file newly added to the queue, not yet previewed (not yet staged when `handle` is null). */
function queued(name: string, handle: ImportFileHandle | null): QueuedFile {
  return {
    key: `f${++counter}`,
    name,
    handle,
    options: {},
    preview: null,
    previewError: null,
    previewing: handle === null,
  };
}

function toInput(f: QueuedFile, run?: RunOptions): ImportFileInput {
  return { fileId: f.handle!.fileId, options: { ...(run ?? {}), ...f.options } };
}

/** Holds the import queue; previews each file as it arrives and again whenever its options change. */
export function ImportProvider(props: { children: React.ReactNode; onFilesAdded: () => void }): React.JSX.Element {
  const [queue, setQueue] = useState<QueuedFile[]>([]);
  const [runOptions, setRunOptionsState] = useState<RunOptions>({ onConflict: 'fail' });
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
  // A file is staged once; each preview names only its id. A newer preview of the same file cancels
  // the one still running, whose answer is then ignored.
  const previewJobs = useRef(new Map<string, string>());
  const preview = useCallback((file: QueuedFile, run: RunOptions) => {
    if (!file.handle) return;
    const jobId = crypto.randomUUID();
    const superseded = previewJobs.current.get(file.key);
    if (superseded) void call('import:cancel', { jobId: superseded }).catch(() => undefined);
    previewJobs.current.set(file.key, jobId);
    const settle = (patch: Partial<QueuedFile>): void => {
      if (previewJobs.current.get(file.key) !== jobId) return;
      previewJobs.current.delete(file.key);
      setQueue((q) => q.map((f) => (f.key === file.key ? { ...f, ...patch, previewing: false } : f)));
    };
    setQueue((q) => q.map((f) => (f.key === file.key ? { ...f, previewing: true } : f)));
    call('import:preview', { files: [toInput(file, run)], jobId })
      .then(([result]) => settle({ preview: result ?? null, previewError: null }))
      .catch((err: Error) => settle({ preview: null, previewError: err.message }));
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
      const waiting = files.map((file) => queued(file.name, null));
      enqueue(waiting);
      await Promise.all(
        files.map(async (file, i) => {
          const key = waiting[i]!.key;
          try {
            const handle = await stageFile(file);
            const ready = { ...waiting[i]!, handle, name: handle.name };
            setQueue((q) => q.map((f) => (f.key === key ? { ...f, handle, name: handle.name } : f)));
            preview(ready, runOptions);
          } catch (err) {
            setQueue((q) =>
              q.map((f) =>
                f.key === key
                  ? { ...f, previewing: false, previewError: `could not read ${file.name}: ${(err as Error).message}` }
                  : f,
              ),
            );
          }
        }),
      );
    },
    [enqueue, preview, runOptions],
  );

  const addHandles = useCallback(
    (handles: ImportFileHandle[]) => enqueue(handles.map((h) => queued(h.name, h))),
    [enqueue],
  );

  useEffect(
    () =>
      subscribe('app:menuCommand', (m) => {
        if (m.command === 'import-csv' && m.files?.length) addHandles(m.files);
      }),
    [addHandles],
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
    if (queue.length === 0 || queue.some((f) => !f.handle)) return;
    const jobId = crypto.randomUUID();
    jobRef.current = { id: jobId, files: queue.map((f) => f.name) };
    setRunning(true);
    setRunError(null);
    setResults(null);
    setProgress({ jobId, file: queue[0]!.name, rowsDone: 0, rowsTotal: 0, fileIndex: 0, fileCount: queue.length });
    try {
      const out = await runImport({ files: queue.map((f) => toInput(f, runOptions)), jobId });
      setResults(out.files);
      // Results come back in the order of the files sent; main has released the imported ones.
      const sent = queue.map((f) => f.key);
      const imported = new Set(sent.filter((_, i) => out.files[i]?.status === 'imported'));
      setQueue((q) => q.filter((f) => !imported.has(f.key)));
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
      addHandles,
      remove: (key) => {
        discard(queue.filter((f) => f.key === key));
        setQueue((q) => q.filter((f) => f.key !== key));
      },
      clear: () => {
        discard(queue);
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
      addHandles,
      setFileOptions,
      setRunOptions,
      run,
      cancel,
    ],
  );
  return <ImportContext.Provider value={value}>{props.children}</ImportContext.Provider>;
}
