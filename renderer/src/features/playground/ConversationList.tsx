/** The chat's side list: saved conversations, searchable, each deletable (with undo). */
import { useId } from 'react';
import type { Conversation } from '../../db/schema';
import { formatDateTime } from '../../lib/format';

export function ConversationList({
  conversations,
  currentId,
  query,
  onQuery,
  onOpen,
  onNew,
  onDelete,
  undo,
  onUndo,
  busy,
}: {
  /** Null while loading. */
  conversations: Conversation[] | null;
  currentId: string;
  query: string;
  onQuery: (query: string) => void;
  onOpen: (conversation: Conversation) => void;
  onNew: () => void;
  onDelete: (conversation: Conversation) => void;
  /** The conversation just deleted, if its undo is still offered. */
  undo: Conversation | null;
  onUndo: () => void;
  /** True while an answer streams: switching is disabled until it ends or is stopped. */
  busy: boolean;
}) {
  const searchId = useId();
  return (
    <aside className="card chat-list" aria-label="Conversations">
      <div className="chat-list-head">
        <h2>Conversations</h2>
        <button type="button" onClick={onNew} disabled={busy}>
          New chat
        </button>
      </div>
      <div className="field">
        <label htmlFor={searchId} className="sr-only">
          Search conversations
        </label>
        <input
          id={searchId}
          type="search"
          placeholder="Search titles and messages"
          value={query}
          onChange={(e) => onQuery(e.target.value)}
        />
      </div>
      {undo ? (
        <p role="status" className="status status-idle small">
          <span>
            Deleted “{undo.title}”.{' '}
            <button type="button" className="link" onClick={onUndo}>
              Undo
            </button>
          </span>
        </p>
      ) : null}
      {conversations === null ? (
        <p className="loading">Loading…</p>
      ) : conversations.length === 0 ? (
        <p className="empty small">
          {query.trim()
            ? `No conversation matches “${query.trim()}”.`
            : 'No saved conversations yet. Chats are saved on this computer as soon as you send a message.'}
        </p>
      ) : (
        <ul className="chat-list-items" data-testid="conversation-list">
          {conversations.map((c) => (
            <li key={c.id} className={c.id === currentId ? 'active' : undefined}>
              <button
                type="button"
                className="chat-list-open"
                aria-current={c.id === currentId ? 'true' : undefined}
                disabled={busy && c.id !== currentId}
                onClick={() => onOpen(c)}
              >
                <span className="chat-list-title">{c.title}</span>
                <span className="muted small">
                  {formatDateTime(c.updatedAt)} · {c.turns.filter((t) => t.role === 'user').length}{' '}
                  sent
                </span>
              </button>
              <button
                type="button"
                className="link chat-list-delete"
                aria-label={`Delete “${c.title}”`}
                title="Delete"
                disabled={busy && c.id === currentId}
                onClick={() => onDelete(c)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
}
