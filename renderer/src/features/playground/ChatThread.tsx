/**
 * The conversation card: its title and exports, the turns (the answer streaming in last, kept in
 * view while it grows unless the learner scrolled up), and Edit/Retry for the last message.
 */
import { memo } from 'react';
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
}) {
  const turns = conversation.turns;
  const streaming = live?.conversationId === conversation.id ? live.turn : null;
  const { listRef, endRef, onScroll } = useFollowLatest({
    conversationId: conversation.id,
    liveId: streaming?.id ?? null,
    size: turns.length + (streaming?.text.length ?? 0),
  });
  const canRetry = !live && turns.some((t) => t.role === 'user');
  const maxTokens = conversation.settings.maxTokens;

  return (
    <section className="card chat-thread-card" aria-label="Conversation">
      <header className="chat-thread-head">
        <h2 className="chat-title">{turns.length > 0 ? conversation.title : 'New chat'}</h2>
        {turns.length > 0 ? <ChatExport conversation={conversation} /> : null}
      </header>
      {turns.length === 0 && !streaming ? (
        <div className="empty chat-empty">
          <p>
            Send a message to <strong>{modelName}</strong> in {region}, or load a prompt technique
            below. Each message is a real Amazon Bedrock call on your AWS account (
            <Link href="/settings">Settings</Link>) and costs tokens; the figures appear under each
            answer.
          </p>
        </div>
      ) : (
        <ol
          className="chat-thread"
          data-testid="chat-thread"
          aria-live="off"
          ref={listRef}
          onScroll={onScroll}
        >
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
      <div ref={endRef} />
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
