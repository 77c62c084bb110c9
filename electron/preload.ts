/**
 * Exposes exactly the typed API: one function per contract channel, each sending only its own
 * channel name. No ipcRenderer, no generic invoke, no Node. Bundled to one CommonJS file because
 * a sandboxed preload cannot load other local modules.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { channelNames, IPC_PREFIX, type CarefileApi } from '../shared/contract';

const api = Object.freeze(
  Object.fromEntries(
    channelNames.map((name) => [name, (input: unknown) => ipcRenderer.invoke(IPC_PREFIX + name, input ?? {})]),
  ),
) as CarefileApi;

contextBridge.exposeInMainWorld('carefile', api);
