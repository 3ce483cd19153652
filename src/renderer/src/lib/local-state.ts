import { useCallback, useSyncExternalStore } from 'react';

const listeners = new Map<string, Set<() => void>>();

function read<T>(key: string, initial: T): T {
  try {
    const raw = localStorage.getItem(`breadth.${key}`);
    return raw === null ? initial : (JSON.parse(raw) as T);
  } catch {
    return initial;
  }
}

const cache = new Map<string, { raw: string | null; value: unknown }>();

/**
 * A small piece of UI state kept in localStorage (the renderer's own memory, not the archive) and shared
 * by every component that reads the same key: which watchlist is open, chart overlays, log scale.
 */
export function useLocalState<T>(key: string, initial: T): [T, (value: T) => void] {
  const subscribe = useCallback(
    (cb: () => void) => {
      let set = listeners.get(key);
      if (!set) listeners.set(key, (set = new Set()));
      set.add(cb);
      return () => set.delete(cb);
    },
    [key],
  );
  const snapshot = useCallback((): T => {
    const raw = localStorage.getItem(`breadth.${key}`);
    const hit = cache.get(key);
    if (hit && hit.raw === raw) return hit.value as T;
    const value = read(key, initial);
    cache.set(key, { raw, value });
    return value;
  }, [key, initial]);
  const value = useSyncExternalStore(subscribe, snapshot);
  const set = useCallback(
    (v: T) => {
      localStorage.setItem(`breadth.${key}`, JSON.stringify(v));
      listeners.get(key)?.forEach((l) => l());
    },
    [key],
  );
  return [value, set];
}
