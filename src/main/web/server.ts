import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { MAX_BATCH_CALLS } from '../../shared/bridge';
import { toWire } from '../../shared/wire';
import type { Core } from '../core';
import { DomainError } from '../errors';
import { MAX_STAGED_BYTES } from '../import/files';
import { createDispatcher } from '../ipc/handle';
import { handlers } from '../ipc/handlers';
import { CONTENT_SECURITY_POLICY, servedFile } from './static';

export { CONTENT_SECURITY_POLICY } from './static';

/** How much the browser host accepts: connections, timeouts and body sizes. */
export interface HostLimits {
  /** Hard cap on open sockets (`server.maxConnections`); Node drops connections beyond it. */
  maxConnections: number;
  /** Sockets without a request in flight beyond this count are closed, oldest first. */
  maxIdleConnections: number;
  /** A request's headers must arrive within this time. */
  headersTimeoutMs: number;
  /** A whole request (headers and body) must arrive within this time. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this time. */
  keepAliveTimeoutMs: number;
  /** Largest body of `POST /api/invoke` and of `POST /api/batch`. */
  maxInvokeBody: number;
  /** Largest file `POST /api/stage` takes. */
  maxStageBody: number;
  /** Open event streams at once. */
  maxEventStreams: number;
  /** A comment line keeps event streams (and proxies between) from idling out. */
  heartbeatMs: number;
}

/** The limits the host runs with unless a test asks for others. */
export const DEFAULT_LIMITS: HostLimits = {
  maxConnections: 256,
  maxIdleConnections: 64,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 300_000,
  keepAliveTimeoutMs: 5_000,
  // Dropped files are staged through /api/stage; calls themselves are small.
  maxInvokeBody: 16 * 1024 * 1024,
  maxStageBody: MAX_STAGED_BYTES,
  maxEventStreams: 16,
  heartbeatMs: 15_000,
};

/** What crossed the boundary: request body bytes per route (a dropped file should cross once). */
export interface HostStats {
  bytesIn: { invoke: number; stage: number };
}

/** Options for {@link startBrowserHost}. */
export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one is made otherwise. */
  token?: string;
  limits?: Partial<HostLimits>;
  log?: (message: string) => void;
}

/** A running browser host. */
export interface BrowserHost {
  port: number;
  token: string;
  /** The URL to open: the token rides in the fragment, which the browser never sends to any server. */
  url: string;
  /** What crossed the boundary so far. */
  readonly stats: HostStats;
  close(): Promise<void>;
}

/** Compares a presented token with the run's token in constant time, whatever their lengths. */
export function tokenMatches(presented: string, token: string): boolean {
  // Digests have equal lengths, so neither the comparison nor a length check leaks the token's length.
  const digest = (s: string): Buffer => crypto.createHash('sha256').update(s, 'utf8').digest();
  return crypto.timingSafeEqual(digest(presented), digest(token));
}

function baseHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'X-Frame-Options': 'DENY',
  };
}

