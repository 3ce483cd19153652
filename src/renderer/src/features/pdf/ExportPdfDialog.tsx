import { useEffect, useRef, useState } from 'react';
import type { PdfExport, PdfNotes } from '@shared/pdf';
import type { Report } from '@shared/reports';
import { PAGE_SIZES, type PageSize } from '@shared/settings';
import { subscribe } from '@renderer/lib/api';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { useSettings } from '@renderer/features/settings/use-settings';
import { useOpenReportQuery } from '@renderer/features/reports/use-open-report';
import './pdf.css';

/** Opens the export dialog from anywhere (the report's Export PDF button sends this event). */
export const OPEN_EXPORT_EVENT = 'breadth:open-export-pdf';

/** Hands a PDF returned as base64 to the browser as a download. */
function download(result: PdfExport): void {
  const bytes = Uint8Array.from(atob(result.data!), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = result.fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * File › Export PDF…, Ctrl/Cmd+Shift+E and the report's Export PDF button: the open report's export
 * dialog (paper, charts, notes), wherever the analyst is.
 */
export function ExportPdf(): React.JSX.Element | null {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e') {
        e.preventDefault();
        setOpen(true);
      }
    };
    const onOpen = (): void => setOpen(true);
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_EXPORT_EVENT, onOpen);
    const off = subscribe('app:menuCommand', (m) => {
      if (m.command === 'export-pdf') setOpen(true);
    });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_EXPORT_EVENT, onOpen);
      off();
    };
  }, []);
  const { report } = useOpenReportQuery();
  if (!open) return null;
  return report ? <ExportPdfDialog key={report.id} report={report} onClose={() => setOpen(false)} /> : <NoReport onClose={() => setOpen(false)} />;
}

/** A modal <dialog> shown while mounted. */
function useModal(): React.RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current!;
    if (!d.open) d.showModal();
    return () => d.close();
  }, []);
  return dialog;
}

function NoReport(props: { onClose: () => void }): React.JSX.Element {
  const dialog = useModal();
  return (
    <dialog ref={dialog} className="dialog export-pdf" aria-labelledby="export-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="export-title">Export PDF</h2>
      <p>Open a report first: the PDF is a report with its figures, charts and notes.</p>
      <div className="row gap dialog-buttons">
        <button type="button" className="primary" onClick={props.onClose} autoFocus>
          OK
        </button>
      </div>
    </dialog>
  );
}

type NotesChoice = 'none' | 'all' | 'chosen';

