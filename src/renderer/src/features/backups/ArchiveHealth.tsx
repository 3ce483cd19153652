import { useEffect, useState } from 'react';
import type { ArchiveCheck } from '@shared/backups';
import { call } from '@renderer/lib/api';
import { useCallMutation } from '@renderer/lib/use-call';
import { formatDateTime } from '@renderer/lib/format';
import { formatBytes } from './backups';
import './backups.css';

/** How long after the first screen the whole archive is checked (in a worker in main), once a day at most. */
const CHECK_AFTER_MS = 8000;

/**
 * Checks every page of the archive a few seconds after start-up (at most once a day: on an archive of
 * gigabytes it reads for seconds), and when it is damaged says so and offers the latest backup that
 * passes its own check.
 */
export function ArchiveHealth(): React.JSX.Element | null {
  const [check, setCheck] = useState<ArchiveCheck | null>(null);
  const restore = useCallMutation('backups:restore');
  useEffect(() => {
    const t = window.setTimeout(() => {
      call('backups:check', { whenDue: true }).then(setCheck, () => undefined);
    }, CHECK_AFTER_MS);
    return () => window.clearTimeout(t);
  }, []);
  if (!check || check.ok) return null;
  const good = check.latestGood;
  return (
    <aside className="archive-health" role="alert" data-testid="archive-damaged">
      <b>The archive is damaged.</b>
      <p className="small">SQLite reports: {check.problems.slice(0, 2).join('; ')}</p>
      {good ? (
        <p className="row gap">
          <button type="button" className="button primary" disabled={restore.isPending} onClick={() => restore.mutate({ name: good.name })}>
            {restore.isPending ? 'Restoring…' : `Restore the backup of ${formatDateTime(good.createdAt)}`}
          </button>
          <span className="muted small">
            {formatBytes(good.bytes)}; the damaged archive is kept beside it.
          </span>
        </p>
      ) : (
        <p className="small">No good backup was found. Export what you can and import the price files again.</p>
      )}
      {restore.error && <p className="error">{restore.error.message}</p>}
    </aside>
  );
}
