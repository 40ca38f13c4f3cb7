/**
 * The Electron IPC binding, with a mocked `electron` module: every contract request is bound,
 * nothing else is, and messages from anything but the app's own top frame are refused.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_NAMES, channel } from '../../shared/channels';
import type { Backend } from '../../electron/main/handlers';
import { DEFAULT_SETTINGS } from '../../shared/settings';

type Listener = (event: unknown, ...args: unknown[]) => unknown;
const ipc = vi.hoisted(() => ({
  handlers: new Map<string, Listener>(),
  listeners: new Map<string, Listener>(),
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (name: string, fn: Listener) => ipc.handlers.set(name, fn),
    on: (name: string, fn: Listener) => ipc.listeners.set(name, fn),
    removeHandler: (name: string) => ipc.handlers.delete(name),
    removeAllListeners: (name: string) => ipc.listeners.delete(name),
  },
}));

const { bindIpc } = await import('../../electron/main/ipc');

let settingsCalls = 0;
const backend = {
  requests: {
    getSettings: async () => {
      settingsCalls++;
      return { settings: DEFAULT_SETTINGS, path: '/p', notice: null };
    },
  },
  streams: {
    converseStream: async (_input: unknown, emit: (e: unknown) => void) => {
      emit({ type: 'delta', text: 'hi' });
    },
  },
  dispose: () => undefined,
} as unknown as Backend;

function fakeEvent(url: string, topFrame = true) {
  const sent: unknown[] = [];
  const mainFrame = { url };
  const sender = {
    id: 7,
    mainFrame,
    isDestroyed: () => false,
    send: (_channel: string, message: unknown) => sent.push(message),
    once: () => undefined,
  };
  return { event: { sender, senderFrame: topFrame ? mainFrame : { url } }, sent };
}

describe('bindIpc', () => {
  beforeEach(() => {
    ipc.handlers.clear();
    ipc.listeners.clear();
    settingsCalls = 0;
  });

  it('binds exactly the contract: one channel per request, plus stream start and cancel', () => {
    bindIpc(backend, null);
    expect([...ipc.handlers.keys()].sort()).toEqual(
      [...REQUEST_NAMES.map((n) => channel.request(n)), channel.streamStart].sort(),
    );
    expect([...ipc.listeners.keys()]).toEqual([channel.streamCancel]);
  });

  it('answers the app’s own frame', async () => {
    bindIpc(backend, null);
    const { event } = fakeEvent('app://stratum/index.html#/settings');
    const result = await ipc.handlers.get(channel.request('getSettings'))!(event, undefined);
    expect(result).toMatchObject({ ok: true });
    expect(settingsCalls).toBe(1);
  });

  it.each([
    ['a remote page', 'https://evil.example/', true],
    ['a file:// page', 'file:///tmp/x.html', true],
    ['a subframe of the app', 'app://stratum/index.html', false],
  ])('refuses %s without running the handler', async (_label, url, top) => {
    bindIpc(backend, null);
    const { event } = fakeEvent(url, top);
    const result = await ipc.handlers.get(channel.request('getSettings'))!(event, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    const stream = await ipc.handlers.get(channel.streamStart)!(
      event,
      'converseStream',
      'stream-ipc-01',
      {},
    );
    expect(stream).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
    expect(settingsCalls).toBe(0);
  });

  it('accepts the dev server only when one is configured', async () => {
    bindIpc(backend, 'http://localhost:5173');
    const { event } = fakeEvent('http://localhost:5173/#/');
    expect(await ipc.handlers.get(channel.request('getSettings'))!(event, undefined)).toMatchObject(
      { ok: true },
    );
  });

  it('sends stream messages back to the sender only', async () => {
    bindIpc(backend, null);
    const { event, sent } = fakeEvent('app://stratum/index.html');
    const input = {
      modelId: 'amazon.nova-micro-v1:0',
      messages: [{ role: 'user', content: [{ text: 'hi' }] }],
    };
    expect(
      await ipc.handlers.get(channel.streamStart)!(event, 'converseStream', 'stream-ipc-02', input),
    ).toEqual({
      ok: true,
      value: null,
    });
    await vi.waitFor(() => expect(sent).toHaveLength(2));
    expect(sent).toEqual([
      { kind: 'event', streamId: 'stream-ipc-02', event: { type: 'delta', text: 'hi' } },
      { kind: 'end', streamId: 'stream-ipc-02', error: null },
    ]);
  });
});
