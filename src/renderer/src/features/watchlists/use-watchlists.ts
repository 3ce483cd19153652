import type { Watchlist } from '@shared/watchlists';
import { useLocalState } from '@renderer/lib/local-state';
import type { ApiError } from '@renderer/lib/api';
import { useCall } from '@renderer/lib/use-call';

/** Every watchlist (reports' first), as `watchlists:list` gives them. */
export function useWatchlists(): { lists: Watchlist[] | undefined; error: ApiError | null } {
  const q = useCall('watchlists:list', {});
  return { lists: q.data, error: q.error };
}

/** The open watchlist (remembered; the first list when none was chosen) and a way to open another. */
export function useActiveWatchlist(): { active: Watchlist | null; setActive: (id: number) => void } {
  const { lists } = useWatchlists();
  const [id, setActive] = useLocalState<number | null>('activeWatchlist', null);
  const active = lists?.find((w) => w.id === id) ?? lists?.[0] ?? null;
  return { active, setActive };
}
