import type { MetricsPanel } from '@shared/analytics';
import type { PrintDocument } from '@shared/pdf';
import { formatFigure, type FigureFormat } from '@renderer/features/analytics/FigureValue';
import { formatDate, formatVolume, roundFloats } from '@renderer/lib/format';
import { renderMarkdown } from '@renderer/lib/markdown';
import { markClaims, VERDICT_LABEL, VERDICT_MARK } from '@shared/claim-marks';
import { isPercentMetric, METRIC_LABELS, type CheckedClaim } from '@shared/claims';
import './print.css';

/** `2026-12-06T18:40:12.345Z` → `Dec 6, 2026, 18:40 UTC`. */
function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return `${formatDate(iso.slice(0, 10))}, ${d.toISOString().slice(11, 16)} UTC`;
}

/**
 * Prose for paper: a citation `[n]` becomes a link to reference n (a link inside the PDF too); each
 * checked figure carries its verdict's mark, linking to its row when the table of figures is appended.
 */
function proseHtml(markdown: string, claims: Array<{ index: number; claim: CheckedClaim }>, table: boolean): string {
  const html = renderMarkdown(markdown, { citations: true }).replace(
    /<button type="button" class="cite" data-cite="(\d+)"[^>]*>\[\d+\]<\/button>/g,
    '<a class="cite" href="#ref-$1">[$1]</a>',
  );
  return markClaims(html, claims).replace(
    /<button type="button" class="claim-mark (v-\w+)" data-claim="(\d+)"[^>]*>([^<]*)<\/button>/g,
    (_m, v: string, i: string, mark: string) =>
      table ? `<a class="claim-mark ${v}" href="#fig-${i}">${mark}</a>` : `<sup class="claim-mark ${v}">${mark}</sup>`,
  );
}

const signed = (v: number | null | undefined): string => formatFigure(v ?? null, 'signedPercent');
const tone = (v: number | null | undefined): string => (v == null || v === 0 ? '' : v > 0 ? 'up' : 'down');

/** The figures table's rows: label, the panel's figure, how it prints. */
const FIGURE_ROWS: Array<{ label: string; key: keyof MetricsPanel; format: FigureFormat }> = [
  { label: 'Open → close', key: 'openToClose', format: 'signedPercent' },
  { label: 'Close → close', key: 'closeToClose', format: 'signedPercent' },
  { label: 'Since prior close', key: 'sincePriorClose', format: 'signedPercent' },
  { label: 'Daily volatility', key: 'dailyVolatility', format: 'percent' },
  { label: 'Annualised volatility', key: 'annualizedVolatility', format: 'percent' },
  { label: 'Max drawdown', key: 'maxDrawdown', format: 'signedPercent' },
  { label: 'Average volume', key: 'averageVolume', format: 'volume' },
  { label: 'Close', key: 'close', format: 'price' },
  { label: 'SMA 20', key: 'sma20', format: 'price' },
  { label: 'SMA 50', key: 'sma50', format: 'price' },
  { label: 'SMA 200', key: 'sma200', format: 'price' },
  { label: 'Period high', key: 'periodHigh', format: 'price' },
  { label: 'Period low', key: 'periodLow', format: 'price' },
  { label: 'All-time high', key: 'allTimeHigh', format: 'price' },
  { label: '52-week high', key: 'high52w', format: 'price' },
  { label: '52-week low', key: 'low52w', format: 'price' },
  { label: 'From 52-week high', key: 'distanceFromHigh52w', format: 'signedPercent' },
];

/** Tickers per figures table: more would not fit the page's width. */
const FIGURE_COLUMNS = 6;

function figureOf(p: MetricsPanel, key: keyof MetricsPanel): number | null {
  const f = p[key] as { value?: number | null } | undefined;
  return f && typeof f === 'object' && 'value' in f ? (f.value ?? null) : null;
}

