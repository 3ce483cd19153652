import { useRef } from 'react';
import { filesFromInput } from './dropped-files';
import { ImportHistory } from './ImportHistory';
import { FilePreview } from './FilePreview';
import { ImportSummary } from './ImportSummary';
import { useImport } from './import-state';
import { formatCount } from '../../lib/format';

/** Importing CSV price files: choose or drop files, check the preview, import with progress, see the summary. */
export function ImportView(): React.JSX.Element {
  const state = useImport();
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const blocked = state.queue.filter((f) => !f.preview || f.preview.detection.needs.length > 0 || f.previewError);
  const canImport = state.queue.length > 0 && !state.running && blocked.length === 0;

  // Files that need a decision (a question, rejected rows, rows that differ from the archive) come first.
  const needsDecision = (f: (typeof state.queue)[number]): boolean =>
    !!f.preview && (f.preview.detection.needs.length > 0 || f.preview.error !== null);
  const decide = state.queue.filter(needsDecision);
  const ordered = [...decide, ...state.queue.filter((f) => !needsDecision(f))];
  return (
    <section className="pane-body" aria-label="Imports">
      <header className="pane-header">
        <h1>Import price files</h1>
        <p className="muted">
          CSV files as Yahoo Finance, yfinance, Stooq, Nasdaq.com, Investing.com, Alpha Vantage, Tiingo, Barchart and
          others write them. Nothing is written until you import, and each file is imported whole or not at all.
        </p>
      </header>

      <div className="drop-zone" data-testid="drop-zone">
        <p>Drop files or a folder anywhere in the window, or</p>
        <div className="row gap">
          <button type="button" className="button" onClick={() => filesInput.current?.click()}>
            Choose files…
          </button>
          <button type="button" className="button" onClick={() => folderInput.current?.click()}>
            Choose a folder…
          </button>
        </div>
        <input
          ref={filesInput}
          type="file"
          multiple
          accept=".csv,.txt,.tsv,text/csv,text/plain"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            void state.addTextFiles(filesFromInput(e.target.files, false));
            e.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          hidden
          {...{ webkitdirectory: '' }}
          onChange={(e) => {
            void state.addTextFiles(filesFromInput(e.target.files, true));
            e.target.value = '';
          }}
        />
      </div>

      {state.queue.length > 0 && (
        <>
          <div className="toolbar" aria-label="Import options">
            <label>
              Rows already in the archive
              <select
                value={state.runOptions.onConflict}
                onChange={(e) => state.setRunOptions({ onConflict: e.target.value as 'fail' | 'replace' | 'keep' })}
                disabled={state.running}
                title={state.running ? 'An import is running; wait for it to finish' : undefined}
              >
                <option value="fail">stop and show what would change</option>
                <option value="replace">replace them</option>
                <option value="keep">keep the archive’s</option>
              </select>
            </label>
            <span className="spacer" />
            <button type="button" className="button" onClick={state.clear} disabled={state.running} title={state.running ? 'An import is running; wait for it to finish' : undefined}>
              Clear
            </button>
            <button
              type="button"
              className="button primary"
              onClick={() => void state.run()}
              disabled={!canImport}
              title={
                state.running
                  ? 'An import is running; wait for it to finish'
                  : blocked.length
                    ? `${blocked.length} of ${state.queue.length} files still need an answer (or are still being read): see each file below`
                    : undefined
              }
            >
              Import {state.queue.length} {state.queue.length === 1 ? 'file' : 'files'}
            </button>
          </div>
          {decide.length > 0 && state.queue.length > 1 && (
            <p className="warn" data-testid="files-to-decide">
              {decide.length} of {state.queue.length} files need a decision; they are listed first.
            </p>
          )}
          {ordered.map((f) => (
            <FilePreview key={f.key} file={f} />
          ))}
        </>
      )}

      {state.running && state.progress && (
        <div className="progress-card" role="status" aria-label="Import progress">
          <div className="row between">
            <span>
              Importing <strong>{state.progress.file}</strong>
              {state.progress.fileCount > 1 && ` (file ${state.progress.fileIndex + 1} of ${state.progress.fileCount})`}
            </span>
            <span className="muted" data-testid="progress-rows">
              {state.progress.waiting
                ? 'waiting for another import to finish…'
                : `${formatCount(state.progress.rowsDone)} / ${formatCount(state.progress.rowsTotal)} rows`}
            </span>
          </div>
          <progress
            max={Math.max(1, state.progress.rowsTotal)}
            value={state.progress.rowsDone}
            aria-label="Rows imported"
            data-testid="import-progress"
          />
          <button type="button" className="button" onClick={state.cancel}>
            Cancel
          </button>
        </div>
      )}

      {state.runError && (
        <p role="alert" className="error">
          The import did not run: {state.runError}
        </p>
      )}
      {state.results && <ImportSummary results={state.results} />}
      <ImportHistory />
    </section>
  );
}
