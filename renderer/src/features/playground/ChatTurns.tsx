/**
 * The turns of a chat: the learner's messages (with image thumbnails) and the model's answers
 * (safe Markdown, figures per turn, how the answer ended, the guardrail's trace when there is one).
 */
import { GUARDRAIL_INTERVENED_EXPLANATION } from '../../../../shared/guardrails';
import type { AssistantTurn, ChatImage, UserTurn } from '../../db/schema';
import { formatBytes } from '../../db/conversations';
import { formatCount } from '../../lib/format';
import { GuardrailTrace } from './GuardrailTrace';
import { StreamingOutput } from './ModelOutput';
import { TurnError, TurnMetrics } from './TurnDetails';

const imageUrl = (image: ChatImage) => `data:image/${image.format};base64,${image.base64}`;

export function Thumbnails({
  images,
  onRemove,
}: {
  images: readonly ChatImage[];
  onRemove?: (index: number) => void;
}) {
  if (images.length === 0) return null;
  return (
    <ul className="chat-thumbs" aria-label="Attached images">
      {images.map((image, i) => (
        <li key={`${image.name}-${i}`}>
          <img src={imageUrl(image)} alt={image.name} />
          <span className="small muted">
            {image.name} · {formatBytes(image.bytes)}
          </span>
          {onRemove ? (
            <button
              type="button"
              className="link"
              aria-label={`Remove ${image.name}`}
              onClick={() => onRemove(i)}
            >
              Remove
            </button>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

export function UserMessage({ turn }: { turn: UserTurn }) {
  return (
    <li className="chat-turn chat-user" data-testid="user-turn">
      <span className="chat-role">You</span>
      <Thumbnails images={turn.images} />
      {turn.text ? <p className="chat-user-text">{turn.text}</p> : null}
    </li>
  );
}

/** Plain words for Converse's stop reasons; null for a normal end. */
export function stopReasonText(reason: string | null, maxTokens: number): string | null {
  switch (reason) {
    case null:
    case 'end_turn':
      return null;
    case 'max_tokens':
      return `The answer reached the max tokens limit (${formatCount(maxTokens)}) and was cut off. Raise Max tokens to get more.`;
    case 'stop_sequence':
      return 'The answer ended at one of your stop sequences (the sequence itself is not included).';
    case 'guardrail_intervened':
      return `${GUARDRAIL_INTERVENED_EXPLANATION} The text above is the message configured in the guardrail, not the model’s answer.`;
    case 'content_filtered':
      return 'The model’s own content filter stopped the answer.';
    default:
      return `The model stopped with reason “${reason}”.`;
  }
}

export function AssistantMessage({
  turn,
  maxTokens,
  streaming = false,
}: {
  turn: AssistantTurn;
  maxTokens: number;
  streaming?: boolean;
}) {
  const reason = stopReasonText(turn.stopReason, maxTokens);
  return (
    <li
      className={`chat-turn chat-assistant status-${streaming ? 'streaming' : turn.status}`}
      data-testid="assistant-turn"
      data-status={streaming ? 'streaming' : turn.status}
      aria-busy={streaming || undefined}
    >
      <span className="chat-role">
        {turn.modelId}
        {turn.status === 'stopped' ? <span className="badge">stopped</span> : null}
      </span>
      <div className="prose chat-answer" data-testid="assistant-text">
        {turn.text ? <StreamingOutput text={turn.text} streaming={Boolean(streaming)} /> : null}
        {streaming ? <span className="chat-cursor" aria-hidden="true" /> : null}
        {!turn.text && !streaming && turn.status !== 'failed' ? (
          <p className="muted">(no text)</p>
        ) : null}
      </div>
      {turn.status === 'stopped' ? (
        <p className="small muted">You stopped this answer; the text so far is kept.</p>
      ) : null}
      {turn.error ? <TurnError error={turn.error} partial={turn.text.length > 0} /> : null}
      {reason ? (
        <p
          className={
            turn.stopReason === 'guardrail_intervened' ? 'status status-warn small' : 'small muted'
          }
          data-testid="stop-reason"
        >
          {reason}
        </p>
      ) : null}
      {turn.guardrailTrace ? <GuardrailTrace trace={turn.guardrailTrace} /> : null}
      <TurnMetrics turn={turn} />
    </li>
  );
}
