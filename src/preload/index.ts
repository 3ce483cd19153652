/**
 * The bridge between the sandboxed renderer and main: exposes exactly the contract's `invoke` and `on`
 * as `window.breadth`, and nothing of ipcRenderer.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelNames, eventNames, IPC_EVENT, IPC_INVOKE } from '../shared/contract/index';
import type { BreadthBridge } from '../shared/bridge';
import type { Result } from '../shared/domain';

const channels = new Set<string>(channelNames);
const eventSet = new Set<string>(eventNames);

const bridge: BreadthBridge = {
  invoke: (channel, input) => {
    if (!channels.has(channel)) {
      const refused: Result<never> = {
        ok: false,
        error: { code: 'INVALID_INPUT', message: `unknown channel ${String(channel)}` },
      };
      return Promise.resolve(refused);
    }
    return ipcRenderer.invoke(IPC_INVOKE, channel, input);
  },
  on: (event, listener) => {
    if (!eventSet.has(event)) throw new Error(`unknown event ${String(event)}`);
    const wrapped = (_e: IpcRendererEvent, message: { event: string; payload: unknown }): void => {
      if (message?.event === event) listener(message.payload as never);
    };
    ipcRenderer.on(IPC_EVENT, wrapped);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, wrapped);
    };
  },
};

contextBridge.exposeInMainWorld('breadth', bridge);
