/**
 * The Playground's chat over ConverseStream: saved conversations on the side, the thread in the
 * middle (answers stream in as safe Markdown; Stop keeps what arrived), a composer with image
 * attachments for vision models, prompt-technique presets, and the settings panel.
 * Conversations are saved in IndexedDB after every turn.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import {
  ConverseInput,
  MAX_CONVERSE_IMAGE_BYTES,
  type Availability,
} from '../../../../shared/contract';
import { estimateTokenCost, findModel } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { call, openStream, type StreamHandle } from '../../api';
import { useSettings } from '../../app/settings-context';
import type {
  AssistantTurn,
  ChatImage,
  ChatSettings,
  Conversation,
  UserTurn,
} from '../../db/schema';
import {
  conversationImages,
  conversationToJson,
  conversationToMarkdown,
  deleteConversation,
  exportFileName,
  formatBytes,
  getConversation,
  restoreConversation,
  saveConversation,
  searchConversations,
  titleFrom,
} from '../../db/conversations';
import { checkImageAttachment, visionMessage } from './attachments';
import { guardrailProblem, ChatSettingsPanel } from './ChatSettingsPanel';
import {
  buildConverseInput,
  chatModels,
  defaultChatSettings,
  maxOutputFor,
  modelLabel,
  pickerModelId,
  type ConverseRequest,
} from './chat-request';
import { AssistantMessage, Thumbnails, UserMessage } from './ChatTurns';
import { ConversationList } from './ConversationList';
import { PresetPicker } from './PresetPicker';
import type { PresetRun, PromptPreset } from './presets';

const FALLBACK_MODEL = 'amazon.nova-lite-v1:0';

/** Availability is the same for every chat in a session: checked once, kept while the app runs. */
let availabilityCache: Availability | null = null;

function newConversation(settings: ChatSettings): Conversation {
  const now = new Date().toISOString();
  return {
    id: crypto.randomUUID(),
    title: 'New chat',
    createdAt: now,
    updatedAt: now,
    settings,
    turns: [],
  };
}

interface Live {
  conversationId: string;
  turn: AssistantTurn;
  handle: StreamHandle;
}

/** Saves a file the learner asked for, through the browser's (or Electron's) download. */
function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

const firstIssue = (error: { issues: readonly { message: string }[] }) =>
  error.issues[0]?.message ?? 'The request is not valid.';

