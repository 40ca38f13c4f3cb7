/**
 * The message box: Enter sends, Shift+Enter is a new line, Escape stops a running answer; image
 * attachments for vision models; the edit notice when the last message is back in the box. What
 * is typed is the conversation's draft in the chat store, so it survives a screen switch.
 */
import { useEffect, useId, useRef } from 'react';
import { Thumbnails } from './ChatTurns';
import {
  attachImages,
  clearDraft,
  removeImage,
  updateDraft,
  type ComposerDraft,
} from './chat-store';

export function ChatComposer({
  draft,
  error,
  busy,
  vision,
  modelName,
  focusRequest,
  onSend,
  onStop,
}: {
  draft: ComposerDraft;
  error: string | null;
  /** True while an answer streams: Stop replaces Send. */
  busy: boolean;
  /** True when the model accepts images. */
  vision: boolean;
  modelName: string;
  /** Takes the focus when this rises (not on mount). */
  focusRequest: number;
  onSend: () => void;
  onStop: () => void;
}) {
  const id = useId();
  const box = useRef<HTMLTextAreaElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const focused = useRef(focusRequest);
  useEffect(() => {
    if (focusRequest === focused.current) return;
    focused.current = focusRequest;
    box.current?.focus();
  }, [focusRequest]);
  const empty = !draft.text.trim() && draft.images.length === 0;

  return (
    <section className="card chat-composer" aria-label="Message">
      {draft.editing ? (
        <p className="status status-idle small" role="status">
          <span>
            Editing your last message: sending replaces it and its answer.{' '}
            <button type="button" className="link" onClick={clearDraft}>
              Cancel edit
            </button>
          </span>
        </p>
      ) : null}
      <label htmlFor={id} className="sr-only">
        Message
      </label>
      <textarea
        id={id}
        ref={box}
        rows={3}
        value={draft.text}
        maxLength={200_000}
        placeholder="Message (Enter sends, Shift+Enter for a new line)"
        onChange={(e) => updateDraft({ text: e.target.value })}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && busy) {
            e.preventDefault();
            onStop();
          } else if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            onSend();
          }
        }}
      />
      <Thumbnails images={draft.images} onRemove={removeImage} />
      {error ? (
        <p className="field-error" role="alert" data-testid="composer-error">
          {error}
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
            void attachImages(Array.from(e.target.files ?? []));
            e.target.value = '';
          }}
        />
        <button
          type="button"
          onClick={() => fileInput.current?.click()}
          disabled={!vision || busy}
          aria-describedby={!vision ? `${id}-vision` : undefined}
        >
          Attach images
        </button>
        <span className="spacer" />
        {busy ? (
          <button type="button" className="danger" onClick={onStop}>
            Stop
          </button>
        ) : (
          <button type="button" className="primary" disabled={empty} onClick={onSend}>
            Send
          </button>
        )}
      </div>
      {!vision ? (
        <p id={`${id}-vision`} className="hint">
          {modelName} is text-only: pick a model marked “vision” to attach images.
        </p>
      ) : (
        <p className="hint">
          Images: PNG, JPEG, GIF or WebP, up to 3.75 MB and 8,000 pixels a side; at most 4 per
          message and 8 per conversation.
        </p>
      )}
    </section>
  );
}
