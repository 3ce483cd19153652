import { useCall } from '@renderer/lib/use-call';
import type { FileResult } from '../../../../shared/import';
import { formatCount, formatDate } from '../../lib/format';

const STATUS: Record<FileResult['status'], string> = {
  imported: 'imported',
  failed: 'not imported',
  cancelled: 'cancelled — nothing written',
  checked: 'checked',
};

/** One summary for all the files of a run: what each wrote, replaced, warned about and rejected. */
/** Tickers of one file the summary lists by name; the rest are counted in one row. */
const SUMMARY_TICKERS = 20;

export function ImportSummary(props: { results: FileResult[] }): React.JSX.Element {
  // An import undone since (from the history, another window, the CLI) says so instead of standing as written.
  const history = useCall('import:list', {});
  const undone = new Set((history.data ?? []).filter((h) => h.status === 'undone').map((h) => h.id));
  const isUndone = (r: FileResult): boolean => r.importId !== null && undone.has(r.importId);
  const imported = props.results.filter((r) => r.status === 'imported' && !isUndone(r));
  const undoneCount = props.results.filter(isUndone).length;
  const written = imported.reduce((n, r) => n + r.counts.imported, 0);
  return (
    <section className="card summary" aria-label="Import summary" data-testid="import-summary">
      <h2>
        {imported.length} of {props.results.length} {props.results.length === 1 ? 'file' : 'files'} imported,{' '}
        {formatCount(written)} bars written
        {undoneCount > 0 && <span className="muted"> · {undoneCount} undone since</span>}
      </h2>
      <div className="scroll-x">
        <table className="grid compact">
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Ticker</th>
              <th scope="col">Outcome</th>
              <th scope="col">From</th>
              <th scope="col">To</th>
              <th scope="col" className="num">
                Written
              </th>
              <th scope="col" className="num">
                Replaced
              </th>
              <th scope="col" className="num">
                Warnings
              </th>
              <th scope="col" className="num">
                Rejected
              </th>
            </tr>
          </thead>
          <tbody>
            {props.results.flatMap((r) => [
              // A many-ticker file lists its first tickers and counts the rest: the summary never runs for pages.
              ...(r.tickers.length ? r.tickers.slice(0, SUMMARY_TICKERS) : [null]).map((t, i) => (
                <tr key={`${r.file}-${t?.ticker ?? i}`} className={r.status === 'imported' ? undefined : 'rejected'}>
                  <td>{i === 0 ? r.file : ''}</td>
                  <td>{t?.ticker ?? '—'}</td>
                  <td>
                    {isUndone(r) ? 'undone' : STATUS[r.status]}
                    {r.error && i === 0 && <div className="error small wrap">{r.error}</div>}
                  </td>
                  <td>{formatDate(t?.firstDate ?? null)}</td>
                  <td>{formatDate(t?.lastDate ?? null)}</td>
                  <td className="num">{formatCount(t?.imported ?? 0)}</td>
                  <td className="num">{formatCount(t?.replaced ?? 0)}</td>
                  <td className="num">{formatCount(t?.warnings.length ?? 0)}</td>
                  <td className="num">{formatCount(t?.rejected.length ?? 0)}</td>
                </tr>
              )),
              ...(r.tickers.length > SUMMARY_TICKERS
                ? [
                    <tr key={`${r.file}-more`} className="more">
                      <td />
                      <td colSpan={4} className="muted">
                        and {formatCount(r.tickers.length - SUMMARY_TICKERS)} more tickers
                      </td>
                      <td className="num">
                        {formatCount(r.tickers.slice(SUMMARY_TICKERS).reduce((n, t) => n + t.imported, 0))}
                      </td>
                      <td className="num">
                        {formatCount(r.tickers.slice(SUMMARY_TICKERS).reduce((n, t) => n + t.replaced, 0))}
                      </td>
                      <td className="num">
                        {formatCount(r.tickers.slice(SUMMARY_TICKERS).reduce((n, t) => n + t.warnings.length, 0))}
                      </td>
                      <td className="num">
                        {formatCount(r.tickers.slice(SUMMARY_TICKERS).reduce((n, t) => n + t.rejected.length, 0))}
                      </td>
                    </tr>,
                  ]
                : []),
            ])}
          </tbody>
        </table>
      </div>
    </section>
  );
}