export function ChatView() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => chatModels(region), [region]);
  const defaultModel = pickerModelId(
    state?.settings.aws.defaultTextModel ?? FALLBACK_MODEL,
    models,
  );

  const [query, setQuery] = useState('');
  const listed = useLiveQuery(() => searchConversations(query), [query]);
  const [current, setCurrent] = useState<Conversation>(() =>
    newConversation(defaultChatSettings(defaultModel)),
  );
  const [live, setLive] = useState<Live | null>(null);
  const [text, setText] = useState('');
  const [images, setImages] = useState<ChatImage[]>([]);
  const [editing, setEditing] = useState(false);
  const [composerError, setComposerError] = useState<string | null>(null);
  const [undo, setUndo] = useState<Conversation | null>(null);
  const [availability, setAvailability] = useState<Availability | null>(availabilityCache);
  const [availabilityError, setAvailabilityError] = useState<AppError | null>(null);
  const [checking, setChecking] = useState(false);

  const touched = useRef(false);
  const dirty = useRef(false);
  const mounted = useRef(true);
  const liveRef = useRef<Live | null>(null);
  const sending = useRef(false);
  const composer = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const threadEnd = useRef<HTMLDivElement>(null);
  const composerId = useId();

  useEffect(() => {
    liveRef.current = live;
  }, [live]);

  // Leaving the screen stops a running answer; what arrived is saved as "stopped".
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      liveRef.current?.handle.cancel();
    };
  }, []);

  // Settings load after the first render: a fresh, untouched chat takes the default model.
  useEffect(() => {
    if (touched.current || !state) return;
    setCurrent((c) =>
      c.turns.length === 0 && c.settings.modelId !== defaultModel
        ? { ...c, settings: defaultChatSettings(defaultModel) }
        : c,
    );
  }, [state, defaultModel]);

  // Settings changed on a saved conversation are saved shortly after the last change.
  useEffect(() => {
    if (!dirty.current || live || current.turns.length === 0) return;
    const timer = setTimeout(() => {
      dirty.current = false;
      void saveConversation(current).catch(() => undefined);
    }, 500);
    return () => clearTimeout(timer);
  }, [current, live]);

  // Keep the newest text in view while it streams.
  useEffect(() => {
    threadEnd.current?.scrollIntoView({ block: 'nearest' });
  }, [live?.turn.text, current.turns.length]);

  const model = findModel(current.settings.modelId);
  const modelName = model ? modelLabel(model) : current.settings.modelId;
  const vision = model?.features.vision ?? false;
  const lastUserIndex = current.turns.findLastIndex((t) => t.role === 'user');
  const streamingHere = live?.conversationId === current.id;

  const changeSettings = useCallback((patch: Partial<ChatSettings>) => {
    touched.current = true;
    dirty.current = true;
    setCurrent((c) => ({ ...c, settings: { ...c.settings, ...patch } }));
  }, []);

  const flush = () => {
    if (dirty.current && current.turns.length > 0) void saveConversation(current);
    dirty.current = false;
  };

  const resetComposer = () => {
    setText('');
    setImages([]);
    setEditing(false);
    setComposerError(null);
  };

  const stream = (conversation: Conversation, input: ConverseRequest) => {
    const acc: AssistantTurn = {
      id: crypto.randomUUID(),
      role: 'assistant',
      at: new Date().toISOString(),
      modelId: input.modelId,
      text: '',
      status: 'complete',
      stopReason: null,
      error: null,
      usage: null,
      latencyMs: null,
      firstTokenMs: null,
      costUsd: null,
      guardrailTrace: null,
    };
    let scheduled = false;
    const handle = openStream('converseStream', input, (event) => {
      if (event.type === 'delta') acc.text += event.text;
      else if (event.type === 'stop') acc.stopReason = event.stopReason;
      else if (event.type === 'metadata') {
        acc.usage = event.usage;
        acc.latencyMs = event.latencyMs;
        acc.firstTokenMs = event.firstTokenMs;
        acc.guardrailTrace = event.guardrailTrace;
        acc.costUsd =
          event.costUsd ??
          (event.usage
            ? estimateTokenCost(input.modelId, event.usage.inputTokens, event.usage.outputTokens)
            : null);
      }
      // Deltas that arrive within one frame are shown together. While streaming, only the
      // growing last Markdown block is parsed again (StreamingOutput), so a frame stays cheap
      // however long the answer gets.
      if (!scheduled) {
        scheduled = true;
        requestAnimationFrame(() => {
          scheduled = false;
          if (mounted.current) {
            setLive((l) => (l && l.turn.id === acc.id ? { ...l, turn: { ...acc } } : l));
          }
        });
      }
    });
    const started: Live = { conversationId: conversation.id, turn: { ...acc }, handle };
    liveRef.current = started;
    setLive(started);
    void handle.done.then(async (error) => {
      const final: AssistantTurn = {
        ...acc,
        status: error === null ? 'complete' : error.code === 'cancelled' ? 'stopped' : 'failed',
        error:
          error && error.code !== 'cancelled'
            ? {
                code: error.code,
                message: error.message,
                ...(error.remedy ? { remedy: error.remedy } : {}),
              }
            : null,
      };
      const turns = [...conversation.turns, final];
      const updatedAt = new Date().toISOString();
      // Settings may have changed while it streamed: keep the newest saved ones.
      const latest = (await getConversation(conversation.id)) ?? conversation;
      await saveConversation({ ...latest, updatedAt, turns }).catch(() => undefined);
      if (!mounted.current) return;
      setLive(null);
      setCurrent((c) => (c.id === conversation.id ? { ...c, updatedAt, turns } : c));
    });
  };

  /** Validates, saves the new user turn, and starts the answer. */
  const send = async (
    base: Conversation,
    message: string,
    attached: ChatImage[],
    replaceLast: boolean,
  ) => {
    // A second Enter while the first send is still saving must not send twice.
    if (liveRef.current || sending.current) return;
    sending.current = true;
    try {
      await sendNow(base, message, attached, replaceLast);
    } finally {
      sending.current = false;
    }
  };

  const sendNow = async (
    base: Conversation,
    message: string,
    attached: ChatImage[],
    replaceLast: boolean,
  ) => {
    if (!message.trim() && attached.length === 0) return;
    const entry = findModel(base.settings.modelId);
    if (attached.length > 0 && entry && !entry.features.vision) {
      setComposerError(visionMessage(modelLabel(entry)));
      return;
    }
    const guardrail = guardrailProblem(base.settings.guardrail);
    if (guardrail) {
      setComposerError(`Guardrail: ${guardrail}`);
      return;
    }
    const at = new Date().toISOString();
    const index = base.turns.findLastIndex((t) => t.role === 'user');
    const earlier = replaceLast && index >= 0 ? base.turns.slice(0, index) : base.turns;
    const turn: UserTurn = {
      id: crypto.randomUUID(),
      role: 'user',
      at,
      text: message,
      images: attached,
    };
    const next: Conversation = {
      ...base,
      title: earlier.length === 0 ? titleFrom(message || (attached[0]?.name ?? '')) : base.title,
      updatedAt: at,
      turns: [...earlier, turn],
    };
    const input = buildConverseInput(next);
    const checked = ConverseInput.safeParse(input);
    if (!checked.success) {
      setComposerError(firstIssue(checked.error));
      return;
    }
    try {
      await saveConversation(next);
    } catch {
      setComposerError(
        'Stratum could not save this conversation on this computer, so it was not sent. Check that the disk is not full, then try again.',
      );
      return;
    }
    dirty.current = false;
    resetComposer();
    setCurrent(next);
    stream(next, input);
  };

  const retry = async () => {
    if (liveRef.current || sending.current || lastUserIndex < 0) return;
    const next: Conversation = {
      ...current,
      updatedAt: new Date().toISOString(),
      turns: current.turns.slice(0, lastUserIndex + 1),
    };
    const input = buildConverseInput(next);
    const checked = ConverseInput.safeParse(input);
    if (!checked.success) {
      setComposerError(firstIssue(checked.error));
      return;
    }
    await saveConversation(next);
    dirty.current = false;
    setCurrent(next);
    stream(next, input);
  };

  const editLast = () => {
    const turn = current.turns[lastUserIndex];
    if (!turn || turn.role !== 'user') return;
    setText(turn.text);
    setImages(turn.images);
    setEditing(true);
    setComposerError(null);
    requestAnimationFrame(() => composer.current?.focus());
  };

  const attach = async (files: FileList | null) => {
    if (!files || files.length === 0) return;
    setComposerError(null);
    // While editing, the last message's images are back in the composer, not "earlier".
    const earlier = conversationImages({
      ...current,
      turns: editing ? current.turns.slice(0, lastUserIndex) : current.turns,
    });
    let pending = images;
    for (const file of Array.from(files)) {
      if (file.size > MAX_CONVERSE_IMAGE_BYTES) {
        setComposerError(
          `“${file.name}” is ${formatBytes(file.size)}; Converse takes images of at most 3.75 MB (${MAX_CONVERSE_IMAGE_BYTES.toLocaleString('en-US')} bytes) each. Save it smaller (lower resolution or more compression) and attach it again.`,
        );
        break;
      }
      const check = checkImageAttachment(file.name, new Uint8Array(await file.arrayBuffer()), {
        pending,
        earlier,
      });
      if (!check.ok) {
        setComposerError(check.message);
        break;
      }
      pending = [...pending, check.image];
    }
    setImages(pending);
  };

  const open = (conversation: Conversation) => {
    if (conversation.id === current.id) return;
    flush();
    setCurrent(conversation);
    resetComposer();
  };

  const startNew = () => {
    flush();
    touched.current = true;
    setCurrent(newConversation({ ...current.settings, system: '' }));
    resetComposer();
    requestAnimationFrame(() => composer.current?.focus());
  };

  const remove = async (conversation: Conversation) => {
    const removed = await deleteConversation(conversation.id);
    setUndo(removed);
    if (conversation.id === current.id) {
      setCurrent(newConversation({ ...current.settings, system: '' }));
      resetComposer();
    }
  };

  const loadPreset = (preset: PromptPreset, filled: PresetRun, run: boolean) => {
    flush();
    const base = current.turns.length > 0 ? newConversation(current.settings) : current;
    const settings: ChatSettings = {
      ...base.settings,
      system: filled.system,
      temperature: preset.temperature,
      maxTokens: Math.min(preset.maxTokens, maxOutputFor(base.settings.modelId)),
    };
    const conversation = { ...base, settings };
    touched.current = true;
    setCurrent(conversation);
    resetComposer();
    setText(filled.prompt);
    if (run) void send(conversation, filled.prompt, [], false);
    else requestAnimationFrame(() => composer.current?.focus());
  };

  const checkAvailability = async () => {
    setChecking(true);
    setAvailabilityError(null);
    const result = await call('getAvailability');
    if (!mounted.current) return;
    setChecking(false);
    if (result.ok) {
      availabilityCache = result.value;
      setAvailability(result.value);
    } else setAvailabilityError(result.error);
  };

  const turns = current.turns;
  const canRetry = !live && lastUserIndex >= 0;

  return (
    <div className="chat-layout">
      <ConversationList
        conversations={listed ?? null}
        currentId={current.id}
        query={query}
        onQuery={setQuery}
        onOpen={open}
        onNew={startNew}
        onDelete={(c) => void remove(c)}
        undo={undo}
        onUndo={() => {
          if (!undo) return;
          void restoreConversation(undo).then(() => setUndo(null));
        }}
        busy={live !== null}
      />

      <div className="chat-main">
        <section className="card chat-thread-card" aria-label="Conversation">
          <header className="chat-thread-head">
            <h2 className="chat-title">{turns.length > 0 ? current.title : 'New chat'}</h2>
            {turns.length > 0 ? (
              <div className="chat-export">
                <button
                  type="button"
                  onClick={() =>
                    download(
                      exportFileName(current, 'md'),
                      'text/markdown',
                      conversationToMarkdown(current),
                    )
                  }
                >
                  Export Markdown
                </button>
                <button
                  type="button"
                  onClick={() =>
                    download(
                      exportFileName(current, 'json'),
                      'application/json',
                      conversationToJson(current),
                    )
                  }
                >
                  Export JSON
                </button>
              </div>
            ) : null}
          </header>
          {turns.length === 0 && !streamingHere ? (
            <div className="empty chat-empty">
              <p>
                Send a message to <strong>{modelName}</strong> in {region}, or load a prompt
                technique below. Each message is a real Amazon Bedrock call on your AWS account (
                <Link href="/settings">Settings</Link>) and costs tokens; the figures appear under
                each answer.
              </p>
            </div>
          ) : (
            <ol className="chat-thread" data-testid="chat-thread" aria-live="off">
              {turns.map((turn) =>
                turn.role === 'user' ? (
                  <UserMessage key={turn.id} turn={turn} />
                ) : (
                  <AssistantMessage
                    key={turn.id}
                    turn={turn}
                    maxTokens={current.settings.maxTokens}
                  />
                ),
              )}
              {live && streamingHere ? (
                <AssistantMessage
                  turn={live.turn}
                  maxTokens={current.settings.maxTokens}
                  streaming
                />
              ) : null}
            </ol>
          )}
          <div ref={threadEnd} />
          {canRetry ? (
            <div className="actions chat-turn-actions">
              <button type="button" className="link" onClick={editLast} disabled={editing}>
                Edit last message
              </button>
              <button type="button" className="link" onClick={() => void retry()}>
                Retry last message
              </button>
            </div>
          ) : null}
          <p className="sr-only" role="status">
            {live && streamingHere ? 'The model is answering.' : ''}
          </p>
        </section>

        <section className="card chat-composer" aria-label="Message">
          {editing ? (
            <p className="status status-idle small" role="status">
              <span>
                Editing your last message: sending replaces it and its answer.{' '}
                <button type="button" className="link" onClick={resetComposer}>
                  Cancel edit
                </button>
              </span>
            </p>
          ) : null}
          <label htmlFor={composerId} className="sr-only">
            Message
          </label>
          <textarea
            id={composerId}
            ref={composer}
            rows={3}
            value={text}
            maxLength={200_000}
            placeholder="Message (Enter sends, Shift+Enter for a new line)"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape' && live) {
                e.preventDefault();
                live.handle.cancel();
                return;
              }
              if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
                e.preventDefault();
                void send(current, text, images, editing);
              }
            }}
          />
          <Thumbnails
            images={images}
            onRemove={(i) => setImages(images.filter((_, j) => j !== i))}
          />
          {composerError ? (
            <p className="field-error" role="alert" data-testid="composer-error">
              {composerError}
            </p>
          ) : null}
          <div className="actions chat-composer-actions">
            <input
              ref={fileInput}
              type="file"
              accept="image/png,image/jpeg,image/gif,image/webp"
              multiple
              hidden
              data-testid="attach-input"
              onChange={(e) => {
                void attach(e.target.files);
                e.target.value = '';
              }}
            />
            <button
              type="button"
              onClick={() => fileInput.current?.click()}
              disabled={!vision || live !== null}
              aria-describedby={!vision ? `${composerId}-vision` : undefined}
            >
              Attach images
            </button>
            <span className="spacer" />
            {live ? (
              <button type="button" className="danger" onClick={() => live.handle.cancel()}>
                Stop
              </button>
            ) : (
              <button
                type="button"
                className="primary"
                disabled={!text.trim() && images.length === 0}
                onClick={() => void send(current, text, images, editing)}
              >
                Send
              </button>
            )}
          </div>
          {!vision ? (
            <p id={`${composerId}-vision`} className="hint">
              {modelName} is text-only: pick a model marked “vision” to attach images.
            </p>
          ) : (
            <p className="hint">
              Images: PNG, JPEG, GIF or WebP, up to 3.75 MB and 8,000 pixels a side; at most 4 per
              message and 8 per conversation.
            </p>
          )}
        </section>

        <PresetPicker onLoad={loadPreset} disabled={live !== null} />
      </div>

      <ChatSettingsPanel
        settings={current.settings}
        onChange={changeSettings}
        models={models}
        availability={availability}
        availabilityError={availabilityError}
        checking={checking}
        onCheckAvailability={() => void checkAvailability()}
        locked={live !== null}
      />
    </div>
  );
}
