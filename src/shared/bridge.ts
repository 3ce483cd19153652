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
