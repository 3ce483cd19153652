import { useRef, useState } from 'react';
import { SENTIMENTS, type ReportFilter, type Sentiment } from '@shared/reports';
import { useSelection } from '@renderer/app/selection';
import { formatDate } from '@renderer/lib/format';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { DateInput } from '@renderer/lib/DateInput';
import { withEnd } from '@renderer/lib/windows';
import { blankDraft, useEditorSession } from './editor-session';
import { FromTextDialog } from './FromTextDialog';
import './library.css';

/** One of the library's filters: any value, or one the library's reports carry (with how many do). */
function FacetSelect(props: {
  label: string;
  any: string;
  value: string | undefined;
  options: Array<{ value: string; count: number }> | undefined;
  onChange: (v: string | undefined) => void;
}): React.JSX.Element {
  return (
    <select aria-label={props.label} value={props.value ?? ''} onChange={(e) => props.onChange(e.target.value || undefined)}>
      <option value="">{props.any}</option>
      {props.options?.map((o) => (
        <option key={o.value} value={o.value}>
          {o.value} ({o.count})
        </option>
      ))}
    </select>
  );
}

/** The sidebar's library: search and filters, the reports (or the trash), new / from text / Markdown. */
export function ReportsSection(): React.JSX.Element {
  const { reportId, openReport, setView } = useSelection();
  const [, setSession] = useEditorSession();
  const [filter, setFilter] = useState<ReportFilter>({});
  const [filtersOpen, setFiltersOpen] = useState(false);
  const [pasting, setPasting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const file = useRef<HTMLInputElement>(null);
  const clean = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== '' && v !== undefined && v !== false)) as ReportFilter;
  const list = useCall('reports:list', { filter: clean }, { placeholderData: (p) => p });
  const trashCount = useCall('reports:list', { filter: { trash: true } });
  const facets = useCall('reports:facets', {});
  const importMd = useCallMutation('reports:importMarkdown');
  const purge = useCallMutation('reports:purge');
  const restore = useCallMutation('reports:restore');
  const set = (patch: Partial<ReportFilter>): void => setFilter((f) => ({ ...f, ...patch }));
  const active = Object.keys(clean).filter((k) => k !== 'query' && k !== 'trash').length;

  const startNew = (): void => {
    setSession({ id: null, draft: blankDraft() });
    setView('report');
  };
  const onFile = async (f: File | undefined): Promise<void> => {
    if (!f) return;
    setError(null);
    importMd.mutate(
      { markdown: await f.text(), fileName: f.name },
      { onSuccess: (r) => openReport(r.id, { tickers: r.tickers }), onError: (e) => setError(e.message) },
    );
  };

  return (
    <section aria-label="Reports" className="reports-section">
      <div className="section-head">
        <h2 className="panel-title">Reports</h2>
      </div>
      <div className="library-actions" role="group" aria-label="New report">
        <button type="button" className="chip" title="Write a new report" onClick={startNew}>
          + New
        </button>
        <button
          type="button"
          className="chip"
          title="Paste a report you received (web page, e-mail) and correct what Breadth proposes"
          onClick={() => {
            setPasting(true);
            setView('report');
          }}
        >
          From text…
        </button>
        <button type="button" className="chip" title="Import a report written as Markdown with front matter" onClick={() => file.current?.click()}>
          Markdown…
        </button>
        <input ref={file} type="file" accept=".md,.markdown,text/markdown" hidden onChange={(e) => void onFile(e.target.files?.[0]).finally(() => (e.target.value = ''))} />
      </div>
      <div className="library-search">
        <input
          type="search"
          aria-label="Filter reports"
          placeholder="Filter reports"
          value={filter.query ?? ''}
          onChange={(e) => set({ query: e.target.value })}
        />
        <button type="button" className="chip" aria-expanded={filtersOpen} onClick={() => setFiltersOpen(!filtersOpen)} title="Filter by tag, ticker, sentiment and date">
          Filters{active ? ` · ${active}` : ''}
        </button>
      </div>
      {filtersOpen && (
        <div className="library-filters" role="group" aria-label="Report filters">
          <FacetSelect label="Tag" any="Any tag" value={filter.tag} options={facets.data?.tags} onChange={(tag) => set({ tag })} />
          <FacetSelect label="Ticker" any="Any ticker" value={filter.ticker} options={facets.data?.tickers} onChange={(ticker) => set({ ticker })} />
          <select className="library-wide" aria-label="Sentiment" value={filter.sentiment ?? ''} onChange={(e) => set({ sentiment: (e.target.value || undefined) as Sentiment | undefined })}>
            <option value="">Any sentiment</option>
            {SENTIMENTS.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <label className="library-day">
            As of from
            <DateInput aria-label="As of from" value={filter.from ?? ''} clearable onChange={(iso) => set(iso ? withEnd(filter, 'from', iso) : { from: undefined })} />
          </label>
          <label className="library-day">
            to
            <DateInput aria-label="As of to" value={filter.to ?? ''} clearable onChange={(iso) => set(iso ? withEnd(filter, 'to', iso) : { to: undefined })} />
          </label>
          {active > 0 && (
            <button type="button" className="link-button" onClick={() => setFilter({ query: filter.query })}>
              Clear filters
            </button>
          )}
        </div>
      )}
      {error && <p className="error small">{error}</p>}
      {filter.trash && <p className="muted small">The trash: restore a report, or delete it for good.</p>}
      {list.data?.length ? (
        <ul className="list report-list" aria-label={filter.trash ? 'Trash' : 'Report library'}>
          {list.data.map((r) => (
            <li key={r.id}>
              <button
                type="button"
                className={reportId === r.id ? 'report-item active' : 'report-item'}
                aria-current={reportId === r.id}
                onClick={() => openReport(r.id, { tickers: r.tickers })}
              >
                <span className="report-item-title">{r.title}</span>
                <span className="report-item-meta">
                  <i className={`dot ${r.sentiment.toLowerCase()}`} aria-label={r.sentiment} /> {formatDate(r.asOf)}
                  {r.noteCount > 0 && <span> · {r.noteCount} note{r.noteCount > 1 ? 's' : ''}</span>}
                  {r.sample && <span> · sample</span>}
                </span>
              </button>
              {filter.trash && (
                <span className="row gap trash-actions">
                  <button type="button" className="link-button" onClick={() => restore.mutate({ id: r.id })}>
                    Restore
                  </button>
                  <button type="button" className="link-button danger" onClick={() => purge.mutate({ id: r.id })}>
                    Delete for good
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">{list.data ? (Object.keys(clean).length ? 'No report matches.' : filter.trash ? 'The trash is empty.' : 'No reports yet.') : '…'}</p>
      )}
      {((trashCount.data?.length ?? 0) > 0 || filter.trash) && (
        <button type="button" className="link-button small" onClick={() => set({ trash: !filter.trash })}>
          {filter.trash ? '← Back to the library' : `Trash (${trashCount.data?.length})`}
        </button>
      )}
      {pasting && <FromTextDialog onClose={() => setPasting(false)} />}
    </section>
  );
}
