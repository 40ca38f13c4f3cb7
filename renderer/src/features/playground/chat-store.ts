/**
 * The Playground chat's state, kept outside React (read with `useChat`, like the quiz's
 * generation store) so that it outlives the Chat tab: the open conversation, the composer's draft
 * of each conversation, the answer streaming in, the undo of a delete and the region check.
 *
 * - Drafts: every conversation keeps its own composer text (and attached images, and whether the
 *   last message is being edited) while the app runs. The text and the open conversation are also
 *   kept in sessionStorage (chat-session.ts), so switching screens (Ctrl+2 and back) or reloading
 *   loses nothing the learner typed, and in IndexedDB (db/sessions.ts), so quitting the app does
 *   not either (attached images stay in memory only: they can be megabytes). A new chat left unsent (typed in, then another conversation
 *   opened) comes back with New chat.
 * - Streaming goes through the shared `runConverseStream` (one update per animation frame): the
 *   text, usage, cost and first-token time are the ones it reports, cost as main sent it. Stop
 *   keeps the partial text ("stopped"); an error keeps it too ("failed", with what to do). The
 *   finished turn is saved to IndexedDB with the conversation's newest settings.
 * - Settings changed on a saved conversation are saved 500 ms after the last change; a change
 *   that lowers Max tokens to the model's limit says so (`settingsNote`).
 * - The screen passes its `StreamHandles`, so leaving the Chat tab stops a running answer; what
 *   arrived is saved as "stopped".
 */
import { useSyncExternalStore } from 'react';
import {
  ConverseInput,
  MAX_CONVERSE_IMAGE_BYTES,
  type Availability,
} from '../../../../shared/contract';
import { choiceFor, findModel, modelDisplayName } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { call, type StreamHandle } from '../../api';
import {
  conversationImages,
  deleteConversation,
  getConversation,
  restoreConversation,
  saveConversation,
  titleFrom,
} from '../../db/conversations';
import type {
  AssistantTurn,
  ChatImage,
  ChatSettings,
  Conversation,
  UserTurn,
} from '../../db/schema';
import { runConverseStream, startingRun, type ConverseRun } from '../../streams/converse-run';
import type { StreamHandles } from '../../streams/use-stream-handles';
import { checkImageAttachment, tooLargeMessage, visionMessage } from './attachments';
import {
  assistantTurnFrom,
  buildConverseInput,
  chatModels,
  defaultChatSettings,
  fitMaxTokens,
  guardrailProblem,
  type ConverseRequest,
} from './chat-request';
import { loadSession, saveSession } from '../../db/sessions';
import { readSession, withDraft, writeSession, type ChatSession } from './chat-session';
import type { PresetRun, PromptPreset } from './presets';

const FALLBACK_MODEL = 'amazon.nova-lite-v1:0';
const SAVE_DELAY_MS = 500;
/** How long typing pauses before the drafts are written to IndexedDB. */
const DRAFT_PERSIST_MS = 300;

/** What the composer holds for one conversation. */
export interface ComposerDraft {
  text: string;
  images: ChatImage[];
  /** True while the last message is being edited: sending replaces it and its answer. */
  editing: boolean;
}

export interface LiveTurn {
  conversationId: string;
  turn: AssistantTurn;
}

export interface ChatState {
  current: Conversation;
  /** The answer streaming in, if any. */
  live: LiveTurn | null;
  /** The current conversation's draft. */
  draft: ComposerDraft;
  composerError: string | null;
  /** Why a setting was changed for the learner (Max tokens lowered to the model's limit). */
  settingsNote: string | null;
  /** The conversation just deleted, while its undo is offered. */
  undo: Conversation | null;
  availability: Availability | null;
  availabilityError: AppError | null;
  checking: boolean;
  /** Rises when the composer should take the focus (New chat, Edit last message, a preset). */
  focusRequest: number;
  /** What the conversation list is searched for. */
  query: string;
}

const EMPTY_DRAFT: ComposerDraft = { text: '', images: [], editing: false };

let session: ChatSession = readSession();
/** True when sessionStorage had nothing (a fresh start): the IndexedDB copy is read instead. */
const freshStart = session.currentId === null && Object.keys(session.drafts).length === 0;
let persistTimer: ReturnType<typeof setTimeout> | null = null;

/**
 * Keeps the drafts in sessionStorage at once (reloads) and in IndexedDB shortly after (quitting
 * the app). A failed IndexedDB write is ignored: the sessionStorage copy still holds them.
 */
