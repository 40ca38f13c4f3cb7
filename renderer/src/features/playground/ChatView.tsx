/**
 * The Playground's chat over ConverseStream, laid out like a chat: a wide transcript that the page
 * scrolls (answers stream in as safe Markdown; Stop keeps what arrived) with the composer pinned
 * at the bottom of the view (image attachments for vision models), prompt-technique presets above
 * it, and a side panel (it can be hidden) with the saved conversations and the settings.
 *
 * A container only: the state lives in chat-store.ts (outside React, so drafts and the open
 * conversation survive a screen switch), the parts in their own files. Leaving the screen stops a
 * running answer (its StreamHandles); what arrived is saved as "stopped".
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { choiceFor, findModel } from '../../../../shared/models';
import { useSettings } from '../../app/settings-context';
import { searchConversations } from '../../db/conversations';
import type { Conversation } from '../../db/schema';
import { useStreamHandles } from '../../streams/use-stream-handles';
import { ChatComposer } from './ChatComposer';
import { ChatSettingsPanel } from './ChatSettingsPanel';
import { ChatThread } from './ChatThread';
import { ConversationList } from './ConversationList';
import { PresetPicker } from './PresetPicker';
import { chatModels, modelNameOf } from './chat-request';
import * as chat from './chat-store';

const FALLBACK_MODEL = 'amazon.nova-lite-v1:0';

// While an answer streams, only the thread changes: the other parts skip those renders.
const Conversations = memo(ConversationList);
const Composer = memo(ChatComposer);
const Presets = memo(PresetPicker);
const Settings = memo(ChatSettingsPanel);
const onDelete = (c: Conversation) => void chat.removeConversation(c);
const onUndo = () => void chat.undoRemove();
const onCheckAvailability = () => void chat.checkAvailability();

export function ChatView() {
  const { state: settings } = useSettings();
  const region = settings?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => chatModels(region), [region]);
  const defaultModel = choiceFor(settings?.settings.aws.defaultTextModel ?? FALLBACK_MODEL, models);
  const state = chat.useChat();
  const handles = useStreamHandles();
  const onSend = useCallback(() => void chat.send(handles), [handles]);
  const onRetry = useCallback(() => void chat.retry(handles), [handles]);
  const onLoadPreset = useCallback<Parameters<typeof PresetPicker>[0]['onLoad']>(
    (preset, filled, run) => chat.loadPreset(preset, filled, run, handles),
    [handles],
  );
  const { query } = state;
  const listed = useLiveQuery(() => searchConversations(query), [query]);

  useEffect(() => {
    if (settings) chat.adoptDefaultModel(defaultModel);
  }, [settings, defaultModel]);

  const { current, live, draft } = state;
  const modelName = modelNameOf(current.settings.modelId);
  const busy = live !== null;
  const sideId = useId();
  const [sideOpen, setSideOpen] = useState(true);
  const toggle = (
    <button
      type="button"
      className="chat-side-toggle"
      aria-expanded={sideOpen}
      aria-controls={sideId}
      onClick={() => setSideOpen((open) => !open)}
    >
      {sideOpen ? 'Hide' : 'Show'} conversations and settings
    </button>
  );

  return (
    <div className={sideOpen ? 'chat-layout' : 'chat-layout side-closed'}>
      <div className="chat-main">
        <Presets onLoad={onLoadPreset} disabled={busy} />
        <ChatThread
          conversation={current}
          live={live}
          modelName={modelName}
          region={region}
          editing={draft.editing}
          onEditLast={chat.editLast}
          onRetry={onRetry}
          sidePanel={toggle}
        />
        <Composer
          draft={draft}
          error={state.composerError}
          busy={busy}
          vision={findModel(current.settings.modelId)?.features.vision ?? false}
          modelName={modelName}
          focusRequest={state.focusRequest}
          onSend={onSend}
          onStop={chat.stop}
        />
      </div>

      <div className="chat-side" id={sideId} hidden={!sideOpen}>
        <Conversations
          conversations={listed ?? null}
          currentId={current.id}
          query={query}
          onQuery={chat.searchFor}
          onOpen={chat.openConversation}
          onNew={chat.startNewChat}
          onDelete={onDelete}
          undo={state.undo}
          onUndo={onUndo}
          busy={busy}
        />
        <Settings
          settings={current.settings}
          note={state.settingsNote}
          onChange={chat.changeSettings}
          models={models}
          availability={state.availability}
          availabilityError={state.availabilityError}
          checking={state.checking}
          onCheckAvailability={onCheckAvailability}
          locked={busy}
        />
      </div>
    </div>
  );
}
