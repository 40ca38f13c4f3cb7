/**
 * The conversation card: its title and exports, the turns (the answer streaming in last, kept in
 * view while it grows unless the learner scrolled up; the page is the transcript's scroller), and
 * Edit/Retry for the last message.
 */
import { memo, type ReactNode } from 'react';
import { Link } from 'wouter';
import type { Conversation } from '../../db/schema';
import { AssistantMessage, UserMessage } from './ChatTurns';
import { ChatExport } from './ChatExport';
import type { LiveTurn } from './chat-store';
import { useFollowLatest } from './use-follow-latest';

// Saved turns do not change while an answer streams: only the live one renders per frame.
const Question = memo(UserMessage);
const Answer = memo(AssistantMessage);

export function ChatThread({
  conversation,
  live,
  modelName,
  region,
  editing,
  onEditLast,
  onRetry,
  sidePanel,
}: {
  conversation: Conversation;
  /** The answer streaming in (in any conversation). */
  live: LiveTurn | null;
  modelName: string;
  region: string;
  /** True while the last message is back in the composer. */
  editing: boolean;
  onEditLast: () => void;
  onRetry: () => void;
  /** The button that shows or hides the side panel (conversations and settings). */
  sidePanel: ReactNode;
}) {
  const turns = conversation.turns;
  const streaming = live?.conversationId === conversation.id ? live.turn : null;
  const { rootRef } = useFollowLatest({
    conversationId: conversation.id,
    liveId: streaming?.id ?? null,
    size: turns.length + (streaming?.text.length ?? 0),
  });
  const canRetry = !live && turns.some((t) => t.role === 'user');
  const maxTokens = conversation.settings.maxTokens;

  return (
    <section className="card chat-thread-card" aria-label="Conversation" ref={rootRef}>
      <header className="chat-thread-head">
        <h2 className="chat-title">{turns.length > 0 ? conversation.title : 'New chat'}</h2>
        <div className="chat-thread-tools">
          {turns.length > 0 ? <ChatExport conversation={conversation} /> : null}
          {sidePanel}
        </div>
      </header>
      {turns.length === 0 && !streaming ? (
        <div className="empty chat-empty">
          <p>
            Send a message to <strong>{modelName}</strong> in {region}, or load a prompt technique
            above. Each message is a real Amazon Bedrock call on your AWS account (
            <Link href="/settings">Settings</Link>) and costs tokens; the figures appear under each
            answer.
          </p>
        </div>
      ) : (
        <ol className="chat-thread" data-testid="chat-thread" aria-live="off">
          {turns.map((turn) =>
            turn.role === 'user' ? (
              <Question key={turn.id} turn={turn} />
            ) : (
              <Answer key={turn.id} turn={turn} maxTokens={maxTokens} />
            ),
          )}
          {streaming ? <AssistantMessage turn={streaming} maxTokens={maxTokens} streaming /> : null}
        </ol>
      )}
      {canRetry ? (
        <div className="actions chat-turn-actions">
          <button type="button" className="link" onClick={onEditLast} disabled={editing}>
            Edit last message
          </button>
          <button type="button" className="link" onClick={onRetry}>
            Retry last message
          </button>
        </div>
      ) : null}
      <p className="sr-only" role="status">
        {streaming ? 'The model is answering.' : ''}
      </p>
    </section>
  );
}
