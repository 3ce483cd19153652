import { MARKETS } from '@shared/markets';
import {
  BAR_FIELDS,
  DATE_FORMATS,
  type BarField,
  type ColumnMapping,
  type DateFormat,
  type FileResult,
  providerName,
} from '../../../../shared/import';
import { useState } from 'react';
import { useCallMutation } from '@renderer/lib/use-call';
import { formatCount, formatDate } from '../../lib/format';
import { useImport, type QueuedFile } from './import-state';
import { TickerTable } from './TickerTable';


const DELIMITERS: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };

/** One queued file: what the importer understood, the choices it needs, the first rows and every problem. */
export function FilePreview(props: { file: QueuedFile }): React.JSX.Element {
  const { file } = props;
  const { remove, running } = useImport();
  const p = file.preview;
  return (
    <article className="card file-preview" aria-label={`Preview of ${file.name}`} data-testid="file-preview">
      <header className="row between">
        <h2 className="file-name">{file.name}</h2>
        <div className="row gap">
          {file.previewing && <span className="muted small">{file.handle ? 'checking…' : 'reading the file…'}</span>}
          <button type="button" className="link" onClick={() => remove(file.key)} disabled={running} title={running ? 'An import is running; wait for it to finish' : undefined}>
            Remove
          </button>
        </div>
      </header>
      {file.previewError && (
        <p role="alert" className="error">
          {file.previewError}
        </p>
      )}
      {p && <PreviewBody file={file} result={p} />}
    </article>
  );
}

function PreviewBody(props: { file: QueuedFile; result: FileResult }): React.JSX.Element {
  const { result: p, file } = props;
  const d = p.detection;
  const tickers = p.tickers.map((t) => t.ticker);
  return (
    <>
      <dl className="facts" aria-label="Detected layout">
        <Fact label="Provider" value={providerName(d.provider)} testId="detected-provider" />
        {d.tickerSource === 'column' || d.wide ? (
          <Fact
            label="Tickers"
            value={
              (tickers.length > 8 ? `${formatCount(tickers.length)} tickers (listed below)` : tickers.join(', ') || '—') +
              (d.wide ? ' (side by side, one each)' : '')
            }
            testId="detected-ticker"
          />
        ) : (
          <TickerFact file={file} ticker={d.ticker} source={d.tickerSource} />
        )}
        <Fact label="Delimiter" value={DELIMITERS[d.delimiter] ?? JSON.stringify(d.delimiter)} />
        <Fact label="Decimal mark" value={d.decimalMark === ',' ? 'comma' : 'point'} />
        <Fact label="Dates" value={d.dateFormat ?? 'to choose'} testId="detected-date-format" />
        <Fact
          label="Prices"
          value={
            (d.pricesAdjusted ? 'adjusted by the provider' : 'as traded') +
            (d.mapping.open === undefined && d.mapping.high === undefined && d.mapping.low === undefined && d.mapping.close !== undefined ? ', closes only' : '')
          }
          testId="detected-prices"
        />
        <MarketFact file={file} market={p.tickers[0]?.market ?? d.market} />
      </dl>
      {[...new Set(p.tickers.flatMap((t) => t.notes))].slice(0, 3).map((n) => (
        <p key={n} className="muted small" data-testid="ticker-note">
          {n}
        </p>
      ))}
      {d.needs.length > 0 && <Questions file={file} result={p} />}
      <Counts result={p} />
      {(p.counts.rejected > 0 || file.options.allowRejected) && <AllowRejected file={file} result={p} />}
      {p.tickers.length > 8 && <TickerTable tickers={p.tickers} />}
      {p.error && (
        <p role="alert" className="error" data-testid="preview-error">
          {p.error}
        </p>
      )}
      {/* Keyed by the detected mapping, so a new preview resets the draft. */}
      <Mapping key={JSON.stringify(d.mapping)} file={file} result={p} />
      {p.firstRows.length > 0 && <FirstRows result={p} />}
      <Problems result={p} />
      {p.conflicts.length > 0 && <Conflicts result={p} />}
    </>
  );
}

const TICKER_SOURCE: Record<string, string> = {
  'file-name': 'from the file name',
  header: 'from the header',
  user: 'yours',
};

