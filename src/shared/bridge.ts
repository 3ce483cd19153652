import type { Channel, EventName, InputOf, OutputOf, PayloadOf } from './contract/index';
import type { Result } from './domain';
import type { ImportFileHandle } from './import';

/**
 * What the preload exposes as `window.breadth` (and what the browser host's transport implements):
 * the contract's invoke and on, nothing else. The browser host's transport adds `stage`, which streams
 * a dropped file to the same staging service as `import:stage` instead of sending its text as JSON.
 */
export interface BreadthBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
  stage?(file: File): Promise<Result<ImportFileHandle>>;
}

/**
 * Most calls one `POST /api/batch` of the browser host carries. The host's transport sends the calls a
 * page makes in one task together (the first screen's nine, a chart's three) and reads each answer as a
 * line of its own, written once it is ready; Electron's IPC needs no batching.
 */
export const MAX_BATCH_CALLS = 32;
