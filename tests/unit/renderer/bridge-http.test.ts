import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/main/core';
import { startBrowserHost, type BrowserHost } from '../../../src/main/web/server';
import { adoptToken, createHttpBridge, takeEventData } from '../../../src/renderer/src/lib/bridge-http';
import { freshCore } from '../../helpers/core';

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

  it('splits event frames, keeping an unfinished one for the next chunk', () => {
    expect(takeEventData(': connected\n\ndata: {"a":1}\n\ndata: {"b"')).toEqual({ data: ['{"a":1}'], rest: 'data: {"b"' });
    expect(takeEventData(': ping\n\n')).toEqual({ data: [], rest: '' });
  });
});