function TickersTable(props: { doc: PrintDocument }): React.JSX.Element {
  const { doc } = props;
  return (
    <table className="print-table" data-print="tickers">
      <thead>
        <tr>
          <th>Ticker</th>
          <th>Name</th>
          <th className="num">Close</th>
          <th className="num">Change</th>
          <th className="num">Daily vol.</th>
          <th className="num">Avg volume</th>
          <th className="num">vs SMA 20</th>
          <th className="num">From 52w high</th>
        </tr>
      </thead>
      <tbody>
        {doc.tickers.map((t) => {
          const p = t.panel;
          if (!p || !t.hasData) {
            return (
              <tr key={t.ticker}>
                <td className="mono">{t.ticker}</td>
                <td>{t.name ?? ''}</td>
                <td colSpan={6} className="muted">
                  no bars in the archive for this window
                </td>
              </tr>
            );
          }
          const close = p.close.value;
          const sma = p.sma20.value;
          const vsSma = close !== null && sma !== null && sma !== 0 ? close / sma - 1 : null;
          return (
            <tr key={t.ticker}>
              <td className="mono strong">
                {t.ticker}
                {t.issues.length > 0 && <sup title="See the data notes below the table">*</sup>}
              </td>
              <td className="name">{t.name ?? ''}</td>
              <td className="num">
                {formatFigure(close, 'price')}
                {/* A close older than the window's last trading day says so. */}
                {p.close.date && p.close.date !== p.window.toTradingDay && (
                  <span className="muted small"> on {formatDate(p.close.date)}</span>
                )}
              </td>
              <td className={`num ${tone(p.closeToClose.value)}`}>{signed(p.closeToClose.value)}</td>
              <td className="num">{formatFigure(p.dailyVolatility.value, 'percent')}</td>
              <td className="num">{formatFigure(p.averageVolume.value, 'volume')}</td>
              <td className={`num ${tone(vsSma)}`}>{signed(vsSma)}</td>
              <td className={`num ${tone(p.distanceFromHigh52w.value)}`}>{signed(p.distanceFromHigh52w.value)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** What the import flagged for the tickers, under their table: a reader must know a figure spans it. */
function DataNotes(props: { doc: PrintDocument }): React.JSX.Element | null {
  const flagged = props.doc.tickers.flatMap((t) => t.issues.map((i) => ({ ticker: t.ticker, ...i })));
  if (flagged.length === 0) return null;
  return (
    <div className="data-notes" data-print="data-notes">
      <p className="small">
        <b>* Data notes.</b> The import flagged these bars in the year to the window&apos;s end; figures that reach
        across a flagged split (52-week high and low, SMA 50 and 200, the all-time high) compare prices before and after
        it.
      </p>
      <ul className="small">
        {flagged.map((f) => (
          <li key={`${f.ticker}-${f.date}-${f.kind}`}>
            <b className="mono">{f.ticker}</b> {formatDate(f.date)}: {roundFloats(f.reason)}
            {f.severity === 'rejected' ? ' (the bar was left out)' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}

function FiguresTables(props: { doc: PrintDocument }): React.JSX.Element {
  const withData = props.doc.tickers.filter((t) => t.panel && t.hasData);
  const groups: (typeof withData)[] = [];
  for (let i = 0; i < withData.length; i += FIGURE_COLUMNS) groups.push(withData.slice(i, i + FIGURE_COLUMNS));
  if (groups.length === 0) return <p className="muted">No related ticker has bars in this window.</p>;
  return (
    <>
      {groups.map((g, gi) => (
        <table key={gi} className="print-table figures" data-print="figures">
          <thead>
            <tr>
              <th>Figure</th>
              {g.map((t) => (
                <th key={t.ticker} className="num mono">
                  {t.ticker}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {FIGURE_ROWS.map((row) => (
              <tr key={row.key}>
                <th scope="row">{row.label}</th>
                {g.map((t) => {
                  const v = figureOf(t.panel!, row.key);
                  return (
                    <td key={t.ticker} className={`num ${row.format === 'signedPercent' ? tone(v) : ''}`}>
                      {formatFigure(v, row.format)}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}

function Charts(props: { doc: PrintDocument; images: Record<string, string> }): React.JSX.Element | null {
  const { doc } = props;
  if (doc.charts.length === 0) return null;
  return (
    <section className="print-section" aria-labelledby="p-charts">
      <h2 id="p-charts">Charts</h2>
      {doc.charts.map((c) => {
        const name = doc.tickers.find((t) => t.ticker === c.ticker)?.name;
        return (
          <figure key={c.ticker} className="print-chart" data-print="chart" data-ticker={c.ticker}>
            <img src={props.images[c.ticker]} alt={`${c.ticker} daily candles with volume and SMA 20`} />
            <figcaption>
              <span>
                <b className="mono">{c.ticker}</b>
                {name ? ` · ${name}` : ''} · daily candles and volume, {formatDate(c.shownFrom)} →{' '}
                {formatDate(c.shownTo)}
              </span>
              <span className="legend">
                <span className="swatch sma" /> SMA 20
                {c.window && (
                  <>
                    <span className="swatch window" /> report window {formatDate(c.window.from)} →{' '}
                    {formatDate(c.window.to)}
                  </>
                )}
              </span>
            </figcaption>
          </figure>
        );
      })}
    </section>
  );
}

function claimValue(c: CheckedClaim, v: number | null): string {
  if (v === null) return '—';
  if (isPercentMetric(c.metric)) return `${(v * 100).toFixed(Math.max(2, c.decimals - 2))}%`;
  if (c.metric === 'averageVolume') return formatVolume(v);
  return formatFigure(v, 'price');
}

/** Every figure the prose states, with its verdict and the bars it was computed from. */
function FiguresChecked(props: { doc: PrintDocument }): React.JSX.Element {
  const v = props.doc.verification;
  return (
    <section className="print-section" aria-labelledby="p-checked">
      <h2 id="p-checked">Figures checked</h2>
      <p className="muted small">
        Each figure the prose states, computed from the archive over its window and compared at the precision it was
        stated with: {v.counts.holds} hold, {v.counts.otherBasis} hold on another basis, {v.counts.differs} differ,{' '}
        {v.counts.unchecked} cannot be checked.
      </p>
      <table className="print-table checked" data-print="figures-checked">
        <thead>
          <tr>
            <th />
            <th>Figure</th>
            <th>Window</th>
            <th className="num">Stated</th>
            <th className="num">Computed</th>
            <th>Verdict and source bars</th>
          </tr>
        </thead>
        <tbody>
          {v.claims.map((c, i) =>
            c.review === 'rejected' ? null : (
              <tr key={i} id={`fig-${i}`}>
                <td className={`claim-mark v-${c.verdict}`}>{VERDICT_MARK[c.verdict]}</td>
                <td>
                  <b className="mono">{c.ticker ?? '?'}</b> {METRIC_LABELS[c.metric]}
                  <div className="muted small">{c.subject.replace(/^the /i, '')}</div>
                </td>
                <td className="small">
                  {c.window.from === c.window.to ? formatDate(c.window.to) : `${formatDate(c.window.from)} → ${formatDate(c.window.to)}`}
                </td>
                <td className="num">{claimValue(c, c.stated)}</td>
                <td className="num">{claimValue(c, c.computed)}</td>
                <td className="small">
                  {VERDICT_LABEL[c.verdict]}
                  {c.note ? `: ${c.note}` : ''}
                  {c.how && <div className="muted">{c.how}</div>}
                </td>
              </tr>
            ),
          )}
          {v.comparisons.map((c, i) => (
            <tr key={`o${i}`}>
              <td className={`claim-mark v-${c.verdict}`}>{VERDICT_MARK[c.verdict]}</td>
              <td colSpan={4}>Order: {c.order.map((o) => o.subject.replace(/^the /i, '')).join(' ahead of ')}</td>
              <td className="small">
                {VERDICT_LABEL[c.verdict]}
                {c.note ? `: ${c.note}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function Notes(props: { doc: PrintDocument }): React.JSX.Element | null {
  const { doc } = props;
  if (doc.notes.length === 0) return null;
  const heading = (id: string | null): string | null =>
    id ? (doc.report.sections.find((s) => s.id === id)?.heading ?? null) : null;
  return (
    <section className="print-section appendix" aria-labelledby="p-notes">
      <h2 id="p-notes">Appendix: notes</h2>
      {doc.notes.map((n, i) => {
        const anchor = [
          heading(n.anchor.section),
          n.anchor.ticker,
          n.anchor.date ? formatDate(n.anchor.date) : null,
        ].filter(Boolean);
        return (
          <article key={n.id} className="print-note" data-print="note">
            <h3>
              Note {i + 1}
              {anchor.length > 0 && <span className="muted"> · on {anchor.join(' · ')}</span>}
            </h3>
            <div className="prose" dangerouslySetInnerHTML={{ __html: renderMarkdown(n.body) }} />
            <p className="muted small">Last saved {formatTime(n.updatedAt)}</p>
          </article>
        );
      })}
    </section>
  );
}

/** The report laid out for paper: what the PDF holds, in reading order. */
export function PrintView(props: { doc: PrintDocument; images: Record<string, string> }): React.JSX.Element {
  const { doc } = props;
  const r = doc.report;
  const w = doc.window;
  return (
    <main className="print-doc">
      <header className="print-title">
        <h1>{r.title}</h1>
        <p className="print-meta">
          <span className={`sentiment ${r.sentiment.toLowerCase()}`}>{r.sentiment}</span>
          <span>As of {formatDate(r.asOf)}</span>
          <span>{r.market}</span>
          {r.window && (
            <span>
              Window {formatDate(w.from)} → {formatDate(w.to)}
            </span>
          )}
          {doc.author && <span>By {doc.author}</span>}
        </p>
        {r.tags.length > 0 && (
          <p className="print-tags">
            {r.tags.map((t) => (
              <span key={t} className="tag">
                #{t}
              </span>
            ))}
          </p>
        )}
      </header>

      {r.tickers.length > 0 && (
        <section className="print-section" aria-labelledby="p-tickers">
          <h2 id="p-tickers">Related tickers</h2>
          <p className="muted small">
            {r.window
              ? `Over the report's window, ${formatDate(w.from)} → ${formatDate(w.to)}`
              : `On the as-of day, ${formatDate(w.to)}`}
            : close on the window's last day, change close → close, split-adjusted prices (the same as traded where no split is recorded).
          </p>
          <TickersTable doc={doc} />
          <DataNotes doc={doc} />
        </section>
      )}

      {doc.tickers.some((t) => t.hasData) && (
        <section className="print-section" aria-labelledby="p-figures">
          <h2 id="p-figures">Figures</h2>
          <FiguresTables doc={doc} />
        </section>
      )}

      <Charts doc={doc} images={props.images} />

      {r.sections.map((s) => (
        <section key={s.id} className="print-section prose-section" aria-labelledby={`p-${s.id}`}>
          <h2 id={`p-${s.id}`}>{s.heading}</h2>
          <div
            className="prose"
            dangerouslySetInnerHTML={{
              __html: proseHtml(
                s.markdown,
                doc.verification.claims.flatMap((claim, index) =>
                  claim.section === s.id && claim.review !== 'rejected' ? [{ index, claim }] : [],
                ),
                doc.figuresTable,
              ),
            }}
          />
        </section>
      ))}

      {r.references.length > 0 && (
        <section className="print-section" aria-labelledby="p-references">
          <h2 id="p-references">References</h2>
          <ol className="print-references">
            {r.references.map((ref) => (
              <li key={ref.n} id={`ref-${ref.n}`} value={ref.n}>
                <span>{ref.title}</span>
                {ref.publisher && <span className="muted"> · {ref.publisher}</span>}
                {ref.date && <span className="muted"> · {formatDate(ref.date)}</span>}
                {ref.url && (
                  <>
                    {' '}
                    <a className="mono url" href={ref.url}>
                      {ref.url}
                    </a>
                  </>
                )}
              </li>
            ))}
          </ol>
        </section>
      )}

      {doc.figuresTable && <FiguresChecked doc={doc} />}

      <Notes doc={doc} />

      <p className="print-provenance" data-print="provenance">
        Generated {formatTime(doc.generatedAt)} by Breadth {doc.appVersion} from an archive whose newest bar is{' '}
        {formatDate(doc.archive.newestBar)} and whose latest import was {formatTime(doc.archive.latestImport)}.
      </p>
    </main>
  );
}
