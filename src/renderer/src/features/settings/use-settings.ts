import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { UiSettings } from '@shared/contract/index';
import type { Theme } from '@shared/domain';
import { callKey, useCall, useCallMutation } from '@renderer/lib/use-call';

const KEY = callKey('settings:get', {});

/** The remembered UI settings and a function that changes some of them. */
export function useSettings(): { settings: UiSettings | undefined; update: (patch: Partial<UiSettings>) => void } {
  const client = useQueryClient();
  const { data } = useCall('settings:get', {});
  const mutation = useCallMutation('settings:set', {
    onMutate: (patch) => {
      const prev = client.getQueryData<UiSettings>(KEY);
      if (prev) client.setQueryData(KEY, { ...prev, ...patch });
    },
    // Only the last of quick successive changes (arrowing through a watchlist) may set the answer:
    // an earlier answer arriving late would undo the later optimistic change.
    onSuccess: (next) => {
      if (client.isMutating({ mutationKey: ['settings:set'] }) <= 1) client.setQueryData(KEY, next);
    },
  });
  return { settings: data, update: mutation.mutate };
}

/** The theme actually shown: `system` follows the operating system's preference. */
export function useAppliedTheme(theme: Theme | undefined): 'light' | 'dark' {
  const media = window.matchMedia('(prefers-color-scheme: dark)');
  const applied = theme === 'dark' || (theme !== 'light' && media.matches) ? 'dark' : 'light';
  useEffect(() => {
    document.documentElement.dataset['theme'] = applied;
  }, [applied]);
  return applied;
}
