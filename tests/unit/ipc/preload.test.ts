import { beforeEach, describe, expect, it, vi } from 'vitest';
import { channelNames, IPC_EVENT, IPC_INVOKE } from '../../../src/shared/contract/index';

const exposed: Record<string, unknown> = {};
const invoke = vi.fn(async () => ({ ok: true, data: 'x' }));
const listeners: Array<(e: unknown, m: unknown) => void> = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (_channel: string, l: (e: unknown, m: unknown) => void) => listeners.push(l),
    removeListener: (_channel: string, l: (e: unknown, m: unknown) => void) => listeners.splice(listeners.indexOf(l), 1),
  },
}));

describe('preload', () => {
  beforeEach(async () => {
    await import('../../../src/preload/index');
  });

  it('exposes exactly invoke and on as window.breadth', () => {
    expect(Object.keys(exposed)).toEqual(['breadth']);
    const api = exposed['breadth'] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual(['invoke', 'on']);
  });

  it('forwards every contract channel over the one invoke channel', async () => {
    const api = exposed['breadth'] as { invoke: (c: string, i: unknown) => Promise<unknown> };
    for (const channel of channelNames) {
      await api.invoke(channel, {});
      expect(invoke).toHaveBeenLastCalledWith(IPC_INVOKE, channel, {});
    }
  });

  it('refuses a channel outside the contract without reaching main', async () => {
    invoke.mockClear();
    const api = exposed['breadth'] as { invoke: (c: string, i: unknown) => Promise<unknown> };
    expect(await api.invoke('fs:readFile', { path: '/etc/passwd' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(invoke).not.toHaveBeenCalled();
  });

  it('delivers only the subscribed event and unsubscribes', () => {
    const api = exposed['breadth'] as { on: (e: string, l: (p: unknown) => void) => () => void };
    const got: unknown[] = [];
    const off = api.on('app:menuCommand', (p) => got.push(p));
    for (const l of [...listeners]) {
      l({}, { event: 'app:menuCommand', payload: { command: 'import-csv' } });
      l({}, { event: 'other:thing', payload: 1 });
    }
    expect(got).toEqual([{ command: 'import-csv' }]);
    off();
    expect(listeners).toHaveLength(0);
    expect(() => api.on('not:anEvent', () => {})).toThrow(/unknown event/);
    expect(IPC_EVENT).toBe('breadth:event');
  });
});
