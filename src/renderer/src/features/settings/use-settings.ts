import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import type { UiSettings } from '@shared/contract/index';
import type { Theme } from '@shared/domain';
import { callKey, useCall, useCallMutation } from '@renderer/lib/use-call';

const KEY = callKey('settings:get', {});

/** The order of every change made from this window, for all components at once (each has its own mutation). */
let lastChange = 0;
const changeNumber = new WeakMap<object, number>();

/** The remembered UI settings and a function that changes some of them. */
export function useSettings(): { settings: UiSettings | undefined; update: (patch: Partial<UiSettings>) => void } {
  const client = useQueryClient();
  const { data } = useCall('settings:get', {});
  const mutation = useCallMutation('settings:set', {
    // One at a time, in order, for every component: the file on disk ends with the last change.
    scope: { id: 'settings' },
    onMutate: (patch) => {
      const prev = client.getQueryData<UiSettings>(KEY);
      if (prev) client.setQueryData(KEY, { ...prev, ...patch });
    },
    // Only the answer to the last change (arrowing through a watchlist makes many) may set the settings:
    // answers can arrive out of order (the browser host's requests travel on several connections), and
    // an earlier one arriving late would undo the later change, leaving the chart on the wrong ticker.
    onSuccess: (next, patch) => {
      if (changeNumber.get(patch) === lastChange) client.setQueryData(KEY, next);
    },
  });
  const { mutate } = mutation;
  const update = useCallback(
    (patch: Partial<UiSettings>) => {
      changeNumber.set(patch, ++lastChange);
      mutate(patch);
    },
    [mutate],
  );
  return { settings: data, update };
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
