import { useMemo, useState } from 'react';
import type { CheckedClaim } from '@shared/claims';
import type { Report } from '@shared/reports';
import type { WatchlistReport } from '@shared/watchlists';
import { useSelection } from '@renderer/app/selection';
import { MetricsPanel } from '@renderer/features/analytics/MetricsPanel';
import { PriceChart } from '@renderer/features/chart/PriceChart';
import { OPEN_EXPORT_EVENT } from '@renderer/features/pdf/ExportPdfDialog';
import { markClaims } from '@shared/claim-marks';
import { AskBox, ClaimsPanel, VerdictCounts } from '@renderer/features/claims/ClaimsPanel';
import { useChartColors } from '@renderer/features/chart/use-chart-colors';
import { ApiError, call } from '@renderer/lib/api';
import { formatDate } from '@renderer/lib/format';
import { renderMarkdown } from '@renderer/lib/markdown';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { blankDraft, useEditorSession } from './editor-session';
import { ReportEditor } from './ReportEditor';
import { useOpenReportQuery } from './use-open-report';
import '@renderer/features/chart/chart.css';
import './reports.css';

const pct = (v: number | null): string => (v === null ? '—' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(2)}\u00a0%`);
const price = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }));

/** Bullish green, Bearish red, Mixed amber, Neutral grey. */
export function SentimentBadge(props: { sentiment: Report['sentiment'] }): React.JSX.Element {
  return <span className={`sentiment ${props.sentiment.toLowerCase()}`}>{props.sentiment}</span>;
}

/** The related tickers with their last close and change over the report's window, from the archive. */
function TickerStrip(props: { report: Report; selected: string | null; onSelect: (t: string) => void }): React.JSX.Element {
  const { report } = props;
  const { setView, basis } = useSelection();
  const w = report.window ?? { from: report.asOf, to: report.asOf };
  const rows = useCall('analytics:watchlistRows', { tickers: report.tickers, basis, window: w }, { enabled: report.tickers.length > 0 });
  if (report.tickers.length === 0) return <p className="muted small">No related tickers.</p>;
  return (
    <div className="ticker-strip" role="list" aria-label="Related tickers">
      {report.tickers.map((t) => {
        const r = rows.data?.find((x) => x.ticker === t);
        const active = props.selected === t;
        if (r && !r.hasData) {
          return (
            <div key={t} role="listitem" className="ticker-tile nodata" data-testid={`tile-${t}`}>
              <b className="mono">{t}</b>
              <button type="button" className="link-button" onClick={() => setView('imports')}>
                no data — import
              </button>
            </div>
          );
        }
        return (
          <button
            key={t}
            type="button"
            role="listitem"
            className={active ? 'ticker-tile active' : 'ticker-tile'}
            aria-pressed={active}
            data-testid={`tile-${t}`}
            title={r?.lastDate ? `Last close on ${formatDate(r.lastDate)}; change over ${formatDate(w.from)} → ${formatDate(w.to)}` : undefined}
            onClick={() => props.onSelect(t)}
          >
            <b className="mono">{t}</b>
            <span className="tile-close">{r ? price(r.lastClose) : '…'}</span>
            <span className={r?.changeWindow == null ? 'tile-change' : r.changeWindow >= 0 ? 'tile-change up' : 'tile-change down'}>
              {r ? pct(r.changeWindow) : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** The selected related ticker's chart with the report's window shaded and its notes pinned. */
function ReportChart(props: { ticker: string; report: Report }): React.JSX.Element {
  const { openNote, basis } = useSelection();
  const colors = useChartColors();
  const bars = useCall('archive:bars', { ticker: props.ticker, basis }, { staleTime: 60_000, retry: false });
  const issues = useCall('archive:issues', { ticker: props.ticker });
  const markers = useCall('notes:markers', { ticker: props.ticker });
  const r = props.report;
  const win = useMemo<WatchlistReport>(
    () => ({ id: r.id, slug: r.slug, title: r.title, asOf: r.asOf, windowFrom: r.window?.from ?? null, windowTo: r.window?.to ?? null }),
    [r.id, r.slug, r.title, r.asOf, r.window?.from, r.window?.to],
  );
  const overlays = useMemo(() => ({ sma20: true, sma50: false, sma200: false }), []);
  if (bars.error instanceof ApiError && bars.error.code === 'NOT_FOUND') {
    return <div className="empty chart-empty">{props.ticker}: no data — import a CSV</div>;
  }
  if (!bars.data || bars.data.ticker !== props.ticker) return <div className="chart-empty" aria-busy="true" />;
  return (
    <PriceChart
      bars={bars.data}
      issues={issues.data ?? []}
      report={win}
      overlays={overlays}
      logScale={false}
      preset={r.window ? 'Window' : '1Y'}
      window={r.window ?? null}
      rangeRequest={0}
      colors={colors}
      notes={markers.data}
      onNote={(n) => openNote(n.noteId, n.reportId)}
    />
  );
}

/** Sections of prose; a `[n]` citation scrolls to reference n and flashes it. */
function Sections(props: { report: Report; claims: CheckedClaim[] | undefined; onClaim: (i: number) => void }): React.JSX.Element {
  const { claims } = props;
  const html = useMemo(
    () =>
      props.report.sections.map((s) => {
        const base = renderMarkdown(s.markdown, { citations: true });
        const mine = (claims ?? []).flatMap((claim, index) => (claim.section === s.id && claim.review !== 'rejected' ? [{ index, claim }] : []));
        return { ...s, html: mine.length ? markClaims(base, mine) : base };
      }),
    [props.report.sections, claims],
  );
  const onClick = (e: React.MouseEvent): void => {
    const mark = (e.target as HTMLElement).closest<HTMLElement>('[data-claim]');
    if (mark) {
      props.onClaim(Number(mark.dataset['claim']));
      return;
    }
    const cite = (e.target as HTMLElement).closest<HTMLElement>('[data-cite]');
    if (!cite) {
      // Links in prose never navigate the app's window.
      if ((e.target as HTMLElement).closest('a')) e.preventDefault();
      return;
    }
    const ref = document.getElementById(`ref-${cite.dataset['cite']}`);
    if (!ref) return;
    ref.scrollIntoView({ block: 'center', behavior: 'smooth' });
    ref.classList.remove('flash');
    void ref.offsetWidth;
    ref.classList.add('flash');
    ref.focus({ preventScroll: true });
  };
  return (
    <div className="report-sections" onClick={onClick}>
      {html.map((s) => (
        <section key={s.id} id={`section-${s.id}`} className="report-section" aria-labelledby={`h-${s.id}`}>
          <h2 id={`h-${s.id}`}>{s.heading}</h2>
          <div className="prose" dangerouslySetInnerHTML={{ __html: s.html }} />
        </section>
      ))}
    </div>
  );
}

function References(props: { report: Report }): React.JSX.Element | null {
  if (props.report.references.length === 0) return null;
  return (
    <section className="report-section" aria-labelledby="h-references">
      <h2 id="h-references">References</h2>
      <ol className="references">
        {props.report.references.map((r) => (
          <li key={r.n} id={`ref-${r.n}`} tabIndex={-1} value={r.n}>
            <span className="ref-title">{r.title}</span>
            {r.publisher && <span className="muted"> · {r.publisher}</span>}
            {r.date && <span className="muted"> · {formatDate(r.date)}</span>}
            {r.url && (
              <>
                {' '}
                {/^https:\/\//i.test(r.url) ? (
                  // Opens in the analyst's browser (the desktop app hands https links to the system).
                  <a className="ref-url mono small" href={r.url} target="_blank" rel="noopener noreferrer">
                    {r.url}
                  </a>
                ) : (
                  <span className="ref-url mono small" title="Only https addresses open from Breadth; copy this one to open it">
                    {r.url}
                  </span>
                )}
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

function Related(props: { id: number }): React.JSX.Element {
  const related = useCall('reports:related', { id: props.id });
  const { openReport } = useSelection();
  return (
    <section className="report-section" aria-labelledby="h-related">
      <h2 id="h-related">Related reports</h2>
      {related.data?.length ? (
        <ul className="related">
          {related.data.map((r) => (
            <li key={r.id}>
              <button type="button" className="link-button" onClick={() => openReport(r.id)}>
                {r.title}
              </button>{' '}
              <span className="muted small">
                {formatDate(r.asOf)} · shares {[...r.sharedTickers, ...r.sharedTags].join(', ')}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">No other report shares its tickers or tags.</p>
      )}
    </section>
  );
}

/** Export, duplicate, trash and restore; what the header's buttons do. */
function ReportActions(props: { report: Report }): React.JSX.Element {
  const { report } = props;
  const [, setSession] = useEditorSession();
  const { openReport, closeReport } = useSelection();
  const duplicate = useCallMutation('reports:duplicate');
  const trash = useCallMutation('reports:delete');
  const restore = useCallMutation('reports:restore');
  const removeSample = useCallMutation('sample:remove');
  const [message, setMessage] = useState<string | null>(null);
  const exportMarkdown = async (): Promise<void> => {
    const md = await call('reports:exportMarkdown', { id: report.id });
    const url = URL.createObjectURL(new Blob([md.markdown], { type: 'text/markdown' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = md.fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setMessage(`Saved ${md.fileName}`);
  };
  if (report.deletedAt) {
    return (
      <div className="report-actions">
        <span className="badge">in the trash</span>
        <button type="button" className="primary" onClick={() => restore.mutate({ id: report.id })}>
          Restore
        </button>
      </div>
    );
  }
  return (
    <div className="report-actions">
      <button type="button" className="primary" onClick={() => setSession({ id: report.id, draft: toDraft(report), baseUpdatedAt: report.updatedAt })}>
        Edit
      </button>
      <button type="button" className="chip" onClick={() => duplicate.mutate({ id: report.id }, { onSuccess: (r) => openReport(r.id, { tickers: r.tickers }) })}>
        Duplicate
      </button>
      <button
        type="button"
        className="chip"
        title="Export the report with its figures, charts and notes as a PDF (Ctrl/Cmd+Shift+E)"
        onClick={() => window.dispatchEvent(new Event(OPEN_EXPORT_EVENT))}
      >
        Export PDF
      </button>
      <button type="button" className="chip" onClick={() => void exportMarkdown()}>
        Export Markdown
      </button>
      <button type="button" className="chip" onClick={() => trash.mutate({ id: report.id })} title="Move to the trash (it can be restored)">
        Delete
      </button>
      {report.sample && (
        <button
          type="button"
          className="chip"
          title="Remove the sample report, its notes and its prices"
          onClick={() => removeSample.mutate({}, { onSuccess: () => closeReport() })}
        >
          Remove sample
        </button>
      )}
      {message && <span className="muted small" role="status">{message}</span>}
    </div>
  );
}

/** A stored report's content as an editable draft. */
export function toDraft(r: Report) {
  return { title: r.title, asOf: r.asOf, market: r.market, sentiment: r.sentiment, tags: r.tags, tickers: r.tickers, window: r.window, sections: r.sections, references: r.references };
}

function ReportReader(props: { report: Report }): React.JSX.Element {
  const { report } = props;
  const { ticker, selectTicker, basis } = useSelection();
  const shown = ticker && report.tickers.includes(ticker) ? ticker : (report.tickers[0] ?? null);
  const win = report.window;
  const verification = useCall('claims:verify', { reportId: report.id });
  const [openClaim, setOpenClaim] = useState<number | null>(null);
  const onClaim = (i: number): void => {
    setOpenClaim(i);
    requestAnimationFrame(() => document.getElementById(`claim-${i}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  };
  return (
    <article className="pane-body report-view" aria-label="Report" data-testid="report-view">
      <header className="report-header">
        <div className="report-title-row">
          <h1 data-testid="report-title">{report.title}</h1>
          {report.sample && <span className="badge" title="Loaded on first start; Remove sample takes it out">sample data</span>}
        </div>
        <p className="report-meta">
          <SentimentBadge sentiment={report.sentiment} />
          <span>As of {formatDate(report.asOf)}</span>
          <span className="muted">{report.market}</span>
          {win && (
            <span className="muted">
              Window {formatDate(win.from)} → {formatDate(win.to)}
            </span>
          )}
        </p>
        {report.tags.length > 0 && (
          <p className="report-tags" aria-label="Tags">
            {report.tags.map((t) => (
              <span key={t} className="tag">
                #{t}
              </span>
            ))}
          </p>
        )}
        {verification.data && verification.data.claims.length > 0 && (
          <p className="report-verdicts">
            <a href="#h-claims" className="link-button" onClick={(e) => (e.preventDefault(), document.getElementById('h-claims')?.scrollIntoView({ behavior: 'smooth' }))}>
              Figures checked
            </a>{' '}
            <VerdictCounts counts={verification.data.counts} />
          </p>
        )}
        <ReportActions report={report} />
      </header>
      <TickerStrip report={report} selected={shown} onSelect={(t) => selectTicker(t)} />
      {shown && (
        <div className="report-figures">
          <div className="report-chart">
            <ReportChart ticker={shown} report={report} />
          </div>
          {win ? (
            <div className="report-metrics">
              <MetricsPanel ticker={shown} window={{ preset: null, from: win.from, to: win.to, basis }} />
            </div>
          ) : (
            <p className="muted small">Give the report an analysis window to see its figures.</p>
          )}
        </div>
      )}
      <Sections report={report} claims={verification.data?.claims} onClaim={onClaim} />
      <References report={report} />
      {verification.data && <ClaimsPanel verification={verification.data} open={openClaim} onOpen={setOpenClaim} />}
      {verification.error && <p className="error small">The figures could not be checked: {verification.error.message}</p>}
      <AskBox report={report} />
      <Related id={report.id} />
    </article>
  );
}

