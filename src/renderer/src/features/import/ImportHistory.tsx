import { useState } from 'react';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { formatCount } from '../../lib/format';

/** Every import so far, newest first, each with a way to undo it. */
export function ImportHistory(): React.JSX.Element | null {
  const history = useCall('import:list', {});
  const [confirming, setConfirming] = useState<number | null>(null);
  const undo = useCallMutation('import:undo', { onSettled: () => setConfirming(null) });
  if (!history.data?.length) return null;
  return (
    <section aria-label="Import history">
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
            <th scope="col">Provider</th>
            <th scope="col">Tickers</th>
            <th scope="col" className="num">
              Written
            </th>
            <th scope="col" className="num">
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
              <td>{new Date(r.createdAt).toLocaleString()}</td>
              <td title={r.fileHash}>{r.fileName}</td>
              <td>{r.provider}</td>
              <td>{r.tickers.join(', ')}</td>
              <td className="num">{formatCount(r.rowsWritten)}</td>
              <td className="num">{formatCount(r.rowsReplaced)}</td>
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
