import type { z } from 'zod';

/** One IPC channel: the zod schema of its input and (at the type level only) its result. */
export interface ChannelDef<I extends z.ZodType, R> {
  readonly input: I;
  /** Phantom field carrying the result type; never set at runtime. */
  readonly __result?: R;
}

/** One main → renderer event: its payload type only (main is the sole emitter). */
export interface EventDef<P> {
  readonly __payload?: P;
}

/**
 * Declares a channel: `channel(schema)<Result>()`. Curried so that the input type is inferred from the
 * schema while the result type is given explicitly.
 */
export const channel =
  <I extends z.ZodType>(input: I) =>
  <R>(): ChannelDef<I, R> => ({ input });

/** Declares an event and its payload type. */
export const event = <P>(): EventDef<P> => ({});
