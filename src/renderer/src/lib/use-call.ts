import {
  useMutation,
  useQuery,
  useQueryClient,
  type UseMutationOptions,
  type UseMutationResult,
  type UseQueryOptions,
  type UseQueryResult,
} from '@tanstack/react-query';
import { useEffect } from 'react';
import type { Channel, InputOf, OutputOf } from '@shared/contract/index';
import { call, subscribe, type ApiError } from './api';
import { EVENT_INVALIDATES, INVALIDATES, invalidate, type MutationChannel } from './invalidation';

/** The query key of a call: the channel, then its input (so invalidating by channel or domain is a prefix test). */
export type CallKey<C extends Channel> = readonly [C, InputOf<C>];

/** Options of {@link useCall}: TanStack Query's, but the key and the fetcher come from the channel. */
export type CallOptions<C extends Channel> = Omit<
  UseQueryOptions<OutputOf<C>, ApiError, OutputOf<C>, CallKey<C>>,
  'queryKey' | 'queryFn'
>;

/** The key under which `useCall(channel, input)` caches its answer (for reading or writing the cache). */
export function callKey<C extends Channel>(channel: C, input: InputOf<C>): CallKey<C> {
  return [channel, input] as const;
}

/** The query options of one call, for `useQueries` over many inputs of the same channel. */
export function callQuery<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options?: CallOptions<C>,
): UseQueryOptions<OutputOf<C>, ApiError, OutputOf<C>, CallKey<C>> {
  return { ...options, queryKey: callKey(channel, input), queryFn: () => call(channel, input) };
}

/** Reads a channel through the query cache under the key `[channel, input]`; typed from the contract. */
export function useCall<C extends Channel>(
  channel: C,
  input: InputOf<C>,
  options?: CallOptions<C>,
): UseQueryResult<OutputOf<C>, ApiError> {
  return useQuery(callQuery(channel, input, options));
}

/** Options of {@link useCallMutation}: TanStack Query's, but the function is the channel. */
export type CallMutationOptions<C extends MutationChannel> = Omit<
  UseMutationOptions<OutputOf<C>, ApiError, InputOf<C>>,
  'mutationFn'
>;

/**
 * Writes through a channel. When the call settles, the queries that `INVALIDATES` names for the
 * channel refetch (after the caller's own `onSettled`), so no feature invalidates by hand.
 */
export function useCallMutation<C extends MutationChannel>(
  channel: C,
  options?: CallMutationOptions<C>,
): UseMutationResult<OutputOf<C>, ApiError, InputOf<C>> {
  const client = useQueryClient();
  return useMutation({
    mutationKey: [channel],
    ...options,
    mutationFn: (input: InputOf<C>) => call(channel, input),
    onSettled: async (...args) => {
      await options?.onSettled?.(...args);
      // Not awaited: the caller gets its answer (an import's summary) without waiting for the refetches.
      void invalidate(client, INVALIDATES[channel]);
    },
  });
}

/** Refetches what main's change events make stale (an import finishing anywhere); mount once, in the App. */
export function useEventInvalidation(): void {
  const client = useQueryClient();
  useEffect(() => {
    const offs = Object.entries(EVENT_INVALIDATES).map(([event, stale]) =>
      subscribe(event as keyof typeof EVENT_INVALIDATES, () => void invalidate(client, stale)),
    );
    return () => offs.forEach((off) => off());
  }, [client]);
}
