/**
 * The turns of a chat: the learner's messages (with image thumbnails) and the model's answers
 * (safe Markdown, figures per turn, how the answer ended, the guardrail's trace when there is one).
 */
import {
  GUARDRAIL_INTERVENED_EXPLANATION,
  type GuardrailFinding,
  type GuardrailTraceSummary,
} from '../../../../shared/guardrails';
import { errorTitle } from '../../components/ConnectionStatus';
import { Icon } from '../../components/Icon';
import type { AssistantTurn, ChatImage, UserTurn } from '../../db/schema';
import { formatBytes } from '../../db/conversations';
import { StreamingOutput } from './ModelOutput';

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
      return `The answer reached the max tokens limit (${maxTokens.toLocaleString('en-US')}) and was cut off. Raise Max tokens to get more.`;
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

const POLICY_LABEL: Record<GuardrailFinding['policy'], string> = {
  contentFilter: 'Content filter',
  deniedTopic: 'Denied topic',
  customWord: 'Word filter (custom words)',
  managedWordList: 'Word filter (managed list)',
  sensitiveInformation: 'Sensitive information',
  regex: 'Sensitive information (regex)',
  contextualGrounding: 'Contextual grounding',
};

function findingText(f: GuardrailFinding): string {
  const extra = [
    f.confidence ? `confidence ${f.confidence}` : null,
    f.filterStrength ? `filter strength ${f.filterStrength}` : null,
    f.match ? `matched “${f.match}”` : null,
    f.score !== null
      ? `score ${f.score}${f.threshold !== null ? ` (threshold ${f.threshold})` : ''}`
      : null,
  ].filter(Boolean);
  return `${f.source === 'input' ? 'Prompt' : 'Answer'} · ${POLICY_LABEL[f.policy]}: ${f.name} → ${f.action}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

export function GuardrailTrace({ trace }: { trace: GuardrailTraceSummary }) {
  return (
    <details className="guardrail-trace" open={trace.acted} data-testid="guardrail-trace">
      <summary>
        Guardrail trace: {trace.acted ? 'the guardrail acted' : 'no policy acted'} (
        {trace.findings.length} {trace.findings.length === 1 ? 'finding' : 'findings'})
      </summary>
      {trace.findings.length > 0 ? (
        <ul className="small">
          {trace.findings.map((f, i) => (
            <li key={i}>{findingText(f)}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">The guardrail checked the run and reported no findings.</p>
      )}
      {trace.actionReason ? <p className="small">Reason given: {trace.actionReason}</p> : null}
    </details>
  );
}

const ms = (x: number) => `${Math.round(x).toLocaleString('en-US')} ms`;
/** Two significant digits for the tiny costs of one chat turn. */
const usd = (x: number) =>
  x === 0 ? '$0' : x < 0.01 ? `$${x.toPrecision(2)}` : `$${x.toFixed(3)}`;

export function TurnMetrics({ turn }: { turn: AssistantTurn }) {
  const parts = [
    turn.usage
      ? `${turn.usage.inputTokens.toLocaleString('en-US')} in · ${turn.usage.outputTokens.toLocaleString('en-US')} out tokens`
      : null,
    turn.latencyMs !== null ? `latency ${ms(turn.latencyMs)}` : null,
    turn.firstTokenMs !== null ? `first token ${ms(turn.firstTokenMs)}` : null,
    turn.costUsd !== null ? `about ${usd(turn.costUsd)}` : turn.usage ? 'cost unknown' : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="small muted chat-metrics" data-testid="turn-metrics">
      {parts.join(' · ')}
    </p>
  );
}

/** Why an answer failed, what to do, and that the partial text is kept. */
function TurnError({
  error,
  partial,
}: {
  error: NonNullable<AssistantTurn['error']>;
  partial: boolean;
}) {
  const known = errorTitle(error.code);
  // The shared titles are about connecting; an unknown code here is a failed answer.
  const title = known === errorTitle('') ? 'The answer failed' : known;
  return (
    <div className="status status-error" role="alert">
      <Icon name="alert" />
      <div>
        <strong>{title}</strong>
        <p>{error.message}</p>
        {error.remedy ? (
          <p className="remedy">
            <span className="remedy-label">What to do: </span>
            {error.remedy}
          </p>
        ) : null}
        {partial ? (
          <p className="muted">The text that arrived before the error is kept above.</p>
        ) : null}
      </div>
    </div>
  );
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
