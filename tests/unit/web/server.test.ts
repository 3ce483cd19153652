import fs from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, startBrowserHost, tokenMatches, type BrowserHost } from '../../../src/main/web/server';
import type { Core } from '../../../src/main/core';
import { fromWire } from '../../../src/shared/wire';
import { freshCore, insertBars } from '../../helpers/core';

/** A raw request on its own connection, so that Host and Origin can be set freely (fetch forbids changing Host). */
function request(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, agent: false, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('browser host', () => {
  let core: Core;
  let cleanup: () => void;
  let host: BrowserHost;
  let rendererDir: string;

  beforeEach(async () => {
    ({ core, cleanup } = freshCore('browser'));
    rendererDir = path.join(path.dirname(core.archivePath), 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Breadth</title>');
    fs.writeFileSync(path.join(path.dirname(core.archivePath), 'secret.txt'), 'do not serve');
    host = await startBrowserHost({ core, rendererDir });
  });
  afterEach(async () => {
    await host.close();
    cleanup();
  });

  const auth = (): Record<string, string> => ({ Authorization: `Bearer ${host.token}` });
  const invoke = (body: unknown, headers: Record<string, string> = auth()) =>
    request(host.port, { method: 'POST', path: '/api/invoke', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });

  it('listens on 127.0.0.1 only, with a random token per run carried in the URL fragment', async () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/#token=[A-Za-z0-9_-]{32}$`));
    const other = await startBrowserHost({ core, rendererDir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('serves the public renderer code without the token, but no call or event without it', async () => {
    const page = await request(host.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Breadth</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    expect((await invoke({ channel: 'archive:info', input: {} }, {})).status).toBe(401);
    expect((await invoke({ channel: 'archive:info', input: {} }, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await request(host.port, { path: '/api/events' })).status).toBe(401);
    expect((await request(host.port, { path: '/api/nothing' })).status).toBe(401);
    expect((await request(host.port, { path: '/api/nothing', headers: auth() })).status).toBe(404);
  });

  it('refuses a wrong token of the right length, and a token sent anywhere but the Authorization header', async () => {
    const wrong = host.token.slice(0, -1) + (host.token.endsWith('A') ? 'B' : 'A');
    expect(wrong).toHaveLength(host.token.length);
    expect((await invoke({ channel: 'archive:info', input: {} }, { Authorization: `Bearer ${wrong}` })).status).toBe(401);
    expect((await invoke({ channel: 'archive:info', input: {} }, { Cookie: `breadth_token=${host.token}` })).status).toBe(401);
    const inQuery = await request(host.port, { method: 'POST', path: `/api/invoke?token=${host.token}`, body: '{}' });
    expect(inQuery.status).toBe(401);
    expect(tokenMatches(host.token, host.token)).toBe(true);
    expect(tokenMatches(wrong, host.token)).toBe(false);
    expect(tokenMatches(host.token + 'x', host.token)).toBe(false);
    expect(tokenMatches('', host.token)).toBe(false);
  });

  it('never sets a cookie', async () => {
    for (const p of ['/', `/?token=${host.token}`, '/index.html']) {
      expect((await request(host.port, { path: p })).headers['set-cookie'], p).toBeUndefined();
    }
    expect((await invoke({ channel: 'archive:info', input: {} })).headers['set-cookie']).toBeUndefined();
  });

  it('answers a malformed %-escape in the cookie with 401, not 500', async () => {
    const res = await invoke({ channel: 'archive:info', input: {} }, { Cookie: 'breadth_token=%E0%A4%A' });
    expect(res.status).toBe(401);
    const withToken = await invoke({ channel: 'archive:info', input: {} }, { ...auth(), Cookie: 'breadth_token=%E0%A4%A' });
    expect(fromWire(withToken.body)).toMatchObject({ ok: true });
  });

  it('answers a NUL or a malformed escape in the path with 400, not 500', async () => {
    for (const p of ['/%00', '/index.html%00.png', '/assets/%00/x.js', '/%E0%A4%A']) {
      for (const headers of [{}, auth()]) {
        const res = await request(host.port, { path: p, headers });
        expect(res.status, p).toBe(400);
      }
    }
    // A raw NUL never reaches the handler: Node's parser answers 400 itself, and the host stays up.
    const raw = await new Promise<string>((resolve, reject) => {
      const s = net.connect(host.port, '127.0.0.1', () => s.write(`GET /\0 HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`));
      let got = '';
      s.on('data', (d) => (got += d.toString()));
      s.on('close', () => resolve(got));
      s.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400/);
    expect(fromWire((await invoke({ channel: 'archive:info', input: {} })).body)).toMatchObject({ ok: true });
  });

  it('opens the event stream for GET only', async () => {
    for (const method of ['POST', 'PUT', 'DELETE']) {
      const res = await request(host.port, { method, path: '/api/events', headers: auth(), body: 'x' });
      expect(res.status, method).toBe(405);
    }
    const foreign = await request(host.port, { path: '/api/events', headers: { ...auth(), Origin: 'http://127.0.0.1:1' } });
    expect(foreign.status).toBe(403);
  });

  it('bounds the number of open event streams', async () => {
    const few = await startBrowserHost({ core, rendererDir, limits: { maxEventStreams: 2 } });
    const open: http.ClientRequest[] = [];
    const stream = () =>
      new Promise<number>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port: few.port, agent: false, path: '/api/events', headers: { Authorization: `Bearer ${few.token}` } }, (res) => {
          resolve(res.statusCode ?? 0);
          res.resume();
        });
        req.on('error', reject);
        open.push(req);
      });
    try {
      expect([await stream(), await stream(), await stream()]).toEqual([200, 200, 503]);
    } finally {
      for (const r of open) r.destroy();
      await few.close();
    }
  });

  it('bounds request bodies: 413, whether the size is declared or streamed', async () => {
    const small = await startBrowserHost({ core, rendererDir, limits: { maxInvokeBody: 1024 } });
    try {
      const body = JSON.stringify({ channel: 'archive:info', input: {}, pad: 'x'.repeat(2048) });
      const declared = await request(small.port, {
        method: 'POST',
        path: '/api/invoke',
        headers: { Authorization: `Bearer ${small.token}`, 'Content-Length': String(Buffer.byteLength(body)) },
        body,
      });
      expect(declared.status).toBe(413);
      expect(fromWire(declared.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
      const streamed = await request(small.port, {
        method: 'POST',
        path: '/api/invoke',
        headers: { Authorization: `Bearer ${small.token}`, 'Transfer-Encoding': 'chunked' },
        body,
      });
      expect(streamed.status).toBe(413);
      const fits = await request(small.port, { method: 'POST', path: '/api/invoke', headers: { Authorization: `Bearer ${small.token}` }, body: JSON.stringify({ channel: 'archive:info', input: {} }) });
      expect(fromWire(fits.body)).toMatchObject({ ok: true });
    } finally {
      await small.close();
    }
  });

  it('closes idle connections: 200 idle sockets do not starve a valid call', async () => {
    const sockets = await Promise.all(
      Array.from({ length: 200 }, () => new Promise<net.Socket>((resolve, reject) => {
        const s = net.connect(host.port, '127.0.0.1', () => resolve(s));
        s.on('error', reject);
      })),
    );
    let closed = 0;
    for (const s of sockets) {
      s.resume();
      s.on('close', () => closed++);
    }
    try {
      // The host keeps only DEFAULT_LIMITS.maxIdleConnections idle sockets: the oldest others are closed.
      await expect.poll(() => closed, { timeout: 5_000 }).toBeGreaterThanOrEqual(200 - DEFAULT_LIMITS.maxIdleConnections);
      const res = await invoke({ channel: 'archive:info', input: {} });
      expect(fromWire(res.body)).toMatchObject({ ok: true });
    } finally {
      for (const s of sockets) s.destroy();
    }
  });

  it('closes a connection that sends nothing, and an idle keep-alive one, after their timeouts', async () => {
    const quick = await startBrowserHost({ core, rendererDir, limits: { headersTimeoutMs: 300, keepAliveTimeoutMs: 300 } });
    try {
      const silent = net.connect(quick.port, '127.0.0.1');
      silent.resume();
      const keepAlive = net.connect(quick.port, '127.0.0.1', () =>
        keepAlive.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${quick.port}\r\nConnection: keep-alive\r\n\r\n`),
      );
      let answer = '';
      keepAlive.on('data', (d) => (answer += d.toString()));
      await Promise.all([once(silent, 'close'), once(keepAlive, 'close')]);
      expect(answer).toMatch(/^HTTP\/1\.1 200/);
    } finally {
      await quick.close();
    }
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await request(host.port, { path: '/', headers: { ...auth(), Host: 'attacker.example:80' } });
    expect(rebinding.status).toBe(421);
    const csrf = await invoke({ channel: 'archive:info', input: {} }, { ...auth(), Origin: 'https://attacker.example' });
    expect(fromWire(csrf.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const same = await invoke({ channel: 'archive:info', input: {} }, { ...auth(), Origin: `http://127.0.0.1:${host.port}` });
    expect(fromWire(same.body)).toMatchObject({ ok: true });
  });

  describe('a batch of calls', () => {
    const batch = (calls: unknown[], headers: Record<string, string> = auth()) =>
      request(host.port, { method: 'POST', path: '/api/batch', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify({ calls }) });
    const lines = (body: string) => body.trimEnd().split('\n').map((l) => fromWire<{ i: number; result: { ok: boolean; data?: unknown; error?: { code: string } } }>(l));

    it('runs its calls in their order: a read after a write sees the write', async () => {
      const res = await batch([
        { channel: 'watchlists:create', input: { name: 'Batch', tickers: ['SPY'] } },
        { channel: 'watchlists:list', input: {} },
      ]);
      expect(res.status).toBe(200);
      const answers = lines(res.body).sort((a, b) => a.i - b.i);
      expect(answers.map((a) => a.result.ok)).toEqual([true, true]);
      expect((answers[1]!.result.data as Array<{ name: string }>).map((w) => w.name)).toContain('Batch');
    });

    it('refuses each call of a foreign page, and a body over the limit, as a single call would be', async () => {
      const foreign = await batch([{ channel: 'archive:info', input: {} }, { channel: 'app:info', input: {} }], { ...auth(), Origin: 'https://attacker.example' });
      expect(lines(foreign.body).map((a) => a.result.error?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN']);
      const small = await startBrowserHost({ core, rendererDir, limits: { ...DEFAULT_LIMITS, maxInvokeBody: 64 } });
      try {
        const big = await request(small.port, {
          method: 'POST',
          path: '/api/batch',
          headers: { Host: `127.0.0.1:${small.port}`, 'Content-Type': 'application/json', Authorization: `Bearer ${small.token}` },
          body: JSON.stringify({ calls: [{ channel: 'watchlists:create', input: { name: 'x'.repeat(100) } }] }),
        });
        expect(big.status).toBe(413);
        expect(fromWire(big.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', message: 'request body larger than 64 bytes' } });
      } finally {
        await small.close();
      }
    });
  });

  it('answers the contract with the same handlers, typed arrays intact', async () => {
    insertBars(core, 'IWM', [
      ['2026-01-08', 259.1, 261.0, 258.2, 260.5, null, 35_000_000],
      ['2026-01-09', 260.6, 262.3, 259.9, 262.05, null, null],
    ]);
    const res = await invoke({ channel: 'archive:bars', input: { ticker: 'IWM' } });
    const r = fromWire<{ ok: true; data: { close: Float64Array; volume: Float64Array; dates: string[] } }>(res.body);
    expect(r.ok).toBe(true);
    expect(r.data.close).toBeInstanceOf(Float64Array);
    expect(Array.from(r.data.close)).toEqual([260.5, 262.05]);
    expect(Number.isNaN(r.data.volume[1])).toBe(true);
    const bad = await invoke({ channel: 'archive:bars', input: { ticker: 'IWM', to: 'tomorrow' } });
    expect(fromWire(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const garbage = await request(host.port, { method: 'POST', path: '/api/invoke', headers: auth(), body: '{not json' });
    expect(garbage.status).toBe(400);
  });

  it('streams core events to subscribers over server-sent events', async () => {
    const received = await new Promise<string>((resolve, reject) => {
      const req = http.get({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: auth() }, (res) => {
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          buf += chunk;
          if (buf.includes(': connected')) core.events.emit('app:menuCommand', { command: 'import-csv' });
          const m = /data: (.*)\n\n/.exec(buf);
          if (m) {
            req.destroy();
            resolve(m[1]!);
          }
        });
      });
      req.on('error', reject);
    });
    expect(fromWire(received)).toEqual({ event: 'app:menuCommand', payload: { command: 'import-csv' } });
  });

  it('serves only files inside the renderer folder', async () => {
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
      const res = await request(host.port, { path: p, headers: auth() });
      expect(res.status, p).not.toBe(200);
      expect(res.body).not.toContain('do not serve');
    }
  });

  it('answers the page and its code from memory, cached as Vite names them, and picks up a rebuild', async () => {
    fs.mkdirSync(path.join(rendererDir, 'assets'));
    fs.writeFileSync(path.join(rendererDir, 'assets', 'boot-CO1-AQk9.js'), 'export {};');
    const page = await request(host.port, { path: '/' });
    expect(page.status).toBe(200);
    // The page is asked again on every load (it names this build's code); a hashed file never changes under its name.
    expect(page.headers['cache-control']).toBe('no-cache');
    const code = await request(host.port, { path: '/assets/boot-CO1-AQk9.js' });
    expect([code.status, code.headers['content-type'], code.body]).toEqual([200, 'text/javascript; charset=utf-8', 'export {};']);
    expect(code.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(code.headers['content-security-policy']).toContain("script-src 'self'");

    const etag = page.headers.etag!;
    const again = await request(host.port, { path: '/', headers: { 'If-None-Match': etag } });
    expect([again.status, again.body]).toEqual([304, '']);
    // A rebuild while the host runs: the new page, under a new validator.
    fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>Breadth, rebuilt</title>');
    fs.utimesSync(path.join(rendererDir, 'index.html'), new Date(), new Date(Date.now() + 5_000));
    const rebuilt = await request(host.port, { path: '/', headers: { 'If-None-Match': etag } });
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toContain('rebuilt');
    expect(rebuilt.headers.etag).not.toBe(etag);
    expect((await request(host.port, { path: '/assets/missing-AAAAAAAA.js' })).status).toBe(404);
    expect((await request(host.port, { path: '/assets' })).status).toBe(404);
    const head = await request(host.port, { method: 'HEAD', path: '/' });
    expect([head.status, head.body]).toEqual([200, '']);
  });
});
