import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { toWire } from '../../shared/wire';
import type { Core } from '../core';
import { createDispatcher } from '../ipc/handle';
import { handlers } from '../ipc/handlers';

/** The strict policy the renderer runs under (same as the meta tag of index.html, plus frame-ancestors). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const COOKIE = 'breadth_token';
const MAX_BODY = 256 * 1024 * 1024;

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Options for {@link startBrowserHost}. */
export interface BrowserHostOptions {
  core: Core;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port?: number;
  /** Fixed token (tests); a random one is made otherwise. */
  token?: string;
  log?: (message: string) => void;
}

/** A running browser host. */
export interface BrowserHost {
  port: number;
  token: string;
  /** The URL to open: it carries the token once, which the host swaps for a cookie. */
  url: string;
  close(): Promise<void>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

function cookieToken(req: http.IncomingMessage): string | null {
  const header = req.headers.cookie ?? '';
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
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

async function readBody(req: http.IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Serves the built renderer on 127.0.0.1 and answers the IPC contract with the same handlers as the
 * Electron shell: `POST /api/invoke` for calls, `GET /api/events` (server-sent events) for events.
 * Every request needs the per-run token (cookie after the first visit, or `Authorization: Bearer`), a
 * Host header naming this loopback port, and for calls a same-origin Origin.
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const token = options.token ?? crypto.randomBytes(24).toString('base64url');
  const log = options.log ?? (() => {});
  const rendererDir = path.resolve(options.rendererDir);
  const clients = new Set<http.ServerResponse>();
  let port = 0;

  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const origins = (): string[] => allowedHosts().map((h) => `http://${h}`);

  const dispatch = createDispatcher(handlers, options.core, (sender) => origins().includes(sender.url));

  const detach = options.core.events.attach((event, payload) => {
    const frame = `data: ${toWire({ event, payload })}\n\n`;
    for (const res of clients) res.write(frame);
  });

  const authorized = (req: http.IncomingMessage): boolean => {
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const presented = bearer ?? cookieToken(req);
    return presented !== null && safeEqual(presented, token);
  };

  const server = http.createServer((req, res) => {
    void (async () => {
      const host = req.headers.host ?? '';
      if (!allowedHosts().includes(host)) return send(res, 421, 'Misdirected request: unexpected Host header.');
      const url = new URL(req.url ?? '/', `http://${host}`);

      // First visit: trade the token in the URL for an HttpOnly cookie, then drop it from the address bar.
      const presented = url.searchParams.get('token');
      if (presented !== null && req.method === 'GET' && url.pathname === '/') {
        if (!safeEqual(presented, token)) return send(res, 403, 'Wrong token: open the URL that `npm run web` printed.');
        res.writeHead(303, {
          ...baseHeaders(),
          'Set-Cookie': `${COOKIE}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
          Location: '/',
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      if (!authorized(req)) return send(res, 401, 'Breadth: open the URL that `npm run web` printed (it carries this run\'s token).');

      if (url.pathname === '/api/invoke') {
        if (req.method !== 'POST') return send(res, 405, 'POST only');
        const origin = req.headers.origin;
        // Browsers send Origin on every POST; a call without one comes from a tool holding the bearer token.
        const sender = origin ?? `http://${host}`;
        let message: { channel?: unknown; input?: unknown };
        try {
          message = JSON.parse(await readBody(req)) as typeof message;
        } catch (err) {
          return send(res, 400, toWire({ ok: false, error: { code: 'INVALID_INPUT', message: `bad request body: ${(err as Error).message}` } }), 'application/json');
        }
        const result = await dispatch(message?.channel, message?.input, { url: sender });
        return send(res, 200, toWire(result), 'application/json');
      }
      if (url.pathname === '/api/events') {
        res.writeHead(200, {
          ...baseHeaders(),
          'Content-Type': 'text/event-stream',
          'Cache-Control': 'no-store',
          Connection: 'keep-alive',
        });
        res.write(': connected\n\n');
        clients.add(res);
        req.on('close', () => clients.delete(res));
        return undefined;
      }
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed');
      return serveStatic(rendererDir, url.pathname, res);
    })().catch((err: unknown) => {
      log(`request failed: ${(err as Error).message}`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: async () => {
      detach();
      for (const res of clients) res.end();
      clients.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function serveStatic(root: string, pathname: string, res: http.ServerResponse): void {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return send(res, 400, 'Bad path');
  }
  if (rel === '/' || rel === '') rel = '/index.html';
  const file = path.resolve(root, '.' + rel);
  if (!file.startsWith(root + path.sep)) return send(res, 403, 'Forbidden');
  fs.readFile(file, (err, data) => {
    if (err) return send(res, 404, 'Not found');
    res.writeHead(200, {
      ...baseHeaders(),
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    res.end(data);
  });
}
