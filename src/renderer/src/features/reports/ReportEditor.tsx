import { useMemo, useState } from 'react';
import { SENTIMENTS, type ReportDraft, type ReportReference, type ReportSection } from '@shared/reports';
import { slugify, uniqueSlug } from '@shared/slug';
import { useSelection } from '@renderer/app/selection';
import type { ApiError } from '@renderer/lib/api';
import { MarkdownEditor } from '@renderer/lib/MarkdownEditor';
import { renderMarkdown } from '@renderer/lib/markdown';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { DateInput } from '@renderer/lib/DateInput';
import { useEditorSession, type EditorSession } from './editor-session';

const splitList = (text: string): string[] =>
  text
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** One section: heading, Markdown with completion, and its live preview beside it. */
function SectionEditor(props: {
  section: ReportSection;
  index: number;
  count: number;
  references: ReportReference[];
  tickers: string[];
  onChange: (s: ReportSection) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}): React.JSX.Element {
  const { section } = props;
  const preview = useMemo(() => renderMarkdown(section.markdown, { citations: true }), [section.markdown]);
  return (
    <fieldset className="section-editor">
      <legend className="sr-only">Section {props.index + 1}</legend>
      <div className="row gap">
        <input
          className="section-heading-input"
          aria-label={`Heading of section ${props.index + 1}`}
          value={section.heading}
          onChange={(e) => props.onChange({ ...section, heading: e.target.value })}
          placeholder="Heading"
        />
        <button type="button" className="icon-button" aria-label="Move section up" disabled={props.index === 0} title={props.index === 0 ? 'Already the first section' : 'Move section up'} onClick={() => props.onMove(-1)}>
          ↑
        </button>
        <button type="button" className="icon-button" aria-label="Move section down" disabled={props.index === props.count - 1} title={props.index === props.count - 1 ? 'Already the last section' : 'Move section down'} onClick={() => props.onMove(1)}>
          ↓
        </button>
        <button type="button" className="icon-button" aria-label="Remove section" onClick={props.onRemove}>
          ×
        </button>
      </div>
      <div className="section-panes">
        <MarkdownEditor
          value={section.markdown}
          onChange={(markdown) => props.onChange({ ...section, markdown })}
          label={`Text of section ${props.index + 1}`}
          placeholder="Markdown; cite references as [1], type [ or a ticker to complete"
          completions={{ references: props.references, tickers: props.tickers }}
          minHeight={120}
        />
        <div className="prose preview" aria-label={`Preview of section ${props.index + 1}`} dangerouslySetInnerHTML={{ __html: preview }} />
      </div>
    </fieldset>
  );
}