/** The ticker of a single-ticker file, which the user may change (e.g. `SP500` → `^GSPC`). */
function TickerFact(props: { file: QueuedFile; ticker: string | null; source: string | null }): React.JSX.Element {
  const { setFileOptions, running } = useImport();
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <div>
        <dt>Ticker</dt>
        <dd>
          <form
            className="row gap"
            onSubmit={(e) => {
              e.preventDefault();
              const value = new FormData(e.currentTarget).get('ticker');
              if (typeof value === 'string' && value.trim())
                setFileOptions(props.file.key, { ticker: value.trim().toUpperCase() });
              setEditing(false);
            }}
          >
            <input
              name="ticker"
              defaultValue={props.ticker ?? ''}
              aria-label="Ticker for this file"
              maxLength={24}
              size={8}
              autoFocus
            />
            <button type="submit" className="button">
              OK
            </button>
          </form>
        </dd>
      </div>
    );
  }
  return (
    <div>
      <dt>Ticker</dt>
      <dd>
        <span data-testid="detected-ticker">{props.ticker ?? '—'}</span>{' '}
        {props.source && <span className="muted small">{TICKER_SOURCE[props.source] ?? ''}</span>}{' '}
        <button type="button" className="link small" onClick={() => setEditing(true)} disabled={running} title={running ? 'An import is running; wait for it to finish' : undefined}>
          change
        </button>
      </dd>
    </div>
  );
}

/** The market whose holiday calendar the file's rows are judged by; the analyst may set another. */
function MarketFact(props: { file: QueuedFile; market: string | null }): React.JSX.Element {
  const { setFileOptions, running } = useImport();
  return (
    <div>
      <dt>Market</dt>
      <dd>
        <select
          aria-label="Market of this file"
          value={props.market ?? 'US'}
          disabled={running}
          title={running ? 'An import is running; wait for it to finish' : undefined}
          onChange={(e) => setFileOptions(props.file.key, { market: e.target.value })}
        >
          {MARKETS.map((m) => (
            <option key={m.code} value={m.code}>
              {m.code} · {m.name}
            </option>
          ))}
        </select>
      </dd>
    </div>
  );
}

function Fact(props: { label: string; value: string; testId?: string }): React.JSX.Element {
  return (
    <div>
      <dt>{props.label}</dt>
      <dd data-testid={props.testId}>{props.value}</dd>
    </div>
  );
}

