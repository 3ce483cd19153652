import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BATCH_CALLS } from '../../../src/shared/bridge';
import type { Core } from '../../../src/main/core';
import { startBrowserHost, type BrowserHost } from '../../../src/main/web/server';
import { adoptToken, createHttpBridge, lineSplitter, takeEventData } from '../../../src/renderer/src/lib/bridge-http';
import { toWire } from '../../../src/shared/wire';
import { freshCore, insertBars } from '../../helpers/core';

describe("the browser host's bridge", () => {
  let core: Core;
  let cleanup: () => void;
  let host: BrowserHost;

  beforeEach(async () => {
    ({ core, cleanup } = freshCore('browser'));
    const rendererDir = path.join(path.dirname(core.archivePath), 'renderer');
    fs.mkdirSync(rendererDir);
    host = await startBrowserHost({ core, rendererDir });
  });
  afterEach(async () => {
    await host.close();
    cleanup();
  });

  it('calls with the token as a bearer header, and is refused without it', async () => {
    const bridge = createHttpBridge(host.token, `http://127.0.0.1:${host.port}`);
    expect(await bridge.invoke('archive:info', {})).toMatchObject({ ok: true, data: { schemaVersion: expect.any(Number) } });
    const stranger = createHttpBridge(host.token.replace(/./, (c) => (c === 'a' ? 'b' : 'a')), `http://127.0.0.1:${host.port}`);
    expect(await stranger.invoke('archive:info', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('sends the calls made in one task as one request and answers each, a lone call alone', async () => {
    insertBars(core, 'SPY', [
      ['2021-01-04', 375.31, 375.45, 364.82, 368.79, 353.2, 110_210_800],
      ['2021-01-05', 368.1, 372.5, 368.05, 371.33, 355.63, 66_426_200],
    ]);
    const sent: string[] = [];
    const realFetch = globalThis.fetch;
    const spy = vi.spyOn(globalThis, 'fetch').mockImplementation((url, init) => {
      sent.push(new URL(String(url)).pathname);
      return realFetch(url, init);
    });
    try {
      const bridge = createHttpBridge(host.token, `http://127.0.0.1:${host.port}`);
      const [info, bars, unknown] = await Promise.all([
        bridge.invoke('archive:info', {}),
        bridge.invoke('archive:bars', { ticker: 'SPY', basis: 'as-traded' }),
        bridge.invoke('no:such' as never, {} as never),
      ]);
      expect(sent).toEqual(['/api/batch']);
      expect(info).toMatchObject({ ok: true, data: { tickers: 1, bars: 2 } });
      // The columns travel as typed arrays through the batch's lines too.
      const data = (bars as { ok: true; data: { close: Float64Array } }).data;
      expect(data.close).toBeInstanceOf(Float64Array);
      expect([...data.close]).toEqual([368.79, 371.33]);
      // A refused call is refused alone; the others in its batch are answered.
      expect(unknown).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });

      expect(await bridge.invoke('archive:info', {})).toMatchObject({ ok: true });
      expect(sent).toEqual(['/api/batch', '/api/invoke']);

      // A call with a large body goes alone, whatever else its task asks.
      sent.length = 0;
      const tickers = Array.from({ length: 3_000 }, (_, i) => `T${i}`);
      const [big, small] = await Promise.all([bridge.invoke('watchlists:create', { name: 'Big', tickers }), bridge.invoke('archive:info', {})]);
      expect(big).toMatchObject({ ok: true, data: { name: 'Big' } });
      expect(small).toMatchObject({ ok: true });
      expect(sent).toEqual(['/api/invoke', '/api/invoke']);

      // More calls than a batch holds leave in several.
      sent.length = 0;
      const many = await Promise.all(Array.from({ length: MAX_BATCH_CALLS + 1 }, () => bridge.invoke('archive:info', {})));
      expect(many.every((r) => r.ok)).toBe(true);
      expect(sent).toEqual(['/api/batch', '/api/invoke']);
    } finally {
      spy.mockRestore();
    }
  });

  it('refuses a batch without the token, an empty one and one too large, with the reason', async () => {
    const post = (body: unknown, token = host.token) =>
      fetch(`http://127.0.0.1:${host.port}/api/batch`, { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    expect((await post({ calls: [{ channel: 'archive:info', input: {} }] }, 'wrong')).status).toBe(401);
    for (const calls of [[], Array.from({ length: MAX_BATCH_CALLS + 1 }, () => ({ channel: 'archive:info', input: {} })), 'archive:info']) {
      const res = await post({ calls });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: `calls: a batch holds 1 to ${MAX_BATCH_CALLS} calls` } });
    }
    const res = await post({ calls: [{ channel: 'archive:info', input: {} }, null] });
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    const lines = (await res.text()).trimEnd().split('\n').map((l) => JSON.parse(l) as { i: number; result: { ok: boolean } });
    expect(lines.map((l) => [l.i, l.result.ok]).sort()).toEqual([
      [0, true],
      [1, false],
    ]);
  });

  it('reads events from the stream with fetch, carrying the token', async () => {
    const bridge = createHttpBridge(host.token, `http://127.0.0.1:${host.port}`);
    const received: unknown[] = [];
    bridge.on('app:menuCommand', (p) => received.push(p));
    // The stream connects asynchronously: emit until the first event arrives.
    await expect
      .poll(() => {
        if (received.length === 0) core.events.emit('app:menuCommand', { command: 'export-pdf' });
        return received.length;
      })
      .toBeGreaterThan(0);
    expect(received[0]).toEqual({ command: 'export-pdf' });
  });
});

describe('the token in the page', () => {
  const place = (hash: string, stored: Record<string, string> = {}) => {
    const calls: string[] = [];
    return {
      calls,
      stored,
      place: {
        location: { hash, pathname: '/', search: '' },
        storage: { getItem: (k: string) => stored[k] ?? null, setItem: (k: string, v: string) => void (stored[k] = v) },
        history: { state: null, replaceState: (_s: unknown, _t: string, url?: string | URL | null) => void calls.push(String(url)) },
      },
    };
  };

  it('moves from the URL fragment to sessionStorage and leaves the address bar', () => {
    const p = place('#token=abc_DEF-123');
    expect(adoptToken(p.place)).toBe('abc_DEF-123');
    expect(p.stored).toEqual({ 'breadth.token': 'abc_DEF-123' });
    expect(p.calls).toEqual(['/']);
  });

  it('is taken from storage after a reload, and absent when the page was opened without it', () => {
    const reloaded = place('', { 'breadth.token': 'kept' });
    expect(adoptToken(reloaded.place)).toBe('kept');
    expect(reloaded.calls).toEqual([]);
    expect(adoptToken(place('#other=1').place)).toBeNull();
  });

  it("splits a batch's answer into lines, whatever the chunks", () => {
    const lines: string[] = [];
    const split = lineSplitter((l) => lines.push(l));
    for (const chunk of ['{"i":0}\n{"i":', '1,"x":"', 'long"}', '\n{"i":2}\n', '{"i":3}\n']) split(chunk);
    expect(lines).toEqual(['{"i":0}', '{"i":1,"x":"long"}', '{"i":2}', '{"i":3}']);
  });

  it('splits event frames, keeping an unfinished one for the next chunk', () => {
    expect(takeEventData(': connected\n\ndata: {"a":1}\n\ndata: {"b"')).toEqual({ data: ['{"a":1}'], rest: 'data: {"b"' });
    expect(takeEventData(': ping\n\n')).toEqual({ data: [], rest: '' });
  });
});

describe('a batch the host stops answering midway', () => {
  it('answers the calls it got and says the others were cut off', async () => {
    // A host that answers the first call of the batch and then closes the stream.
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
      res.end(`${toWire({ i: 0, result: { ok: true, data: 'first' } })}\n`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const bridge = createHttpBridge('t', `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
      const [a, b] = await Promise.all([bridge.invoke('archive:info', {}), bridge.invoke('app:info', {})]);
      expect(a).toEqual({ ok: true, data: 'first' });
      expect(b).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: expect.stringContaining('its answer ended early') } });
    } finally {
      server.close();
    }
  });
});
