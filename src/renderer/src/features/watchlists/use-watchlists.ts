import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Watchlist } from '../../../../shared/watchlists';
import { call } from '../../lib/api';
import { useLocalState } from './local-state';

const KEY = ['watchlists'] as const;

/** Every watchlist (reports' first), as `watchlists:list` gives them. */
export function useWatchlists(): { lists: Watchlist[] | undefined; error: Error | null } {
  const q = useQuery({ queryKey: KEY, queryFn: () => call('watchlists:list', {}) });
  return { lists: q.data, error: q.error };
}

/** The open watchlist (remembered; the first list when none was chosen) and a way to open another. */
export function useActiveWatchlist(): { active: Watchlist | null; setActive: (id: number) => void } {
  const { lists } = useWatchlists();
  const [id, setActive] = useLocalState<number | null>('activeWatchlist', null);
  const active = lists?.find((w) => w.id === id) ?? lists?.[0] ?? null;
  return { active, setActive };
}

/** A mutation over watchlists that refreshes the list afterwards. */
export function useWatchlistAction<I, R>(run: (input: I) => Promise<R>, onDone?: (r: R) => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (r) => {
      onDone?.(r);
      return client.invalidateQueries({ queryKey: KEY });
    },
  });
}