function ReferencesEditor(props: { references: ReportReference[]; onChange: (r: ReportReference[]) => void }): React.JSX.Element {
  const set = (i: number, patch: Partial<ReportReference>): void => props.onChange(props.references.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="references-editor">
      <legend>References</legend>
      {props.references.length > 0 && (
        <table className="grid compact">
          <thead>
            <tr>
              <th>n</th>
              <th>Title</th>
              <th>Publisher</th>
              <th>Date</th>
              <th>URL</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {props.references.map((r, i) => (
              <tr key={i}>
                <td className="mono">[{r.n}]</td>
                <td>
                  <input aria-label={`Title of reference ${r.n}`} value={r.title} onChange={(e) => set(i, { title: e.target.value })} />
                </td>
                <td>
                  <input aria-label={`Publisher of reference ${r.n}`} value={r.publisher ?? ''} onChange={(e) => set(i, { publisher: e.target.value || null })} />
                </td>
                <td>
                  <DateInput aria-label={`Date of reference ${r.n}`} value={r.date ?? ''} clearable onChange={(iso) => set(i, { date: iso || null })} />
                </td>
                <td>
                  <input aria-label={`URL of reference ${r.n}`} value={r.url ?? ''} onChange={(e) => set(i, { url: e.target.value.trim() || null })} placeholder="https://…" />
                </td>
                <td>
                  <button type="button" className="icon-button" aria-label={`Remove reference ${r.n}`} onClick={() => props.onChange(props.references.filter((_, k) => k !== i))}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="chip"
        onClick={() =>
          props.onChange([...props.references, { n: Math.max(0, ...props.references.map((r) => r.n)) + 1, title: '', publisher: null, date: null, url: null }])
        }
      >
        + Reference
      </button>
    </fieldset>
  );
}

/** Writes a report: every field of the draft, sections with a live preview, references; Save or Cancel. */
export function ReportEditor(props: { session: EditorSession }): React.JSX.Element {
  const [, setSession] = useEditorSession();
  const { openReport } = useSelection();
  const s = props.session;
  const d = s.draft;
  const [tagsText, setTagsText] = useState(d.tags.join(', '));
  const [tickersText, setTickersText] = useState(d.tickers.join(', '));
  const [error, setError] = useState<string | null>(null);
  const archive = useCall('archive:tickers', {});
  const known = useMemo(() => new Set(archive.data?.map((t) => t.symbol)), [archive.data]);
  const symbols = useMemo(() => archive.data?.map((t) => t.symbol) ?? [], [archive.data]);
  const create = useCallMutation('reports:create');
  const update = useCallMutation('reports:update');

  const change = (patch: Partial<ReportDraft>): void => setSession({ ...s, draft: { ...d, ...patch } });
  const setSection = (i: number, next: ReportSection): void => change({ sections: d.sections.map((x, k) => (k === i ? next : x)) });
  const moveSection = (i: number, delta: -1 | 1): void => {
    const list = [...d.sections];
    const [x] = list.splice(i, 1);
    list.splice(i + delta, 0, x!);
    change({ sections: list });
  };
  const tickers = splitList(tickersText).map((t) => t.toUpperCase());
  const missing = tickers.filter((t) => archive.data && !known.has(t));

  const save = (): void => {
    // Section ids follow their headings (and stay unique); ids already stored keep notes pinned.
    const taken = new Set<string>();
    const sections = d.sections.map((x) => {
      const id = uniqueSlug(x.id && s.id !== null ? x.id : slugify(x.heading), taken);
      taken.add(id);
      return { ...x, id };
    });
    const draft: ReportDraft = { ...d, tags: splitList(tagsText), tickers, sections };
    const done = {
      onSuccess: (r: { id: number; tickers: string[] }) => {
        setSession(null);
        openReport(r.id, { tickers: r.tickers });
      },
      onError: (e: ApiError) => setError(e.message),
    };
    if (s.id === null) create.mutate({ draft }, done);
    else update.mutate({ id: s.id, draft, ...(s.baseUpdatedAt ? { baseUpdatedAt: s.baseUpdatedAt } : {}) }, done);
  };

  return (
    <form
      className="pane-body report-editor"
      aria-label="Report editor"
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
    >
      <header className="row gap editor-head">
        <h1>{s.id === null ? 'New report' : 'Edit report'}</h1>
        <span className="muted small">The draft is kept on this machine until you save or discard it.</span>
        <span className="spacer" />
        <button type="button" className="chip" onClick={() => setSession(null)}>
          Discard
        </button>
        <button type="submit" className="primary" disabled={create.isPending || update.isPending}>
          Save report
        </button>
      </header>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {(s.warnings?.length || s.unknownTickers?.length) && (
        <div className="proposal-notes" role="note">
          <b>Check before saving:</b>
          <ul>
            {s.warnings?.map((w) => <li key={w}>{w}</li>)}
            {s.unknownTickers?.length ? <li>Not in the archive, left out of the tickers: {s.unknownTickers.join(', ')}</li> : null}
          </ul>
        </div>
      )}
      <div className="editor-fields">
        <label className="wide">
          Title
          <input value={d.title} onChange={(e) => change({ title: e.target.value })} aria-label="Title" required />
        </label>
        <label>
          As of
          <DateInput value={d.asOf} onChange={(iso) => change({ asOf: iso })} aria-label="As of" required />
        </label>
        <label>
          Market
          <input value={d.market} onChange={(e) => change({ market: e.target.value })} aria-label="Market" />
        </label>
        <label>
          Sentiment
          <select value={d.sentiment} onChange={(e) => change({ sentiment: e.target.value as ReportDraft['sentiment'] })} aria-label="Sentiment">
            {SENTIMENTS.map((x) => (
              <option key={x}>{x}</option>
            ))}
          </select>
        </label>
        <label>
          Window from
          <DateInput
            aria-label="Window from"
            value={d.window?.from ?? ''}
            clearable
            onChange={(iso) => change({ window: iso ? { from: iso, to: d.window?.to ?? d.asOf } : null })}
          />
        </label>
        <label>
          Window to
          <DateInput aria-label="Window to" value={d.window?.to ?? ''} onChange={(iso) => change({ window: { from: d.window?.from ?? iso, to: iso } })} />
        </label>
        <label className="wide">
          Tags
          <input value={tagsText} onChange={(e) => setTagsText(e.target.value)} aria-label="Tags" placeholder="small caps, market breadth" />
        </label>
        <label className="wide">
          Related tickers
          <input value={tickersText} onChange={(e) => setTickersText(e.target.value)} aria-label="Related tickers" placeholder="SPY, IWM" />
          {missing.length > 0 && <span className="warn small">No data in the archive for {missing.join(', ')} (the report keeps them; import their prices).</span>}
        </label>
      </div>
      <h2>Sections</h2>
      {d.sections.map((x, i) => (
        <SectionEditor
          key={i}
          section={x}
          index={i}
          count={d.sections.length}
          references={d.references}
          tickers={symbols}
          onChange={(next) => setSection(i, next)}
          onMove={(delta) => moveSection(i, delta)}
          onRemove={() => change({ sections: d.sections.filter((_, k) => k !== i) })}
        />
      ))}
      <div>
        <button type="button" className="chip" onClick={() => change({ sections: [...d.sections, { id: '', heading: 'New section', markdown: '' }] })}>
          + Section
        </button>
      </div>
      <ReferencesEditor references={d.references} onChange={(references) => change({ references })} />
    </form>
  );
}