function NoReport(): React.JSX.Element {
  const [, setSession] = useEditorSession();
  const load = useCallMutation('sample:load');
  const reports = useCall('reports:list', {});
  const { openReport } = useSelection();
  return (
    <section className="pane-body" aria-label="Report">
      <div className="empty">
        <h2>No report open</h2>
        <p>Open a report from the sidebar, write a new one, or paste one you received.</p>
        <div className="row gap">
          <button type="button" className="primary" onClick={() => setSession({ id: null, draft: blankDraft() })}>
            New report
          </button>
          {reports.data?.length === 0 && (
            <button type="button" className="chip" onClick={() => load.mutate({}, { onSuccess: (s) => s.reportId && openReport(s.reportId) })}>
              Load the sample
            </button>
          )}
        </div>
      </div>
    </section>
  );
}

/** The Report view: the open report to read, or the editor while one is being written. */
export function ReportView(): React.JSX.Element {
  const [session] = useEditorSession();
  const { reportId } = useSelection();
  const { report, gone } = useOpenReportQuery();
  if (session) return <ReportEditor key={session.id ?? 'new'} session={session} />;
  if (reportId === null || gone) return <NoReport />;
  if (!report) return <section className="pane-body" aria-busy="true" aria-label="Report" />;
  return <ReportReader report={report} />;
}