function persistSession() {
  writeSession(session);
  if (persistTimer) clearTimeout(persistTimer);
  persistTimer = setTimeout(() => {
    persistTimer = null;
    saveSession({
      kind: 'chat-draft',
      updatedAt: new Date().toISOString(),
      currentId: session.currentId,
      drafts: session.drafts,
    }).catch(() => undefined);
  }, DRAFT_PERSIST_MS);
}
/** Drafts of every conversation seen in this run (the current one is also `state.draft`). */
const drafts = new Map<string, ComposerDraft>();
const draftFor = (id: string): ComposerDraft =>
  drafts.get(id) ?? { ...EMPTY_DRAFT, text: session.drafts[id] ?? '' };

function newConversation(settings: ChatSettings, id: string = crypto.randomUUID()): Conversation {
  const now = new Date().toISOString();
  return { id, title: 'New chat', createdAt: now, updatedAt: now, settings, turns: [] };
}

function initialState(): ChatState {
  const model = choiceFor(FALLBACK_MODEL, chatModels('us-east-1'));
  const current = newConversation(defaultChatSettings(model), session.currentId ?? undefined);
  return {
    current,
    live: null,
    draft: draftFor(current.id),
    composerError: null,
    settingsNote: null,
    undo: null,
    availability: null,
    availabilityError: null,
    checking: false,
    focusRequest: 0,
    query: '',
  };
}

let state: ChatState = initialState();
const listeners = new Set<() => void>();
/** True once the learner chose settings, so the default model from Settings no longer applies. */
let touched = false;
/** True when the current conversation's settings changed since it was last saved. */
let dirty = false;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** True while a send is validating and saving (a second Enter must not send twice). */
let sending = false;
let liveHandle: StreamHandle | null = null;
let restoring: Promise<void> | null = null;

function set(patch: Partial<ChatState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  restoring ??= reopenSaved();
  return () => listeners.delete(listener);
}

export function useChat(): ChatState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The current state, outside React (tests, event handlers). */
export function getChatState(): ChatState {
  return state;
}

/** After a reload: the conversation that was open, if it was saved, is opened again. */
async function reopenSaved(): Promise<void> {
  if (freshStart) await restoreDraftsFromDb();
  const id = session.currentId;
  if (!id) return;
  const saved = await getConversation(id).catch(() => null);
  if (saved && state.current.id === id && state.current.turns.length === 0 && !state.live) {
    set({ current: saved });
  }
}

// Drafts

/** On a fresh start, the drafts and open conversation kept in IndexedDB come back. */
async function restoreDraftsFromDb(): Promise<void> {
  const found = await loadSession('chat-draft').catch(() => null);
  if (found?.status !== 'ok' || state.draft.text || state.current.turns.length > 0) return;
  session = { currentId: found.row.currentId, drafts: found.row.drafts };
  writeSession(session);
  const id = session.currentId ?? state.current.id;
  const current = id === state.current.id ? state.current : { ...state.current, id };
  set({ current, draft: draftFor(current.id) });
}

function storeDraft(id: string, draft: ComposerDraft) {
  drafts.set(id, draft);
  session = withDraft(session, id, draft.text);
  persistSession();
}

export function updateDraft(patch: Partial<ComposerDraft>) {
  const draft = { ...state.draft, ...patch };
  storeDraft(state.current.id, draft);
  set({ draft });
}

/** Empties the composer: Cancel edit, or after a send. */
export function clearDraft() {
  updateDraft(EMPTY_DRAFT);
  set({ composerError: null });
}

export function removeImage(index: number) {
  updateDraft({ images: state.draft.images.filter((_, i) => i !== index) });
}

/**
 * A new chat left with something typed but never sent: it is in no list, so New chat brings it
 * back (with its draft) rather than starting another.
 */
let unsent: Conversation | null = null;

/** Shows `conversation` with its own draft. */
function show(conversation: Conversation) {
  const leaving = state.current;
  if (leaving.id !== conversation.id && leaving.turns.length === 0) {
    const draft = state.draft;
    unsent = draft.text.trim() || draft.images.length > 0 ? leaving : null;
  }
  session = { ...session, currentId: conversation.id };
  persistSession();
  set({
    current: conversation,
    draft: draftFor(conversation.id),
    composerError: null,
    settingsNote: null,
  });
}

// Settings