/** What goes in the PDF, then Export: a save dialog in the desktop app, a download in the browser. */
export function ExportPdfDialog(props: { report: Report; onClose: () => void }): React.JSX.Element {
  const { report } = props;
  const dialog = useModal();
  const { settings } = useSettings();
  const notes = useCall('notes:list', { reportId: report.id });
  const tickers = useCall('archive:tickers', {});
  const withData = new Set((tickers.data ?? []).filter((t) => t.bars > 0).map((t) => t.symbol));
  const chartable = report.tickers.filter((t) => withData.has(t));
  const [pageSize, setPageSize] = useState<PageSize | null>(null);
  const [charts, setCharts] = useState<string[] | null>(null);
  const [notesChoice, setNotesChoice] = useState<NotesChoice>('none');
  const [chosen, setChosen] = useState<number[]>([]);
  const [figuresTable, setFiguresTable] = useState(false);
  const exporter = useCallMutation('pdf:export');
  const [done, setDone] = useState<string | null>(null);
  const paper = pageSize ?? settings?.pageSize ?? 'a4';
  const chartList = charts ?? chartable;
  const noteIds: PdfNotes = notesChoice === 'chosen' ? chosen : notesChoice;
  const noteCount = notes.data?.length ?? 0;

  const run = (): void => {
    setDone(null);
    exporter.mutate(
      { reportId: report.id, pageSize: paper, notes: noteIds, charts: chartList, figuresTable },
      {
        onSuccess: (r) => {
          if (r.canceled) return;
          if (r.data) download(r);
          const pages = `${r.pages} page${r.pages === 1 ? '' : 's'}`;
          setDone(r.path ? `Saved ${r.path} (${pages}).` : `Downloaded ${r.fileName} (${pages}).`);
        },
      },
    );
  };
  const toggle = <T,>(list: T[], v: T): T[] => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  return (
    <dialog ref={dialog} className="dialog export-pdf" aria-labelledby="export-title" onClose={props.onClose} onCancel={props.onClose}>
      <h2 id="export-title">Export PDF</h2>
      <p className="export-report">{report.title}</p>
      <fieldset>
        <legend>Paper</legend>
        {PAGE_SIZES.map((s) => (
          <label key={s} className="inline">
            <input type="radio" name="paper" checked={paper === s} onChange={() => setPageSize(s)} />
            {s === 'a4' ? 'A4' : 'Letter'}
          </label>
        ))}
        <span className="muted small">margins {settings?.marginMm ?? 15} mm{settings?.author ? ` · author ${settings.author}` : ''}</span>
      </fieldset>
      <fieldset>
        <legend>Charts</legend>
        {chartable.length === 0 && <span className="muted small">No related ticker has prices in the archive.</span>}
        {chartable.map((t) => (
          <label key={t} className="inline mono">
            <input type="checkbox" checked={chartList.includes(t)} onChange={() => setCharts(report.tickers.filter((x) => (x === t ? !chartList.includes(t) : chartList.includes(x))))} />
            {t}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Figures checked</legend>
        <label className="inline">
          <input type="checkbox" checked={figuresTable} onChange={(e) => setFiguresTable(e.target.checked)} />
          Append the table of every figure with its verdict and source bars
        </label>
        <p className="muted small">Each checked figure carries its mark in the prose either way.</p>
      </fieldset>
      <fieldset>
        <legend>Notes</legend>
        <label className="inline">
          <input type="radio" name="notes" checked={notesChoice === 'none'} onChange={() => setNotesChoice('none')} />
          None
        </label>
        <label className="inline">
          <input type="radio" name="notes" checked={notesChoice === 'all'} onChange={() => setNotesChoice('all')} disabled={noteCount === 0} title={noteCount === 0 ? 'This report has no notes yet' : undefined} />
          All ({noteCount})
        </label>
        <label className="inline">
          <input type="radio" name="notes" checked={notesChoice === 'chosen'} onChange={() => setNotesChoice('chosen')} disabled={noteCount === 0} title={noteCount === 0 ? 'This report has no notes yet' : undefined} />
          Chosen
        </label>
        {notesChoice === 'chosen' && (
          <ul className="export-notes" aria-label="Notes to include">
            {notes.data?.map((n) => (
              <li key={n.id}>
                <label>
                  <input type="checkbox" checked={chosen.includes(n.id)} onChange={() => setChosen(toggle(chosen, n.id))} />
                  <span className="note-excerpt">{n.body.split('\n')[0] || '(empty note)'}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
        <p className="muted small">Notes go in an appendix after the references.</p>
      </fieldset>
      {exporter.error && (
        <p className="error" role="alert">
          {exporter.error.message}
        </p>
      )}
      {done && (
        <p className="ok" role="status">
          {done}
        </p>
      )}
      <div className="row gap dialog-buttons">
        <button type="button" className="chip" onClick={props.onClose}>
          {done ? 'Close' : 'Cancel'}
        </button>
        <button
          type="button"
          className="primary"
          disabled={exporter.isPending || (notesChoice === 'chosen' && chosen.length === 0)}
          title={exporter.isPending ? 'Printing the PDF…' : notesChoice === 'chosen' && chosen.length === 0 ? 'Tick at least one note, or choose all notes or none' : undefined}
          onClick={run}
          aria-busy={exporter.isPending}
        >
          {exporter.isPending ? 'Printing…' : 'Export PDF'}
        </button>
      </div>
    </dialog>
  );
}