function Questions(props: { file: QueuedFile; result: FileResult }): React.JSX.Element {
  const { setFileOptions } = useImport();
  const key = props.file.key;
  return (
    <div className="questions" role="group" aria-label="Choices needed">
      {props.result.detection.needs.map((n, i) => {
        switch (n.kind) {
          case 'date-format':
            return (
              <label key={i}>
                {n.message}
                <select
                  aria-label="Date format"
                  defaultValue=""
                  onChange={(e) => setFileOptions(key, { dateFormat: e.target.value as DateFormat })}
                >
                  <option value="" disabled>
                    choose…
                  </option>
                  {(n.options.length ? n.options : DATE_FORMATS).map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
              </label>
            );
          case 'ticker':
            return (
              <form
                key={i}
                onSubmit={(e) => {
                  e.preventDefault();
                  const value = new FormData(e.currentTarget).get('ticker');
                  if (typeof value === 'string' && value.trim())
                    setFileOptions(key, { ticker: value.trim().toUpperCase() });
                }}
              >
                <label>
                  {n.message}
                  <input name="ticker" aria-label="Ticker" placeholder="e.g. SPY" maxLength={24} />
                </label>
                <button type="submit" className="button">
                  Use
                </button>
              </form>
            );
          default:
            return (
              <p key={i} className="warn">
                {n.message}
              </p>
            );
        }
      })}
    </div>
  );
}

/** This file's choice on its rejected rows, saying what each does (the rest of the queue is not affected). */
function AllowRejected(props: { file: QueuedFile; result: FileResult }): React.JSX.Element {
  const { setFileOptions, running } = useImport();
  const c = props.result.counts;
  const on = props.file.options.allowRejected === true;
  return (
    <label className="check allow-rejected">
      <input
        type="checkbox"
        checked={on}
        disabled={running}
        title={running ? 'An import is running; wait for it to finish' : undefined}
        aria-label="Import this file despite its rejected rows"
        onChange={(e) => setFileOptions(props.file.key, { allowRejected: e.target.checked })}
      />
      {on
        ? `Importing ${formatCount(c.good + c.warned)} rows of this file and leaving out the ${formatCount(c.rejected)} rejected (listed below).`
        : `Import this file despite its ${formatCount(c.rejected)} rejected ${c.rejected === 1 ? 'row' : 'rows'}: its ${formatCount(c.good + c.warned)} other rows go in, the rejected stay out. Unticked, the file is not imported.`}
    </label>
  );
}

function Counts(props: { result: FileResult }): React.JSX.Element {
  const c = props.result.counts;
  return (
    <ul className="counts" aria-label="Row counts">
      <li data-testid="count-rows">{formatCount(c.rows)} rows</li>
      <li className="good" data-testid="count-good">
        {formatCount(c.good)} good
      </li>
      <li className={c.warned ? 'warn' : undefined} data-testid="count-warned">
        {formatCount(c.warned)} with warnings
      </li>
      <li className={c.rejected ? 'bad' : undefined} data-testid="count-rejected">
        {formatCount(c.rejected)} rejected
      </li>
      {c.skipped > 0 && <li>{formatCount(c.skipped)} skipped lines</li>}
      {c.conflicts > 0 && <li className="bad">{formatCount(c.conflicts)} differ from the archive</li>}
      {c.unchanged > 0 && <li>{formatCount(c.unchanged)} already in the archive</li>}
    </ul>
  );
}

const FIELD_LABEL: Record<BarField, string> = {
  date: 'Date',
  ticker: 'Ticker',
  open: 'Open',
  high: 'High',
  low: 'Low',
  close: 'Close',
  adjClose: 'Adj Close',
  volume: 'Volume',
  dividend: 'Dividend',
  split: 'Split ratio',
};

/** What a mapping needs: a date and a close (without open, high and low, a close-only series). */
const REQUIRED: BarField[] = ['date', 'close'];

function Mapping(props: { file: QueuedFile; result: FileResult }): React.JSX.Element {
  const { setFileOptions } = useImport();
  const d = props.result.detection;
  const [draft, setDraft] = useState<ColumnMapping>(d.mapping);
  const [remember, setRemember] = useState(true);
  const [saved, setSaved] = useState<string | null>(null);
  const saveMapping = useCallMutation('import:saveMapping', {
    onSuccess: () => setSaved('Remembered for files with these columns.'),
  });
  const fieldOf = (col: number): BarField | '' =>
    (Object.entries(draft).find(([, c]) => c === col)?.[0] as BarField | undefined) ?? '';
  const change = (col: number, field: BarField | ''): void => {
    const next: ColumnMapping = {};
    for (const [f, c] of Object.entries(draft) as [BarField, number][]) if (c !== col && f !== field) next[f] = c;
    if (field) next[field] = col;
    setDraft(next);
  };
  const missing = REQUIRED.filter((f) => draft[f] === undefined);
  const dirty = JSON.stringify(draft) !== JSON.stringify(d.mapping);
  const apply = (): void => {
    const mapping = draft as Required<Pick<ColumnMapping, 'date' | 'close'>> & ColumnMapping;
    setFileOptions(props.file.key, { mapping });
    if (remember) {
      saveMapping.mutate({ layoutKey: d.layoutKey, mapping });
    }
  };
  return (
    <details className="mapping" open={d.needs.some((n) => n.kind === 'mapping')}>
      <summary>
        Columns{' '}
        <span className="muted small">
          (
          {d.mappingSource === 'auto'
            ? 'recognised'
            : d.mappingSource === 'saved'
              ? 'your saved mapping'
              : 'your mapping'}
          )
        </span>
      </summary>
      <div className="scroll-x">
        <table className="grid compact" aria-label="Column mapping">
          <thead>
            <tr>
              {d.header.map((h, i) => (
                <th key={i} scope="col">
                  {h || `column ${i + 1}`}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              {d.header.map((_h, i) => (
                <td key={i}>
                  <select
                    aria-label={`Column ${i + 1} is`}
                    value={fieldOf(i)}
                    onChange={(e) => change(i, e.target.value as BarField | '')}
                  >
                    <option value="">(ignore)</option>
                    {BAR_FIELDS.map((f) => (
                      <option key={f} value={f}>
                        {FIELD_LABEL[f]}
                      </option>
                    ))}
                  </select>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      </div>
      {dirty && (
        <div className="row gap">
          {missing.length > 0 ? (
            <span className="warn small">Still to map: {missing.map((f) => FIELD_LABEL[f]).join(', ')}</span>
          ) : (
            <>
              {(draft.open === undefined || draft.high === undefined || draft.low === undefined) && (
                <span className="muted small">
                  Without {['open', 'high', 'low'].filter((f) => draft[f as BarField] === undefined).join(', ')}: figures that need them are
                  marked unavailable{draft.open === undefined && draft.high === undefined && draft.low === undefined ? ', and the chart draws a line' : ''}.
                </span>
              )}
              <label className="check small">
                <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} />
                Remember for files with these columns
              </label>
              <button type="button" className="button" onClick={apply}>
                Use this mapping
              </button>
            </>
          )}
        </div>
      )}
      {saved && <p className="muted small">{saved}</p>}
    </details>
  );
}

const num = (v: number | null): string => (v === null ? '—' : v.toLocaleString('en-US', { maximumFractionDigits: 6 }));

function FirstRows(props: { result: FileResult }): React.JSX.Element {
  const rows = props.result.firstRows.slice(0, 8);
  const multi = new Set(rows.map((r) => r.ticker)).size > 1;
  return (
    <table className="grid compact" aria-label="First rows">
      <thead>
        <tr>
          <th scope="col" className="num">
            Line
          </th>
          {multi && <th scope="col">Ticker</th>}
          <th scope="col">Date</th>
          <th scope="col" className="num">
            Open
          </th>
          <th scope="col" className="num">
            High
          </th>
          <th scope="col" className="num">
            Low
          </th>
          <th scope="col" className="num">
            Close
          </th>
          <th scope="col" className="num">
            Adj Close
          </th>
          <th scope="col" className="num">
            Volume
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.ticker}-${r.line}`}>
            <td className="num muted">{r.line}</td>
            {multi && <td>{r.ticker}</td>}
            <td>{formatDate(r.date)}</td>
            <td className="num">{num(r.open)}</td>
            <td className="num">{num(r.high)}</td>
            <td className="num">{num(r.low)}</td>
            <td className="num">{num(r.close)}</td>
            <td className="num">{num(r.adjClose)}</td>
            <td className="num">{num(r.volume)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Problems(props: { result: FileResult }): React.JSX.Element | null {
  const items = props.result.tickers.flatMap((t) => [
    ...t.rejected.map((i) => ({ ...i, ticker: t.ticker, severity: 'rejected' as const })),
    ...t.warnings.map((i) => ({ ...i, ticker: t.ticker, severity: 'warning' as const })),
  ]);
  if (items.length === 0) return null;
  items.sort((a, b) => a.line - b.line);
  const shown = items.slice(0, 200);
  return (
    <details className="problems" open={items.some((i) => i.severity === 'rejected')}>
      <summary>
        {formatCount(items.length)} {items.length === 1 ? 'problem' : 'problems'}, line by line
      </summary>
      <table className="grid compact" aria-label="Problems">
        <thead>
          <tr>
            <th scope="col" className="num">
              Line
            </th>
            <th scope="col">Ticker</th>
            <th scope="col"></th>
            <th scope="col">Reason</th>
            <th scope="col">Line as written</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i, n) => (
            <tr key={n} className={i.severity}>
              <td className="num">{i.line}</td>
              <td>{i.ticker}</td>
              <td>{i.severity === 'rejected' ? 'rejected' : 'warning'}</td>
              <td className="wrap">{i.reason}</td>
              <td className="raw-line" title={i.raw}>
                {i.raw}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {items.length > shown.length && (
        <p className="muted small">…and {formatCount(items.length - shown.length)} more (the CLI lists them all).</p>
      )}
    </details>
  );
}

function Conflicts(props: { result: FileResult }): React.JSX.Element {
  return (
    <details className="conflicts" open>
      <summary>{formatCount(props.result.counts.conflicts)} rows differ from the archive — what would change</summary>
      <table className="grid compact" aria-label="Conflicts">
        <thead>
          <tr>
            <th scope="col">Ticker</th>
            <th scope="col">Date</th>
            <th scope="col">Field</th>
            <th scope="col" className="num">
              Archive
            </th>
            <th scope="col" className="num">
              File
            </th>
          </tr>
        </thead>
        <tbody>
          {props.result.conflicts.flatMap((c) =>
            c.changes.map((ch) => (
              <tr key={`${c.ticker}-${c.date}-${ch.field}`}>
                <td>{c.ticker}</td>
                <td>{formatDate(c.date)}</td>
                <td>{FIELD_LABEL[ch.field]}</td>
                <td className="num">{num(ch.archive)}</td>
                <td className="num">{num(ch.file)}</td>
              </tr>
            )),
          )}
        </tbody>
      </table>
    </details>
  );
}