function send(res: http.ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void {
  res.writeHead(status, { ...baseHeaders(), 'Content-Type': type, 'Cache-Control': 'no-store' });
  res.end(body);
}

/**
 * Answers a batch as lines `{ i, result }`, each written once its call is done. The calls start in
 * their order with a turn of the event loop between two, as separate messages would under Electron's
 * IPC: a write started before a read is queued before it, the answers already done go out while the
 * next call runs, and no other request waits for the whole batch. An answer that cannot be encoded is
 * answered INTERNAL on its own line; once the page has gone, no further call starts.
 */
async function answerBatch(
  res: http.ServerResponse,
  calls: unknown[],
  dispatch: (call: { channel?: unknown; input?: unknown } | null) => Promise<unknown>,
): Promise<void> {
  let gone = false;
  res.on('close', () => (gone = true));
  res.on('error', () => (gone = true));
  const write = async (line: string): Promise<void> => {
    if (gone || res.writableEnded) return;
    if (res.write(line)) return;
    await new Promise<void>((resolve) => {
      res.once('drain', resolve);
      res.once('close', resolve);
    });
  };
  const answered: Array<Promise<void>> = [];
  for (const [i, c] of calls.entries()) {
    if (gone) break;
    answered.push(
      dispatch(c as { channel?: unknown; input?: unknown } | null).then((result) => {
        let line: string;
        try {
          line = toWire({ i, result });
        } catch (err) {
          line = toWire({ i, result: { ok: false, error: { code: 'INTERNAL', message: `the answer could not be sent: ${(err as Error).message}` } } });
        }
        return write(`${line}\n`);
      }),
    );
    if (i < calls.length - 1) await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(answered);
  if (!gone) res.end();
}

/** Reads a request body of at most `max` bytes; null when it is larger (the rest is not read). */
async function readBody(req: http.IncomingMessage, max: number): Promise<string | null> {
  if (Number(req.headers['content-length'] ?? 0) > max) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Keeps at most `max` sockets without a request in flight: when one more connects, the oldest idle
 * one is closed, so idle or half-open connections can never crowd out a real call.
 */
function boundIdleSockets(server: http.Server, max: number): void {
  const inFlight = new Map<Socket, number>(); // insertion order: oldest first
  server.on('connection', (socket: Socket) => {
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
    let idle = 0;
    for (const n of inFlight.values()) if (n === 0) idle++;
    for (const [s, n] of inFlight) {
      if (idle <= max) break;
      if (n === 0 && s !== socket) {
        s.destroy();
        inFlight.delete(s);
        idle--;
      }
    }
  });
  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const socket = req.socket;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    res.once('close', () => {
      if (inFlight.has(socket)) inFlight.set(socket, Math.max(0, inFlight.get(socket)! - 1));
    });
  });
}

/**
 * Serves the built renderer on 127.0.0.1 and answers the IPC contract with the same handlers as the
 * Electron shell: `POST /api/invoke` for calls, `GET /api/events` (server-sent events) for events.
 * The renderer's files are public code and need no token; every `/api/` request needs the per-run
 * token as `Authorization: Bearer` (never a cookie: cookies are not isolated by port, so every other
 * server on 127.0.0.1 would receive one), a Host header naming this loopback port, and for calls a
 * same-origin Origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const limits: HostLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? (() => {});
  const rendererDir = path.resolve(options.rendererDir);
  const clients = new Set<http.ServerResponse>();
  const stats: HostStats = { bytesIn: { invoke: 0, stage: 0 } };
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  const dispatch = createDispatcher(handlers, options.core, (sender) => origins().includes(sender.url));

  const detach = options.core.events.attach((event, payload) => {
    const frame = `data: ${toWire({ event, payload })}\n\n`;
    for (const res of clients) res.write(frame);
  });
  const heartbeat = setInterval(() => {
    for (const res of clients) res.write(': ping\n\n');
  }, limits.heartbeatMs);
  heartbeat.unref();

  const authorized = (req: http.IncomingMessage): boolean => {
    const bearer = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    return bearer !== undefined && tokenMatches(bearer, token);
  };

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const host = req.headers.host ?? '';
    if (!allowedHosts().includes(host)) return send(res, 421, 'Misdirected request: unexpected Host header.');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', `http://${host}`);
    } catch {
      return send(res, 400, 'Bad request target');
    }
    if (url.host !== host) return send(res, 400, 'Bad request target');

    if (!url.pathname.startsWith('/api/')) {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      return serveStatic(rendererDir, req, url.pathname, res);
    }
    if (!authorized(req)) return send(res, 401, 'Breadth: open the URL that `npm run web` printed (it carries this run\'s token).');

    if (url.pathname === '/api/invoke' || url.pathname === '/api/batch') {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      const origin = req.headers.origin;
      // Browsers send Origin on every POST; a call without one comes from a tool holding the bearer token.
      const sender = origin ?? `http://${host}`;
      const body = await readBody(req, limits.maxInvokeBody);
      if (body !== null) stats.bytesIn.invoke += Buffer.byteLength(body);
      if (body === null) {
        res.setHeader('Connection', 'close');
        return send(res, 413, toWire({ ok: false, error: { code: 'INVALID_INPUT', message: `request body larger than ${limits.maxInvokeBody} bytes` } }), 'application/json');
      }
      let message: { channel?: unknown; input?: unknown; calls?: unknown };
      try {
        message = JSON.parse(body) as typeof message;
      } catch (err) {
        return send(res, 400, toWire({ ok: false, error: { code: 'INVALID_INPUT', message: `bad request body: ${(err as Error).message}` } }), 'application/json');
      }
      if (url.pathname === '/api/invoke') {
        const result = await dispatch(message?.channel, message?.input, { url: sender });
        return send(res, 200, toWire(result), 'application/json');
      }
      const calls = message?.calls;
      if (!Array.isArray(calls) || calls.length === 0 || calls.length > MAX_BATCH_CALLS) {
        return send(res, 400, toWire({ ok: false, error: { code: 'INVALID_INPUT', message: `calls: a batch holds 1 to ${MAX_BATCH_CALLS} calls` } }), 'application/json');
      }
      res.writeHead(200, { ...baseHeaders(), 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
      await answerBatch(res, calls as unknown[], (c) => dispatch(c?.channel, c?.input, { url: sender }));
      return undefined;
    }
    if (url.pathname === '/api/stage') {
      if (req.method !== 'POST') return send(res, 405, 'POST only');
      const origin = req.headers.origin;
      if (origin !== undefined && !origins().includes(origin)) return send(res, 403, 'Foreign origin');
      const name = url.searchParams.get('name') ?? '';
      if (!name || name.length > 255) {
        return send(res, 400, toWire({ ok: false, error: { code: 'INVALID_INPUT', message: 'stage: ?name= (1 to 255 characters) names the dropped file' } }), 'application/json');
      }
      // Streamed straight to the staged file: a 500 MB drop never sits in memory.
      req.on('data', (chunk: Buffer) => (stats.bytesIn.stage += chunk.length));
      try {
        const handle = await options.core.importFiles.stageStream(name, req, limits.maxStageBody);
        log(`staged ${handle.name}: ${handle.size} bytes`);
        return send(res, 200, toWire({ ok: true, data: handle }), 'application/json');
      } catch (err) {
        res.setHeader('Connection', 'close');
        const code = err instanceof DomainError ? err.code : 'INTERNAL';
        return send(res, code === 'INVALID_INPUT' ? 413 : 500, toWire({ ok: false, error: { code, message: (err as Error).message } }), 'application/json');
      }
    }
    if (url.pathname === '/api/stats') {
      if (req.method !== 'GET') return send(res, 405, 'GET only');
      return send(res, 200, JSON.stringify({ ...stats, staged: options.core.importFiles.stagedCount }), 'application/json');
    }
    if (url.pathname === '/api/events') {
      if (req.method !== 'GET') return send(res, 405, 'GET only');
      if (req.headers.origin !== undefined && !origins().includes(req.headers.origin)) return send(res, 403, 'Foreign origin');
      if (clients.size >= limits.maxEventStreams) return send(res, 503, 'Too many event streams');
      res.writeHead(200, {
        ...baseHeaders(),
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      });
      res.write(': connected\n\n');
      clients.add(res);
      res.on('close', () => clients.delete(res));
      return undefined;
    }
    return send(res, 404, 'Not found');
  };

  const server = http.createServer(
    {
      headersTimeout: limits.headersTimeoutMs,
      requestTimeout: limits.requestTimeoutMs,
      keepAliveTimeout: limits.keepAliveTimeoutMs,
      // How often Node enforces the two timeouts above (its default, 30 s, would let them overrun).
      connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
    },
    (req, res) => {
      handle(req, res).catch((err: unknown) => {
        log(`request failed: ${(err as Error).message}`);
        if (!res.headersSent) send(res, 500, 'Internal error');
        else res.end();
      });
    },
  );
  server.maxConnections = limits.maxConnections;
  boundIdleSockets(server, limits.maxIdleConnections);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/#token=${token}`,
    stats,
    close: async () => {
      detach();
      clearInterval(heartbeat);
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(root: string, req: http.IncomingMessage, pathname: string, res: http.ServerResponse): void {
  const file = servedFile(root, pathname);
  if ('refused' in file) return send(res, file.refused, file.refused === 400 ? 'Bad path' : file.refused === 403 ? 'Forbidden' : 'Not found');
  const headers = { ...baseHeaders(), 'Content-Type': file.type, 'Cache-Control': file.cacheControl, ETag: file.etag };
  if (req.headers['if-none-match'] === file.etag) {
    res.writeHead(304, headers);
    return void res.end();
  }
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : file.body);
}
