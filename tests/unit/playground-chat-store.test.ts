/**
 * The chat store (Dexie on fake-indexeddb, the stream played by the test): drafts kept per
 * conversation and across a reload (a fresh module state on the same session storage), a sent
 * message streaming in through the shared stream run, Stop and errors keeping the partial text in
 * the saved conversation, and the cost taken as main sent it.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type * as DbNs from '../../renderer/src/db/db';
import type * as StoreNs from '../../renderer/src/features/playground/chat-store';
import type { StreamHandles } from '../../renderer/src/streams/use-stream-handles';

/** The stream the store opens: the test plays the main process and sends its events. */
const stream = vi.hoisted(() => ({
  onEvent: null as ((event: unknown) => void) | null,
  finish: null as ((end: unknown) => void) | null,
  inputs: [] as unknown[],
}));
vi.mock('../../renderer/src/api', () => ({
  openStream: (_name: string, input: unknown, onEvent: (event: unknown) => void) => {
    stream.inputs.push(input);
    stream.onEvent = onEvent;
    const done = new Promise((resolve) => (stream.finish = resolve));
    return {
      id: 'test-stream',
      done,
      cancel: () => stream.finish?.({ code: 'cancelled', message: 'Stopped.' }),
    };
  },
  call: () => Promise.resolve({ ok: false, error: { code: 'offline', message: 'No network.' } }),
}));

type DbModule = typeof DbNs;
type StoreModule = typeof StoreNs;

const items = new Map<string, string>();
const fakeStorage = {
  getItem: (k: string) => items.get(k) ?? null,
  setItem: (k: string, v: string) => void items.set(k, v),
  removeItem: (k: string) => void items.delete(k),
} as unknown as Storage;

const handles: StreamHandles = { track: () => undefined, cancelAll: () => undefined, size: 0 };
/** Lets the store's promises and the per-frame updates run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

let n = 0;
let dbName = '';
let open: { db: InstanceType<DbModule['StratumDb']>; mod: DbModule } | null = null;

/** A fresh module graph (as after a reload) on the same database and session storage. */
async function session(): Promise<StoreModule> {
  open?.db.close();
  vi.resetModules();
  const mod = await import('../../renderer/src/db/db');
  const db = new mod.StratumDb(dbName);
  mod.setDb(db);
  open = { db, mod };
  return import('../../renderer/src/features/playground/chat-store');
}

beforeEach(() => {
  dbName = `stratum-chat-store-test-${n++}`;
  items.clear();
  vi.stubGlobal('sessionStorage', fakeStorage);
  vi.stubGlobal('requestAnimationFrame', (cb: () => void) => setTimeout(cb, 0));
});
afterEach(async () => {
  if (open) {
    open.mod.setDb(null);
    await open.db.delete();
    open = null;
  }
  stream.onEvent = null;
  stream.finish = null;
  stream.inputs = [];
  vi.unstubAllGlobals();
});

describe('drafts', () => {
  it('keeps each conversation’s draft, and the open one across a reload', async () => {
    let chat = await session();
    const first = chat.getChatState().current.id;
    chat.updateDraft({ text: 'Half a question' });
    chat.startNewChat();
    expect(chat.getChatState().current.id).not.toBe(first);
    expect(chat.getChatState().draft.text).toBe('');
    chat.updateDraft({ text: 'Another draft' });
    const second = chat.getChatState().current.id;

    chat = await session();
    expect(chat.getChatState().current.id).toBe(second);
    expect(chat.getChatState().draft.text).toBe('Another draft');
  });

  it('brings an unsent new chat back with New chat', async () => {
    const chat = await session();
    chat.updateDraft({ text: 'Unsent' });
    const unsent = chat.getChatState().current;
    chat.openConversation({ ...unsent, id: 'saved-one', title: 'Saved', turns: [] });
    expect(chat.getChatState().draft.text).toBe('');
    chat.startNewChat();
    expect(chat.getChatState().current.id).toBe(unsent.id);
    expect(chat.getChatState().draft.text).toBe('Unsent');
  });
});

describe('sending', () => {
  it('streams the answer in, clears the draft and saves the turn with main’s cost', async () => {
    const chat = await session();
    chat.updateDraft({ text: 'What is on-demand?' });
    await chat.send(handles);
    expect(chat.getChatState().draft.text).toBe('');
    expect(chat.getChatState().live).not.toBeNull();
    stream.onEvent?.({ type: 'delta', text: 'Pay per ' });
    stream.onEvent?.({ type: 'delta', text: 'token.' });
    await settle();
    expect(chat.getChatState().live?.turn.text).toBe('Pay per token.');
    stream.onEvent?.({ type: 'stop', stopReason: 'end_turn' });
    stream.onEvent?.({
      type: 'metadata',
      usage: { inputTokens: 10, outputTokens: 4, totalTokens: 14 },
      latencyMs: 200,
      firstTokenMs: 90,
      guardrailTrace: null,
      costUsd: null,
    });
    stream.finish?.(null);
    await settle();
    const { current, live } = chat.getChatState();
    expect(live).toBeNull();
    const answer = current.turns[1];
    expect(answer).toMatchObject({
      role: 'assistant',
      text: 'Pay per token.',
      status: 'complete',
      firstTokenMs: 90,
      // Main sent no cost (no list price): none is made up here.
      costUsd: null,
    });
    const saved = await open!.db.conversations.get(current.id);
    expect(saved?.turns).toHaveLength(2);
    expect(saved?.title).toBe('What is on-demand?');
  });

  it('keeps the partial text when stopped, and when the stream fails', async () => {
    const chat = await session();
    chat.updateDraft({ text: 'Tell me a story' });
    await chat.send(handles);
    stream.onEvent?.({ type: 'delta', text: 'Once upon' });
    await settle();
    chat.stop();
    await settle();
    expect(chat.getChatState().current.turns[1]).toMatchObject({
      status: 'stopped',
      text: 'Once upon',
    });

    await chat.retry(handles);
    stream.onEvent?.({ type: 'delta', text: 'Twice' });
    stream.finish?.({ code: 'stream_interrupted', message: 'Cut off.', remedy: 'Try again.' });
    await settle();
    const id = chat.getChatState().current.id;
    const saved = await open!.db.conversations.get(id);
    expect(saved?.turns).toHaveLength(2);
    expect(saved?.turns[1]).toMatchObject({
      status: 'failed',
      text: 'Twice',
      error: { code: 'stream_interrupted', message: 'Cut off.', remedy: 'Try again.' },
    });
  });

  it('refuses images for a text-only model and says why, sending nothing', async () => {
    const chat = await session();
    chat.changeSettings({ modelId: 'us.amazon.nova-micro-v1:0' });
    chat.updateDraft({
      text: 'What is this?',
      images: [{ name: 'a.png', format: 'png', base64: 'AAAA', bytes: 3 }],
    });
    await chat.send(handles);
    expect(chat.getChatState().composerError).toMatch(/does not accept images/);
    expect(stream.inputs).toHaveLength(0);
    expect(chat.getChatState().draft.text).toBe('What is this?');
  });
});
