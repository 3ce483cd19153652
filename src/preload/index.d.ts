import type { BreadthBridge } from '../shared/bridge';

declare global {
  interface Window {
    /** The contract bridge the preload exposes; absent under the browser host. */
    breadth?: BreadthBridge;
  }
}
