import { useEffect, useState } from 'react';
import type { BackupInfo } from '@shared/backups';
import { subscribe } from '@renderer/lib/api';
import { useCall, useCallMutation } from '@renderer/lib/use-call';
import { formatDateTime } from '@renderer/lib/format';
import { formatBytes, REASON_LABEL } from './backups';
import './backups.css';

/** After a restore every view shows another archive: the window starts afresh. */
export function useReloadOnRestore(): void {
  useEffect(() => subscribe('backups:restored', () => window.location.reload()), []);
}

/** The archive's backups on the Overview: the latest one, a way to take one now, and the list to restore from. */
export function BackupsBar(): React.JSX.Element | null {
  const list = useCall('backups:list', {});
  const create = useCallMutation('backups:create');
  const [open, setOpen] = useState(false);
  if (!list.data) return null;
  const latest = list.data[0];
  return (
    <section className="backups" aria-label="Backups">
      <div className="row gap backups-line">
        <span data-testid="backups-latest">
          {latest ? (
            <>
              Last backup {formatDateTime(latest.createdAt)}{' '}
              <span className="muted">({REASON_LABEL[latest.reason]})</span>
            </>
          ) : (
            <span className="muted">No backup yet</span>
          )}
        </span>
        <button type="button" className="button" disabled={create.isPending} onClick={() => create.mutate({})}>
          {create.isPending ? 'Backing up…' : 'Back up now'}
        </button>
        {list.data.length > 0 && (
          <button type="button" className="link" aria-expanded={open} onClick={() => setOpen(!open)}>
            {open ? 'Hide backups' : `All backups (${list.data.length})`}
          </button>
        )}
        {create.error && (
          <span role="alert" className="error">
            {create.error.message}
          </span>
        )}
      </div>
      {open && <BackupList backups={list.data} />}
    </section>
  );
}

function BackupList(props: { backups: BackupInfo[] }): React.JSX.Element {
  const [confirming, setConfirming] = useState<string | null>(null);
  const restore = useCallMutation('backups:restore', { onSettled: () => setConfirming(null) });
  return (
    <div className="backup-list">
      {restore.error && (
        <p role="alert" className="error">
          Restore failed: {restore.error.message}
        </p>
      )}
      <table className="grid compact" aria-label="Backups of the archive">
        <thead>
          <tr>
            <th scope="col">Taken</th>
            <th scope="col">Why</th>
            <th scope="col" className="num">
              Size
            </th>
            <th scope="col"></th>
          </tr>
        </thead>
        <tbody>
          {props.backups.map((b) => (
            <tr key={b.name}>
              <td title={b.path}>{formatDateTime(b.createdAt)}</td>
              <td>{REASON_LABEL[b.reason]}</td>
              <td className="num">{formatBytes(b.bytes)}</td>
              <td>
                <div className="row gap backup-actions">
                  {confirming === b.name ? (
                    <>
                      <button
                        type="button"
                        className="button danger"
                        disabled={restore.isPending}
                        onClick={() => restore.mutate({ name: b.name })}
                      >
                        {restore.isPending ? 'Restoring…' : 'Replace the archive with it'}
                      </button>
                      <button type="button" className="link" onClick={() => setConfirming(null)}>
                        Keep the archive
                      </button>
                    </>
                  ) : (
                    <button type="button" className="link" onClick={() => setConfirming(b.name)}>
                      Restore…
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">A restore first backs up the archive as it is, so it can be undone from this list.</p>
    </div>
  );
}
