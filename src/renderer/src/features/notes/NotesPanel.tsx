import { formatDate, formatDateTime } from '@renderer/lib/format';
import { useEffect, useRef, useState } from 'react';
import type { Note, NoteAnchor } from '@shared/notes';
import type { Report } from '@shared/reports';
import { useSelection } from '@renderer/app/selection';
import { useOpenReport } from '@renderer/features/reports/use-open-report';
import { focusEditorIn, MarkdownEditor } from '@renderer/lib/MarkdownEditor';
import { NotesPlaceholder } from './NotesPlaceholder';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { DateInput } from '@renderer/lib/DateInput';
import { useNoteAutosave, type SaveState } from './use-autosave';
import './notes.css';

const STATE_LABEL: Record<SaveState, string> = {
  saved: 'Saved',
  editing: 'Editing…',
  saving: 'Saving…',
  error: 'Not saved',
  conflict: 'Changed elsewhere',
};

function timeOf(iso: string): string {
  return formatDateTime(iso);
}

/** Where a note is pinned: a section, a ticker, a day (a date-anchored note is a marker on the chart). */
function AnchorFields(props: { report: Report; anchor: NoteAnchor; onChange: (a: NoteAnchor) => void; noteId: number }): React.JSX.Element {
  const { report, anchor, onChange } = props;
  return (
    <div className="note-anchor" role="group" aria-label="Pinned to">
      <select aria-label="Section" value={anchor.section ?? ''} onChange={(e) => onChange({ ...anchor, section: e.target.value || null })}>
        <option value="">No section</option>
        {report.sections.map((s) => (
          <option key={s.id} value={s.id}>
            {s.heading}
          </option>
        ))}
      </select>
      <select aria-label="Ticker" value={anchor.ticker ?? ''} onChange={(e) => onChange({ ...anchor, ticker: e.target.value || null })}>
        <option value="">No ticker</option>
        {report.tickers.map((t) => (
          <option key={t}>{t}</option>
        ))}
      </select>
      <DateInput
        aria-label="Day"
        value={anchor.date ?? ''}
        clearable
        onChange={(iso) => onChange({ ...anchor, date: iso || null })}
        title="A note with a day is a marker on its ticker's chart"
      />
    </div>
  );
}

function Versions(props: { noteId: number }): React.JSX.Element {
  const versions = useCall('notes:versions', { id: props.noteId });
  const restore = useCallMutation('notes:restore');
  if (!versions.data) return <p className="muted small">Loading…</p>;
  if (versions.data.length === 0) return <p className="muted small">No earlier versions.</p>;
  return (
    <ol className="note-versions" aria-label="Earlier versions">
      {versions.data.map((v) => (
        <li key={v.version}>
          <span className="muted small">
            v{v.version} · {timeOf(v.savedAt)}
          </span>
          <span className="note-version-text">{v.body.slice(0, 80) || '(empty)'}</span>
          <button type="button" className="link-button" onClick={() => restore.mutate({ id: props.noteId, version: v.version })}>
            Restore
          </button>
        </li>
      ))}
    </ol>
  );
}

function NoteCard(props: { note: Note; report: Report; focused: boolean; tickers: string[] }): React.JSX.Element {
  const { note, report } = props;
  const edit = useNoteAutosave(note);
  const [history, setHistory] = useState(false);
  const [confirm, setConfirm] = useState(false);
  const remove = useCallMutation('notes:delete');
  const card = useRef<HTMLElement>(null);
  useEffect(() => {
    if (props.focused) {
      card.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
      focusEditorIn(card.current);
    }
  }, [props.focused]);
  const section = report.sections.find((s) => s.id === edit.anchor.section);
  return (
    <article ref={card} className={props.focused ? 'note-card focused' : 'note-card'} data-testid={`note-${note.id}`} aria-label={`Note ${note.id}`}>
      <header className="note-head">
        <span className="muted small" title={`Created ${timeOf(note.createdAt)}`}>
          {timeOf(note.updatedAt)}
        </span>
        <span className={`save-state ${edit.state}`} role="status" data-testid="save-state">
          {STATE_LABEL[edit.state]}
        </span>
      </header>
      {(section || edit.anchor.ticker || edit.anchor.date) && (
        <p className="note-pinned small">
          {section && <span className="badge">§ {section.heading}</span>}
          {edit.anchor.ticker && <span className="badge mono">{edit.anchor.ticker}</span>}
          {edit.anchor.date && <span className="badge">{formatDate(edit.anchor.date)}</span>}
        </p>
      )}
      <MarkdownEditor
        value={edit.body}
        onChange={edit.setBody}
        onBlur={edit.flush}
        label="Note text"
        placeholder="Write a note (Markdown)…"
        completions={{ references: report.references, tickers: props.tickers }}
        minHeight={64}
      />
      {edit.error && <p className="error small">{edit.error}</p>}
      <AnchorFields report={report} anchor={edit.anchor} onChange={edit.setAnchor} noteId={note.id} />
      <footer className="note-actions">
        <button type="button" className="link-button" aria-expanded={history} onClick={() => setHistory(!history)}>
          History
        </button>
        {confirm ? (
          <>
            <button type="button" className="link-button danger" onClick={() => remove.mutate({ id: note.id })}>
              Delete for good
            </button>
            <button type="button" className="link-button" onClick={() => setConfirm(false)}>
              Keep
            </button>
          </>
        ) : (
          <button type="button" className="link-button" onClick={() => setConfirm(true)}>
            Delete
          </button>
        )}
      </footer>
      {history && <Versions noteId={note.id} />}
    </article>
  );
}

/** The side panel that holds the open report's notes: write, pin, autosave, earlier versions. */
export function NotesPanel(): React.JSX.Element {
  const report = useOpenReport();
  const { focusNoteId, ticker } = useSelection();
  const notes = useCall('notes:list', { reportId: report?.id ?? 1 }, { enabled: report !== null });
  const tickers = useCall('archive:tickers', {});
  const create = useCallMutation('notes:create');
  const [created, setCreated] = useState<number | null>(null);
  if (!report) return <NotesPlaceholder />;
  const symbols = tickers.data?.map((t) => t.symbol) ?? [];
  const focus = created ?? focusNoteId;
  return (
    <aside className="side-panel notes-panel" aria-label="Notes">
      <header className="notes-panel-head">
        <h2 className="panel-title">Notes · {notes.data?.length ?? 0}</h2>
        <button
          type="button"
          className="primary small-button"
          disabled={report.deletedAt !== null}
          title={report.deletedAt !== null ? 'The report is in the trash: restore it to add notes' : 'A note on this report (saved as you type)'}
          onClick={() =>
            create.mutate(
              { reportId: report.id, body: '', anchor: { section: null, ticker: ticker && report.tickers.includes(ticker) ? ticker : null, date: null } },
              { onSuccess: (n) => setCreated(n.id) },
            )
          }
        >
          + Note
        </button>
      </header>
      <p className="muted small notes-of" title={report.title}>
        on {report.title}
      </p>
      {notes.data?.length === 0 && <p className="muted small">No notes yet. Press + Note; notes save themselves as you type.</p>}
      {notes.data?.map((n) => (
        <NoteCard key={n.id} note={n} report={report} focused={focus === n.id} tickers={symbols} />
      ))}
    </aside>
  );
}
