import type { BreadthBridge } from '../../../shared/bridge';
import type { EventName } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain';
import { fromWire } from '../../../shared/wire';

type Listener = (payload: unknown) => void;

const TOKEN_KEY = 'breadth.token';
const RECONNECT_MS = 1_000;
const KEEPALIVE_MAX = 48 * 1024;

/** Where the page keeps the token and how it cleans its address bar (the browser's, or a test's). */
export interface TokenPlace {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  storage: Pick<Storage, 'getItem' | 'setItem'>;
  history: Pick<History, 'replaceState' | 'state'>;
}

/**
 * The browser host's token: on first load it arrives in the URL fragment (`#token=…`, never sent to
 * any server), moves to sessionStorage (this origin and this tab only, kept across reloads) and
 * leaves the address bar. Null when the page was opened without it.
 */
export function adoptToken(place: TokenPlace = { location: window.location, storage: window.sessionStorage, history: window.history }): string | null {
  const fromUrl = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(place.location.hash)?.[1];
  if (fromUrl) {
    place.storage.setItem(TOKEN_KEY, fromUrl);
    place.history.replaceState(place.history.state, '', place.location.pathname + place.location.search);
  }
  return place.storage.getItem(TOKEN_KEY);
}

/** Splits a server-sent-events buffer into the complete frames' `data:` payloads and the unfinished rest. */
export function takeEventData(buffer: string): { data: string[]; rest: string } {
  const frames = buffer.split('\n\n');
  const rest = frames.pop() ?? '';
  const data = frames.flatMap((frame) =>
    frame
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice('data: '.length)),
  );
  return { data, rest };
}

/**
 * The browser host's implementation of the bridge: calls go to `POST /api/invoke` and events come from
 * one shared `GET /api/events` read with `fetch` (EventSource cannot send a header), each request with
 * the token as `Authorization: Bearer` — never a cookie, which every other server on 127.0.0.1 would
 * also receive.
 */
export function createHttpBridge(token: string | null = adoptToken(), base = ''): BreadthBridge {
  const listeners = new Map<string, Set<Listener>>();
  const authorization: Record<string, string> = token ? { Authorization: `Bearer ${token}` } : {};
  let streaming = false;

  const readEvents = async (): Promise<void> => {
    for (;;) {
      try {
        const res = await fetch(`${base}/api/events`, { headers: authorization, cache: 'no-store', credentials: 'omit' });
        // Without the right token no retry can succeed; the calls say why.
        if (res.status === 401 || res.status === 403) return;
        if (res.ok && res.body) {
          const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
          let buffer = '';
          for (;;) {
            const { value, done } = await reader.read();
            if (done) break;
            const { data, rest } = takeEventData(buffer + value);
            buffer = rest;
            for (const d of data) {
              const { event, payload } = fromWire<{ event: string; payload: unknown }>(d);
              listeners.get(event)?.forEach((l) => l(payload));
            }
          }
        }
      } catch {
        // The host restarted or the connection dropped: reconnect below, as EventSource would.
      }
      await new Promise((r) => setTimeout(r, RECONNECT_MS));
    }
  };

  return {
    invoke: async (channel, input) => {
      try {
        const body = JSON.stringify({ channel, input });
        const res = await fetch(`${base}/api/invoke`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...authorization },
          body,
          credentials: 'omit',
          // A save started as the page closes (a note's last keystrokes) still reaches the host; the
          // browser allows this for bodies up to 64 KiB in all.
          keepalive: body.length < KEEPALIVE_MAX,
        });
        const text = await res.text();
        if (!res.ok && !text.startsWith('{')) {
          return { ok: false, error: { code: res.status === 401 || res.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: text } };
        }
        return fromWire<Result<never>>(text);
      } catch (err) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `Breadth's host is not answering (${(err as Error).message}): if it stopped, start it again with \`npm run web\` and open the address it prints` } };
      }
    },
    stage: async (file) => {
      try {
        const res = await fetch(`${base}/api/stage?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', ...authorization },
          body: file,
          credentials: 'omit',
        });
        const text = await res.text();
        if (!text.startsWith('{')) {
          return { ok: false, error: { code: res.status === 401 || res.status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: text } };
        }
        return fromWire<Result<never>>(text);
      } catch (err) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: `Breadth's host is not answering (${(err as Error).message}): if it stopped, start it again with \`npm run web\` and open the address it prints` } };
      }
    },
    on: (event: EventName, listener) => {
      if (!streaming) {
        streaming = true;
        void readEvents();
      }
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
      };
    },
  };
}
