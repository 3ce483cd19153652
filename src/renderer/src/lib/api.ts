import type { BreadthBridge } from '@shared/bridge';
import type { Channel, EventName, InputOf, OutputOf, PayloadOf } from '@shared/contract/index';
import type { ErrorCode } from '@shared/domain';
import type { ImportFileHandle } from '@shared/import';
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

/**
 * Stages a dropped file once and returns main's id for it: the browser host streams the file's bytes
 * to disk; inside Electron its text crosses IPC once. Previews and the import then name only the id.
 */
export async function stageFile(file: File): Promise<ImportFileHandle> {
  if (!bridge.stage) return call('import:stage', { name: file.name, text: await file.text() });
  const result = await bridge.stage(file);
  if (result.ok) return result.data;
  throw new ApiError(result.error.code, result.error.message, result.error.details);
}

/** Subscribes to an event; returns the unsubscribe function. */
export function subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
  return bridge.on(event, listener);
}
