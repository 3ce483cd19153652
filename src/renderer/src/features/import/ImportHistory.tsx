import { providerName } from '@shared/import';
import { useState } from 'react';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { formatCount, formatDateTime } from '../../lib/format';
import './import.css';

/** Every import so far, newest first, each with a way to undo it. */
export function ImportHistory(): React.JSX.Element | null {
  const history = useCall('import:list', {});
  const [confirming, setConfirming] = useState<number | null>(null);
  const undo = useCallMutation('import:undo', { onSettled: () => setConfirming(null) });
  if (!history.data?.length) return null;
  return (
    <section aria-label="Import history" className="import-history">
      <h2>History</h2>
      {undo.error && (
        <p role="alert" className="error">
          Undo failed: {undo.error.message}
        </p>
      )}
      {undo.data && (
        <p className="muted" role="status">
          Import #{undo.data.id} undone: {formatCount(undo.data.removed)} bars removed,{' '}
          {formatCount(undo.data.restored)} restored.
        </p>
      )}
      <table className="grid compact" aria-label="Imports">
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">When</th>
            <th scope="col">File</th>
            <th scope="col" className="opt">
              Provider
            </th>
            <th scope="col">Tickers</th>
            <th scope="col" className="num">
              Written
            </th>
            <th scope="col" className="num opt">
              Replaced
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          {history.data.map((r) => (
            <tr key={r.id} className={r.status === 'undone' ? 'undone' : undefined}>
              <td className="num">{r.id}</td>
              <td title={new Date(r.createdAt).toLocaleString()}>
                {formatDateTime(r.createdAt)}
              </td>
              <td className="history-file" title={r.fileHash}>
                {r.fileName}
              </td>
              <td className="opt">{providerName(r.provider)}</td>
              <td
                className="history-tickers"
                title={r.tickers.length > 6 ? r.tickers.slice(0, 200).join(', ') : undefined}
              >
                {r.tickers.length > 6
                  ? `${r.tickers.slice(0, 5).join(', ')} and ${formatCount(r.tickers.length - 5)} more`
                  : r.tickers.join(', ')}
              </td>
              <td className="num">{formatCount(r.rowsWritten)}</td>
              <td className="num opt">{formatCount(r.rowsReplaced)}</td>
              <td className="num">{formatCount(r.rowsRejected)}</td>
              <td>
                {r.status === 'undone' ? (
                  <span className="muted small">undone</span>
                ) : confirming === r.id ? (
                  <span className="row gap">
                    <button
                      type="button"
                      className="button danger"
                      onClick={() => undo.mutate({ id: r.id })}
                      disabled={undo.isPending}
                    >
                      Remove its bars
                    </button>
                    <button type="button" className="link" onClick={() => setConfirming(null)}>
                      Keep
                    </button>
                  </span>
                ) : (
                  <button type="button" className="link" onClick={() => setConfirming(r.id)}>
                    Undo
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
