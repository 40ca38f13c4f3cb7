/**
 * Exposes exactly the contract's client as `window.stratum`: one function per request (each bound
 * to its own channel), stream start/cancel, and a stream listener. No raw ipcRenderer, no
 * generic invoke.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channel, REQUEST_NAMES, type StratumBridge } from '../../shared/channels';

const request = Object.fromEntries(
  REQUEST_NAMES.map((name) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channel.request(name), input),
  ]),
) as StratumBridge['request'];

const bridge = {
  mode: 'electron',
  request,
  startStream: (name, streamId, input) =>
    ipcRenderer.invoke(channel.streamStart, name, streamId, input),
  cancelStream: (streamId) => ipcRenderer.send(channel.streamCancel, streamId),
  onStreamMessage: (listener) => {
    const wrapped = (_event: IpcRendererEvent, message: unknown) => listener(message);
    ipcRenderer.on(channel.streamMessage, wrapped);
    return () => {
      ipcRenderer.off(channel.streamMessage, wrapped);
    };
  },
} satisfies StratumBridge;

contextBridge.exposeInMainWorld('stratum', bridge);