function flush() {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = null;
  if (!dirty || state.live || state.current.turns.length === 0) return;
  dirty = false;
  void saveConversation(state.current).catch(() => undefined);
}

export function changeSettings(patch: Partial<ChatSettings>) {
  touched = true;
  dirty = true;
  const { settings, note } = fitMaxTokens({ ...state.current.settings, ...patch });
  const limitTouched = 'modelId' in patch || 'maxTokens' in patch;
  set({
    current: { ...state.current, settings },
    settingsNote: note ?? (limitTouched ? null : state.settingsNote),
  });
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(flush, SAVE_DELAY_MS);
}

/** Settings load after the first render: a fresh, untouched chat takes the default model. */
export function adoptDefaultModel(modelId: string) {
  const c = state.current;
  if (touched || c.turns.length > 0 || c.settings.modelId === modelId) return;
  set({ current: { ...c, settings: defaultChatSettings(modelId) } });
}

// Conversations

export function searchFor(query: string) {
  set({ query });
}

export function openConversation(conversation: Conversation) {
  if (conversation.id === state.current.id) return;
  flush();
  show(conversation);
}

export function startNewChat() {
  flush();
  touched = true;
  const blank = unsent ?? newConversation({ ...state.current.settings, system: '' });
  unsent = null;
  show(blank);
  set({ focusRequest: state.focusRequest + 1 });
}

export async function removeConversation(conversation: Conversation) {
  const removed = await deleteConversation(conversation.id);
  set({ undo: removed });
  if (conversation.id === state.current.id) {
    show(newConversation({ ...state.current.settings, system: '' }));
  }
}

export async function undoRemove() {
  const undo = state.undo;
  if (!undo) return;
  await restoreConversation(undo);
  set({ undo: null });
}

// Sending and streaming

const lastUserIndex = (c: Conversation) => c.turns.findLastIndex((t) => t.role === 'user');

const firstIssue = (error: { issues: readonly { message: string }[] }) =>
  error.issues[0]?.message ?? 'The request is not valid.';

const SAVE_FAILED =
  'Stratum could not save this conversation on this computer, so it was not sent. Check that the disk is not full, then try again.';

/** What stops a message from being sent with these settings, or null. */
function sendProblem(settings: ChatSettings, images: readonly ChatImage[]): string | null {
  const entry = findModel(settings.modelId);
  if (images.length > 0 && entry && !entry.features.vision)
    return visionMessage(modelDisplayName(entry));
  const guardrail = guardrailProblem(settings.guardrail);
  return guardrail ? `Guardrail: ${guardrail}` : null;
}

/** The conversation with the learner's message added (or replacing the last one). */
function withUserTurn(base: Conversation, draft: ComposerDraft): Conversation {
  const at = new Date().toISOString();
  const index = lastUserIndex(base);
  const earlier = draft.editing && index >= 0 ? base.turns.slice(0, index) : base.turns;
  const turn: UserTurn = {
    id: crypto.randomUUID(),
    role: 'user',
    at,
    text: draft.text,
    images: draft.images,
  };
  const title = titleFrom(draft.text || (draft.images[0]?.name ?? ''));
  return {
    ...base,
    title: earlier.length === 0 ? title : base.title,
    updatedAt: at,
    turns: [...earlier, turn],
  };
}

/** Checks the request, saves the conversation and starts the answer; false (and why) if not. */
async function start(next: Conversation, handles: StreamHandles): Promise<boolean> {
  const input = buildConverseInput(next);
  const checked = ConverseInput.safeParse(input);
  if (!checked.success) {
    set({ composerError: firstIssue(checked.error) });
    return false;
  }
  try {
    await saveConversation(next);
  } catch {
    set({ composerError: SAVE_FAILED });
    return false;
  }
  dirty = false;
  set({ current: next, composerError: null });
  stream(next, input, handles);
  return true;
}

/** Sends the composer's message (Enter or Send). */
export async function send(handles: StreamHandles): Promise<void> {
  if (state.live || sending) return;
  const base = state.current;
  const draft = state.draft;
  if (!draft.text.trim() && draft.images.length === 0) return;
  const problem = sendProblem(base.settings, draft.images);
  if (problem) {
    set({ composerError: problem });
    return;
  }
  sending = true;
  try {
    if (await start(withUserTurn(base, draft), handles)) clearDraft();
  } finally {
    sending = false;
  }
}

