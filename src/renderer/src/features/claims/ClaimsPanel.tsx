import { BasisOptions } from '@renderer/lib/BasisOptions';
import { formatDate, formatVolume } from '@renderer/lib/format';
import { useState } from 'react';
import {
  CLAIM_METRICS,
  isPercentMetric,
  METRIC_LABELS,
  type Answer,
  type CheckedClaim,
  type ClaimEdit,
  type ReportVerification,
  type Verdict,
} from '@shared/claims';
import { RETURN_KINDS, type ReturnKind } from '@shared/analytics';
import type { Report } from '@shared/reports';
import { useSelection } from '@renderer/app/selection';
import { focusChart } from '@renderer/features/chart/chart-focus';
import { useCallMutation } from '@renderer/lib/use-call';
import { DateInput } from '@renderer/lib/DateInput';
import { withEnd } from '@renderer/lib/windows';
import { VERDICT_LABEL, VERDICT_MARK } from '@shared/claim-marks';
import { Sparkline } from '@renderer/features/watchlists/Sparkline';
import './claims.css';

function shown(c: CheckedClaim, v: number | null): string {
  if (v === null) return '—';
  if (isPercentMetric(c.metric)) return `${(v * 100).toFixed(Math.max(2, c.decimals - 2))}\u00a0%`;
  if (c.metric === 'averageVolume') return formatVolume(v);
  return v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The counts of a report's verdicts, as a line of badges. */
export function VerdictCounts(props: { counts: Record<Verdict, number> }): React.JSX.Element {
  return (
    <span className="verdict-counts">
      {(['holds', 'otherBasis', 'differs', 'unchecked'] as const).map((v) => (
        <span key={v} className={`verdict-badge v-${v}`} title={VERDICT_LABEL[v]}>
          {VERDICT_MARK[v]} {props.counts[v]}{' '}
          {v === 'holds' ? 'hold' : v === 'otherBasis' ? 'other basis' : v === 'differs' ? 'differ' : 'unchecked'}
        </span>
      ))}
    </span>
  );
}

/** Opens the chart on a claim's ticker over its window (a day's figure: the month up to it). */
export function useShowClaim(): (c: {
  ticker: string | null;
  window: { from: string; to: string };
  subject: string;
  metric: CheckedClaim['metric'];
}) => void {
  const { selectTicker } = useSelection();
  return (c) => {
    if (!c.ticker) return;
    const day = c.window.from === c.window.to;
    const from = day
      ? new Date(Date.parse(`${c.window.to}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10)
      : c.window.from;
    focusChart({ ticker: c.ticker, from, to: c.window.to, label: `${c.ticker} ${METRIC_LABELS[c.metric]}` });
    selectTicker(c.ticker, { show: true });
  };
}

/**
 * Every figure the report states with its verdict: subject, metric, window, stated and computed values,
 * why; a row opens to show how the value was computed, and Chart shows its ticker over its window.
 */
export function ClaimsPanel(props: {
  verification: ReportVerification;
  open: number | null;
  onOpen: (i: number | null) => void;
}): React.JSX.Element {
  const v = props.verification;
  const show = useShowClaim();
  const review = useCallMutation('claims:review');
  const [editing, setEditing] = useState<number | null>(null);
  const decide = (c: CheckedClaim, decision: 'accepted' | 'rejected' | 'proposed' | 'edited', edit?: ClaimEdit): void =>
    review.mutate(
      { reportId: v.report.id, key: c.key, decision, ...(edit ? { edit } : {}) },
      { onSuccess: () => setEditing(null) },
    );
  return (
    <section className="report-section claims-panel" aria-labelledby="h-claims" data-testid="claims-panel">
      <h2 id="h-claims">
        Figures checked <VerdictCounts counts={v.counts} />
      </h2>
      <p className="muted small">
        Each figure the prose states, computed from the archive over its window and compared at the precision it was
        stated with.
      </p>
      <ol className="claims-list">
        {v.claims.map((c, i) => (
          <li
            key={i}
            id={`claim-${i}`}
            className={`claim-row${props.open === i ? ' open' : ''}${c.review === 'rejected' ? ' rejected' : ''}`}
            data-verdict={c.verdict}
            data-review={c.review}
          >
            <button
              type="button"
              className="claim-head"
              aria-expanded={props.open === i}
              onClick={() => props.onOpen(props.open === i ? null : i)}
            >
              <span className={`verdict-badge v-${c.verdict}`}>{VERDICT_MARK[c.verdict]}</span>
              <span className="claim-subject">{c.subject.replace(/^the /i, '')}</span>
              <span className="mono muted">{c.ticker ?? '?'}</span>
              <span>{METRIC_LABELS[c.metric]}</span>
              <span className="muted small">
                {c.window.from === c.window.to ? formatDate(c.window.to) : `${formatDate(c.window.from)} → ${formatDate(c.window.to)}`}
              </span>
              <span className="claim-values">
                <span title="stated">{shown(c, c.stated)}</span>
                <span className="muted"> · </span>
                <span title="computed">{shown(c, c.computed)}</span>
              </span>
            </button>
            {c.note && <p className="claim-note small">{c.note}</p>}
            {props.open === i && (
              <div className="claim-detail small">
                <p className="claim-text">“{c.text}”</p>
                {c.how && <p className="mono">{c.how}</p>}
                <div className="row gap claim-actions">
                  {c.ticker && c.verdict !== 'unchecked' && (
                    <button type="button" className="chip" onClick={() => show(c)}>
                      Show on chart
                    </button>
                  )}
                  {c.review !== 'accepted' && c.review !== 'rejected' && !c.explicit && (
                    <button
                      type="button"
                      className="chip"
                      onClick={() => decide(c, 'accepted')}
                      title="The reader read this figure right"
                    >
                      Accept
                    </button>
                  )}
                  {!c.explicit && (
                    <button
                      type="button"
                      className="chip"
                      onClick={() => setEditing(editing === i ? null : i)}
                      aria-expanded={editing === i}
                    >
                      Edit
                    </button>
                  )}
                  {c.review !== 'rejected' && !c.explicit && (
                    <button
                      type="button"
                      className="chip"
                      onClick={() => decide(c, 'rejected')}
                      title="Not a figure to check"
                    >
                      Reject
                    </button>
                  )}
                  {c.review !== 'proposed' && !c.explicit && (
                    <button type="button" className="link-button" onClick={() => decide(c, 'proposed')}>
                      {c.review === 'rejected' ? 'Restore' : 'Undo decision'}
                    </button>
                  )}
                  <span className="muted small">
                    {c.explicit
                      ? 'written in the Markdown'
                      : c.review === 'proposed'
                        ? 'proposed by the reader'
                        : c.review}
                  </span>
                </div>
                {editing === i && (
                  <ClaimEditor
                    claim={c}
                    onSave={(edit) => decide(c, 'edited', edit)}
                    onCancel={() => setEditing(null)}
                  />
                )}
                {review.error && <p className="error">{review.error.message}</p>}
              </div>
            )}
          </li>
        ))}
        {v.comparisons.map((c, i) => (
          <li key={`cmp-${i}`} className="claim-row" data-verdict={c.verdict}>
            <div className="claim-head static">
              <span className={`verdict-badge v-${c.verdict}`}>{VERDICT_MARK[c.verdict]}</span>
              <span className="claim-subject">Order</span>
              <span>{c.order.map((o) => o.subject.replace(/^the /i, '')).join(' ahead of ')}</span>
            </div>
            {c.note && <p className="claim-note small">{c.note}</p>}
          </li>
        ))}
      </ol>
      {v.claims.length === 0 && <p className="muted small">The prose states no figure Breadth can read.</p>}
    </section>
  );
}

/** Another reading of a proposed claim: ticker, metric, window, return kind and basis. */
function ClaimEditor(props: {
  claim: CheckedClaim;
  onSave: (edit: ClaimEdit) => void;
  onCancel: () => void;
}): React.JSX.Element {
  const c = props.claim;
  const [ticker, setTicker] = useState(c.ticker ?? '');
  const [metric, setMetric] = useState(c.metric);
  const [from, setFrom] = useState(c.window.from);
  const [to, setTo] = useState(c.window.to);
  const setSpan = (span: { from: string; to: string }): void => {
    setFrom(span.from);
    setTo(span.to);
  };
  const [kind, setKind] = useState<ReturnKind>(c.returnKind ?? 'closeToClose');
  const [basis, setBasis] = useState(c.basis);
  return (
    <form
      className="claim-editor row gap wrap-row"
      aria-label="Edit the claim"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({
          ticker: ticker.trim().toUpperCase(),
          metric,
          window: { from, to },
          basis,
          ...(metric === 'return' ? { returnKind: kind } : {}),
        });
      }}
    >
      <label>
        Ticker{' '}
        <input value={ticker} onChange={(e) => setTicker(e.target.value)} aria-label="Claim ticker" size={8} required />
      </label>
      <label>
        Metric
        <select
          value={metric}
          onChange={(e) => setMetric(e.target.value as CheckedClaim['metric'])}
          aria-label="Claim metric"
        >
          {CLAIM_METRICS.map((m) => (
            <option key={m} value={m}>
              {METRIC_LABELS[m]}
            </option>
          ))}
        </select>
      </label>
      <label>
        From{' '}
        <DateInput
          value={from}
          onChange={(iso) => setSpan(withEnd({ from, to }, 'from', iso))}
          aria-label="Claim from"
        />
      </label>
      <label>
        To{' '}
        <DateInput
          value={to}
          onChange={(iso) => setSpan(withEnd({ from, to }, 'to', iso))}
          aria-label="Claim to"
        />
      </label>
      {metric === 'return' && (
        <label>
          Return
          <select value={kind} onChange={(e) => setKind(e.target.value as ReturnKind)} aria-label="Claim return kind">
            {RETURN_KINDS.map((k) => (
              <option key={k} value={k}>
                {k === 'closeToClose' ? 'close → close' : k === 'openToClose' ? 'open → close' : 'since prior close'}
              </option>
            ))}
          </select>
        </label>
      )}
      <label>
        Basis
        <select
          value={basis}
          onChange={(e) => setBasis(e.target.value as CheckedClaim['basis'])}
          aria-label="Claim basis"
        >
          <BasisOptions />
        </select>
      </label>
      <button type="submit" className="primary">
        Save
      </button>
      <button type="button" className="chip" onClick={props.onCancel}>
        Cancel
      </button>
    </form>
  );
}

/** "Ask based on this report": a plain question answered with computed figures. */
export function AskBox(props: { report: Report }): React.JSX.Element {
  const [question, setQuestion] = useState('');
  const ask = useCallMutation('claims:ask');
  const show = useShowClaim();
  const a: Answer | undefined = ask.data;
  return (
    <section className="report-section ask-box" aria-labelledby="h-ask">
      <h2 id="h-ask">Ask about this report</h2>
      <form
        className="row gap"
        onSubmit={(e) => {
          e.preventDefault();
          if (question.trim()) ask.mutate({ question, reportId: props.report.id });
        }}
      >
        <input
          type="search"
          aria-label="Question"
          placeholder="How did IWM do from Dec 1 to Jan 9? · Which sector ETF rose most on Jan 9?"
          value={question}
          onChange={(e) => setQuestion(e.target.value)}
        />
        <button type="submit" className="primary" disabled={!question.trim() || ask.isPending} title={ask.isPending ? 'Computing the answer…' : !question.trim() ? 'Type a question first' : undefined}>
          Ask
        </button>
      </form>
      {ask.error && <p className="error">{ask.error.message}</p>}
      {a && (
        <div className="answer" role="status" data-testid="answer">
          <p className="answer-text">{a.answer}</p>
          {a.suggestions.length > 0 && (
            <ul className="suggestions">
              {a.suggestions.map((s) => (
                <li key={s}>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => {
                      setQuestion(s);
                      ask.mutate({ question: s, reportId: props.report.id });
                    }}
                  >
                    {s}
                  </button>
                </li>
              ))}
            </ul>
          )}
          {a.series.length > 0 && (
            <div className="answer-charts" aria-label="Closes over the window">
              {a.series.map((x) => (
                <figure key={x.ticker} className="answer-chart">
                  <Sparkline closes={x.closes} width={220} height={48} />
                  <figcaption className="small muted">
                    <b className="mono">{x.ticker}</b> {x.dates[0]} → {x.dates.at(-1)}
                  </figcaption>
                </figure>
              ))}
            </div>
          )}
          {a.table && (
            <table className="answer-table">
              <thead>
                <tr>
                  {a.table.columns.map((c) => (
                    <th key={c}>{c}</th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {a.table.rows.map((r) => (
                  <tr key={String(r[0])}>
                    {r.map((cell, i) => (
                      <td key={i} className={i > 0 ? 'num' : 'mono'}>
                        {cell}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {a.figures.length > 0 && (
            <details>
              <summary className="small">How it was computed</summary>
              <ul className="small how">
                {a.figures.map((f, i) => (
                  <li key={i}>
                    <b className="mono">{f.ticker}</b> {f.how}{' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => show({ ticker: f.ticker, window: f.window, subject: f.ticker, metric: f.metric })}
                    >
                      chart
                    </button>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </section>
  );
}
