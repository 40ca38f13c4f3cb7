/**
 * Binds the contract to ipcMain. Every message is checked to come from the app's own top-level
 * frame before it reaches a handler; inputs are validated by the dispatcher.
 */
import { ipcMain, type IpcMainEvent, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { channel, requestNames, type StreamMessage } from '../../shared/contract';
import { err } from '../../shared/result';
import { dispatchRequest, StreamHub } from './dispatch';
import type { Backend } from './handlers';
import { isInternalUrl } from './urls';

export function isTrustedSender(
  event: IpcMainEvent | IpcMainInvokeEvent,
  devServerUrl: string | null,
): boolean {
  const frame = event.senderFrame;
  if (!frame) return false;
  return frame === event.sender.mainFrame && isInternalUrl(frame.url, devServerUrl);
}

const untrusted = () =>
  err({ code: 'unauthorized', message: 'This request did not come from the Stratum window.' });

export function bindIpc(backend: Backend, devServerUrl: string | null): () => void {
  const hub = new StreamHub(backend.streams);
  const watched = new WeakSet<WebContents>();

  for (const name of requestNames) {
    ipcMain.handle(channel.request(name), (event, input: unknown) =>
      isTrustedSender(event, devServerUrl)
        ? dispatchRequest(backend.requests, name, input)
        : untrusted(),
    );
  }

  ipcMain.handle(channel.streamStart, (event, name: unknown, streamId: unknown, input: unknown) => {
    if (!isTrustedSender(event, devServerUrl)) return untrusted();
    const sender = event.sender;
    const owner = `webContents:${sender.id}`;
    if (!watched.has(sender)) {
      watched.add(sender);
      sender.once('destroyed', () => hub.cancelOwner(owner));
    }
    const send = (message: StreamMessage) => {
      if (!sender.isDestroyed()) sender.send(channel.streamMessage, message);
    };
    return hub.start(owner, String(name), streamId, input, send);
  });

  ipcMain.on(channel.streamCancel, (event, streamId: unknown) => {
    if (isTrustedSender(event, devServerUrl) && typeof streamId === 'string') {
      hub.cancel(`webContents:${event.sender.id}`, streamId);
    }
  });

  return () => {
    for (const name of requestNames) ipcMain.removeHandler(channel.request(name));
    ipcMain.removeHandler(channel.streamStart);
    ipcMain.removeAllListeners(channel.streamCancel);
  };
}