/** Asks again for the answer to the last message (its old answer is dropped). */
export async function retry(handles: StreamHandles): Promise<void> {
  const current = state.current;
  const index = lastUserIndex(current);
  if (state.live || sending || index < 0) return;
  sending = true;
  try {
    const turns = current.turns.slice(0, index + 1);
    await start({ ...current, updatedAt: new Date().toISOString(), turns }, handles);
  } finally {
    sending = false;
  }
}

/** Puts the last message back in the composer; sending replaces it and its answer. */
export function editLast() {
  const turn = state.current.turns[lastUserIndex(state.current)];
  if (!turn || turn.role !== 'user') return;
  updateDraft({ text: turn.text, images: turn.images, editing: true });
  set({ composerError: null, focusRequest: state.focusRequest + 1 });
}

/** Stops the answer streaming in; the text so far is kept. */
export function stop() {
  liveHandle?.cancel();
}

function stream(conversation: Conversation, input: ConverseRequest, handles: StreamHandles) {
  const base = { id: crypto.randomUUID(), at: new Date().toISOString(), modelId: input.modelId };
  const live = (run: ConverseRun): LiveTurn => ({
    conversationId: conversation.id,
    turn: assistantTurnFrom(base, run),
  });
  set({ live: live(startingRun()) });
  const { handle, result } = runConverseStream(input, (run) => {
    if (state.live?.turn.id === base.id && run.status === 'streaming') set({ live: live(run) });
  });
  liveHandle = handle;
  handles.track(handle);
  void result.then((run) => finish(conversation, assistantTurnFrom(base, run)));
}

/** Shows the finished answer in the thread and saves it with the newest settings. */
async function finish(conversation: Conversation, turn: AssistantTurn): Promise<void> {
  liveHandle = null;
  const turns = [...conversation.turns, turn];
  const updatedAt = new Date().toISOString();
  const here = state.current.id === conversation.id;
  if (here) {
    dirty = false;
    set({ live: null, current: { ...state.current, updatedAt, turns } });
  } else set({ live: null });
  const latest = here
    ? state.current
    : {
        ...((await getConversation(conversation.id).catch(() => null)) ?? conversation),
        updatedAt,
        turns,
      };
  try {
    await saveConversation(latest);
  } catch {
    if (state.current.id === conversation.id) {
      set({
        composerError:
          'Stratum could not save this answer on this computer: it is shown, but a reload would lose it. Check that the disk is not full.',
      });
    }
  }
}

// Images and presets

/** Checks and attaches image files to the draft; the first refused file stops the rest. */
export async function attachImages(files: readonly File[]): Promise<void> {
  if (files.length === 0) return;
  set({ composerError: null });
  const current = state.current;
  // While editing, the last message's images are back in the composer, not "earlier".
  const earlier = conversationImages({
    ...current,
    turns: state.draft.editing ? current.turns.slice(0, lastUserIndex(current)) : current.turns,
  });
  let pending = state.draft.images;
  let error: string | null = null;
  for (const file of files) {
    if (file.size > MAX_CONVERSE_IMAGE_BYTES) {
      error = tooLargeMessage(file.name, file.size);
      break;
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    const check = checkImageAttachment(file.name, bytes, { pending, earlier });
    if (!check.ok) {
      error = check.message;
      break;
    }
    pending = [...pending, check.image];
  }
  if (state.current.id !== current.id) return;
  updateDraft({ images: pending });
  set({ composerError: error });
}

/** Loads a prompt-technique preset (in a new chat if this one has turns), and runs it if asked. */
export function loadPreset(
  preset: PromptPreset,
  filled: PresetRun,
  run: boolean,
  handles: StreamHandles,
) {
  flush();
  const base =
    state.current.turns.length > 0 ? newConversation(state.current.settings) : state.current;
  const { settings, note } = fitMaxTokens({
    ...base.settings,
    system: filled.system,
    temperature: preset.temperature,
    maxTokens: preset.maxTokens,
  });
  touched = true;
  show({ ...base, settings });
  updateDraft({ text: filled.prompt, images: [], editing: false });
  set({ settingsNote: note });
  if (run) void send(handles);
  else set({ focusRequest: state.focusRequest + 1 });
}

// The region check

/** Asks Bedrock which models the region offers (free: no model is called). */
export async function checkAvailability(): Promise<void> {
  set({ checking: true, availabilityError: null });
  const result = await call('getAvailability');
  if (result.ok) set({ checking: false, availability: result.value });
  else set({ checking: false, availabilityError: result.error });
}
