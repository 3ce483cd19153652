import type { Channel, EventName, InputOf, OutputOf, PayloadOf } from './contract/index';
import type { Result } from './domain';

/**
 * What the preload exposes as `window.breadth` (and what the browser host's transport implements):
 * the contract's invoke and on, nothing else.
 */
export interface BreadthBridge {
  invoke<C extends Channel>(channel: C, input: InputOf<C>): Promise<Result<OutputOf<C>>>;
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void;
}
