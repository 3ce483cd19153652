import { MAX_BATCH_CALLS, type BreadthBridge } from '../../../shared/bridge';
import type { EventName } from '../../../shared/contract/index';
import type { Result } from '../../../shared/domain';
import { fromWire } from '../../../shared/wire';

type Listener = (payload: unknown) => void;
type Answer = Result<never>;

/** A call waiting for the end of its task, to leave with the others made in it: `{ channel, input }` as JSON. */
interface Pending {
  body: string;
  resolve: (answer: Answer) => void;
}

/** A text's size in UTF-8 bytes, as the browser counts a keepalive body (its length counts UTF-16 units). */
function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** The answer every call gets when the host cannot be reached. */
function unavailable(err: unknown): Answer {
  return { ok: false, error: { code: 'UNAVAILABLE', message: `Breadth's host is not answering (${(err as Error).message}): if it stopped, start it again with \`npm run web\` and open the address it prints` } };
}

/** The answer to a request the host refused before any handler ran (a JSON error, or its plain text). */
function refused(status: number, text: string): Answer {
  if (text.startsWith('{')) return fromWire<Answer>(text);
  return { ok: false, error: { code: status === 401 || status === 403 ? 'FORBIDDEN' : 'INTERNAL', message: text } };
}

/**
 * Splits a stream of text into lines and hands each complete one on; a chunk is scanned once, so a
 * 1.5 MB answer arriving in 64 KB pieces is not searched again with each piece.
 */
export function lineSplitter(onLine: (line: string) => void): (chunk: string) => void {
  let parts: string[] = [];
  return (chunk) => {
    let start = 0;
    for (let nl = chunk.indexOf('\n'); nl !== -1; nl = chunk.indexOf('\n', start)) {
      parts.push(chunk.slice(start, nl));
      onLine(parts.join(''));
      parts = [];
      start = nl + 1;
    }
    if (start < chunk.length) parts.push(chunk.slice(start));
  };
}

const TOKEN_KEY = 'breadth.token';
const RECONNECT_MS = 1_000;
const KEEPALIVE_MAX = 48 * 1024;
/** A call whose JSON is longer than this is sent alone. */
const BATCH_CALL_MAX = 16 * 1024;

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
 * The browser host's implementation of the bridge: calls go to `POST /api/invoke` (those made in one
 * task together to `POST /api/batch`) and events come from
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

  const post = (route: string, body: string): Promise<Response> =>
    fetch(`${base}${route}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...authorization },
      body,
      credentials: 'omit',
      // A save started as the page closes (a note's last keystrokes) still reaches the host; the
      // browser allows this for bodies up to 64 KiB in all.
      keepalive: byteLength(body) < KEEPALIVE_MAX,
    });

  const invokeOne = async ({ body, resolve }: Pending): Promise<void> => {
    try {
      const res = await post('/api/invoke', body);
      const text = await res.text();
      resolve(res.ok ? fromWire<Answer>(text) : refused(res.status, text));
    } catch (err) {
      resolve(unavailable(err));
    }
  };

  // The answers come as lines `{ i, result }` in the order they are ready; a call the host's answer
  // ended without (the host stopped midway) says so.
  const invokeBatch = async (batch: Pending[]): Promise<void> => {
    let reader: ReadableStreamDefaultReader<string> | undefined;
    try {
      const res = await post('/api/batch', `{"calls":[${batch.map((p) => p.body).join(',')}]}`);
      if (!res.ok || !res.body) {
        const answer = refused(res.status, await res.text());
        for (const p of batch) p.resolve(answer);
        return;
      }
      const split = lineSplitter((line) => {
        const { i, result } = fromWire<{ i: number; result: Answer | undefined }>(line);
        if (typeof result?.ok !== 'boolean') throw new Error('an answer of the wrong shape');
        batch[i]?.resolve(result);
      });
      reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        split(value);
      }
      for (const p of batch) p.resolve(unavailable(new Error('its answer ended early')));
    } catch (err) {
      void reader?.cancel().catch(() => undefined);
      // A promise keeps its first answer: only the calls still waiting get this one.
      for (const p of batch) p.resolve(unavailable(err));
    }
  };

  // The calls made in one task leave together once it ends (a microtask): the first screen's nine in
  // one request rather than nine, each of which cost the page a few milliseconds to start and queued
  // behind the browser's six connections to the host. A lone call, and one with a large body (a pasted
  // report: the batch's size limit and its keepalive would then be the others' too), go to /api/invoke.
  let queue: Pending[] = [];
  const flush = (): void => {
    const batch = queue;
    queue = [];
    if (batch.length === 1) void invokeOne(batch[0]!);
    else if (batch.length > 1) void invokeBatch(batch);
  };

  return {
    invoke: (channel, input) =>
      new Promise<Answer>((resolve) => {
        const call = { body: JSON.stringify({ channel, input }), resolve };
        if (call.body.length > BATCH_CALL_MAX) return void invokeOne(call);
        const n = queue.push(call);
        if (n === 1) queueMicrotask(flush);
        else if (n === MAX_BATCH_CALLS) flush();
      }),
    stage: async (file) => {
      try {
        const res = await fetch(`${base}/api/stage?name=${encodeURIComponent(file.name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/octet-stream', ...authorization },
          body: file,
          credentials: 'omit',
        });
        const text = await res.text();
        return text.startsWith('{') ? fromWire<Result<never>>(text) : refused(res.status, text);
      } catch (err) {
        return unavailable(err);
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
