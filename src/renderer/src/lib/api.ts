import type { BreadthBridge } from '@shared/bridge';
import type { Channel, EventName, InputOf, OutputOf, PayloadOf } from '@shared/contract/index';
import type { ErrorCode } from '@shared/domain';
import { createHttpBridge } from './bridge-http';

/** A failed call, with the stable code the UI switches on. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The bridge in use: the preload's inside Electron, HTTP under the browser host. */
export const bridge: BreadthBridge = window.breadth ?? createHttpBridge();

/** Calls a channel and returns its data, or throws {@link ApiError}. */
export async function call<C extends Channel>(channel: C, input: InputOf<C>): Promise<OutputOf<C>> {
  const result = await bridge.invoke(channel, input);
  if (result.ok) return result.data;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

/** Subscribes to an event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return bridge.on(event, listener);
}
