import type { BreadthBridge } from '../../../shared/bridge';
import type { EventName } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain';
import { fromWire } from '../../../shared/wire';

type Listener = (payload: unknown) => void;

/**
 * The browser host's implementation of the bridge: calls go to `POST /api/invoke` (the token travels
 * as an HttpOnly cookie), events arrive over one shared EventSource.
 */
export function createHttpBridge(base = ''): BreadthBridge {
  const listeners = new Map<string, Set<Listener>>();
  let source: EventSource | null = null;

  const ensureSource = (): void => {
    if (source) return;
    source = new EventSource(`${base}/api/events`);
    source.onmessage = (e: MessageEvent<string>) => {
      const { event, payload } = fromWire<{ event: string; payload: unknown }>(e.data);
      listeners.get(event)?.forEach((l) => l(payload));
    };
  };

  return {
    invoke: async (channel, input) => {
      try {
        const res = await fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ channel, input }),
          credentials: 'same-origin',
        });
        const text = await res.text();
        if (!res.ok && !text.startsWith('{')) {
          return { ok: false, error: { code: res.status === 401 || res.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: text } };
        }
        return fromWire<Result<never>>(text);
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `the browser host did not answer: ${(err as Error).message}` } };
      }
    },
    on: (event: EventName, listener) => {
      ensureSource();
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
