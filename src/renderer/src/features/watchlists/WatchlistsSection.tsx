import { formatDate } from '@renderer/lib/format';
import { memo, useState } from 'react';
import { useSelection } from '@renderer/app/selection';
import { useCallMutation } from '@renderer/lib/use-call';
import { useActiveWatchlist, useWatchlists } from './use-watchlists';
import './watchlists.css';

/** An inline one-field form (new list, rename); Escape cancels. */
function NameForm(props: { label: string; initial: string; onSubmit: (name: string) => void; onCancel: () => void }): React.JSX.Element {
  const [name, setName] = useState(props.initial);
  return (
    <form
      className="wl-name-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (name.trim()) props.onSubmit(name.trim());
      }}
    >
      <input
        aria-label={props.label}
        value={name}
        maxLength={80}
        autoFocus
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && props.onCancel()}
      />
    </form>
  );
}

/** The sidebar's watchlists: the reports' lists and the user's own; create, open, rename, reorder, delete. */
export const WatchlistsSection = memo(function WatchlistsSection(): React.JSX.Element {
  const { setView } = useSelection();
  const { lists, error } = useWatchlists();
  const { active, setActive } = useActiveWatchlist();
  const [editing, setEditing] = useState<'new' | 'rename' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const create = useCallMutation('watchlists:create', { onSuccess: (w) => setActive(w.id) });
  const rename = useCallMutation('watchlists:rename');
  const reorder = useCallMutation('watchlists:reorder');
  const remove = useCallMutation('watchlists:delete');
  const failure = create.error ?? rename.error ?? reorder.error ?? remove.error ?? error;

  const open = (id: number): void => {
    setActive(id);
    setConfirmDelete(false);
    setView('chart');
  };
  const move = (delta: number): void => {
    if (!lists || !active) return;
    const ids = lists.map((w) => w.id);
    const i = ids.indexOf(active.id);
    const j = i + delta;
    if (j < 0 || j >= ids.length) return;
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
    reorder.mutate({ ids });
  };

  return (
    <section className="wl-section">
      <div className="wl-section-head">
        <h2 className="panel-title">Watchlists</h2>
        <button type="button" className="icon-button" title="New watchlist" aria-label="New watchlist" onClick={() => setEditing('new')}>
          +
        </button>
      </div>
      {editing === 'new' && (
        <NameForm
          label="Name of the new watchlist"
          initial=""
          onCancel={() => setEditing(null)}
          onSubmit={(name) => {
            create.mutate({ name });
            setEditing(null);
          }}
        />
      )}
      {lists && lists.length === 0 && editing !== 'new' && <p className="muted small">No watchlists yet. Press + to start one.</p>}
      <ul className="list" aria-label="Watchlists">
        {lists?.map((w) => (
          <li key={w.id}>
            {editing === 'rename' && active?.id === w.id ? (
              <NameForm
                label="New name of the watchlist"
                initial={w.name}
                onCancel={() => setEditing(null)}
                onSubmit={(name) => {
                  rename.mutate({ id: w.id, name });
                  setEditing(null);
                }}
              />
            ) : (
              <button
                type="button"
                className={active?.id === w.id ? 'list-item wl-item active' : 'list-item wl-item'}
                aria-current={active?.id === w.id}
                onClick={() => open(w.id)}
                onDoubleClick={() => w.id === active?.id && setEditing('rename')}
                title={w.report ? `Related tickers of the report "${w.report.title}" (as of ${formatDate(w.report.asOf)})` : undefined}
              >
                <span className="wl-name">{w.name}</span>
                {w.report && <span className="badge">report</span>}
                <span className="wl-count">{w.tickers.length}</span>
              </button>
            )}
          </li>
        ))}
      </ul>
      {active && editing === null && (
        <div className="wl-actions" role="toolbar" aria-label="Watchlist actions">
          <button type="button" onClick={() => setEditing('rename')}>
            Rename
          </button>
          <button type="button" aria-label="Move the watchlist up" onClick={() => move(-1)}>
            ↑
          </button>
          <button type="button" aria-label="Move the watchlist down" onClick={() => move(1)}>
            ↓
          </button>
          {active.report ? null : confirmDelete ? (
            <>
              <button type="button" className="danger" onClick={() => (remove.mutate({ id: active.id }), setConfirmDelete(false))}>
                Delete “{active.name}”
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                Keep
              </button>
            </>
          ) : (
            <button type="button" onClick={() => setConfirmDelete(true)}>
              Delete…
            </button>
          )}
        </div>
      )}
      {failure && <p className="error small">{failure.message}</p>}
    </section>
  );
});
