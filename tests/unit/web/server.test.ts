import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../src/main/web/server';
import type { Core } from '../../../src/main/core';
import { fromWire } from '../../../src/shared/wire';
import { freshCore, insertBars } from '../../helpers/core';

/** A raw request, so that Host and Origin can be set freely (fetch forbids changing Host). */
function request(
  port: number,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path ?? '/', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } },
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

  it('listens on 127.0.0.1 only, with a random token per run', async () => {
    expect(host.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${host.port}/\\?token=[A-Za-z0-9_-]{32}$`));
    const other = await startBrowserHost({ core, rendererDir });
    expect(other.token).not.toBe(host.token);
    await other.close();
  });

  it('requires the token for pages and calls', async () => {
    expect((await request(host.port, { path: '/' })).status).toBe(401);
    expect((await invoke({ channel: 'archive:info', input: {} }, {})).status).toBe(401);
    expect((await invoke({ channel: 'archive:info', input: {} }, { Authorization: 'Bearer wrong' })).status).toBe(401);
    expect((await request(host.port, { path: '/?token=wrong' })).status).toBe(403);
  });

  it('trades the token in the URL for an HttpOnly SameSite cookie that then opens the page', async () => {
    const first = await request(host.port, { path: `/?token=${host.token}` });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host.port, { path: '/', headers: { Cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Breadth</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
  });

  it('refuses a foreign Host header (DNS rebinding) and a foreign Origin', async () => {
    const rebinding = await request(host.port, { path: '/', headers: { ...auth(), Host: 'attacker.example:80' } });
    expect(rebinding.status).toBe(421);
    const csrf = await invoke({ channel: 'archive:info', input: {} }, { ...auth(), Origin: 'https://attacker.example' });
    expect(fromWire(csrf.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const same = await invoke({ channel: 'archive:info', input: {} }, { ...auth(), Origin: `http://127.0.0.1:${host.port}` });
    expect(fromWire(same.body)).toMatchObject({ ok: true });
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
});
