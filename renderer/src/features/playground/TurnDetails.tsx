/** What is shown under an answer: its figures (tokens, latency, first token, cost) and its error. */
import { errorTitle } from '../../components/ConnectionStatus';
import { Icon } from '../../components/Icon';
import type { AssistantTurn } from '../../db/schema';
import { formatCount, formatDuration, formatUsd } from '../../lib/format';

export function TurnMetrics({ turn }: { turn: AssistantTurn }) {
  const parts = [
    turn.usage
      ? `${formatCount(turn.usage.inputTokens)} in · ${formatCount(turn.usage.outputTokens)} out tokens`
      : null,
    turn.latencyMs !== null ? `latency ${formatDuration(turn.latencyMs)}` : null,
    turn.firstTokenMs !== null ? `first token ${formatDuration(turn.firstTokenMs)}` : null,
    turn.costUsd !== null ? `about ${formatUsd(turn.costUsd)}` : turn.usage ? 'cost unknown' : null,
  ].filter(Boolean);
  if (parts.length === 0) return null;
  return (
    <p className="small muted chat-metrics" data-testid="turn-metrics">
      {parts.join(' · ')}
    </p>
  );
}

/** Why an answer failed, what to do, and that the partial text is kept. */
export function TurnError({
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
        <p className="remedy">
          <span className="remedy-label">What to do: </span>
          {error.remedy ?? 'Press Retry last message to ask again; the conversation is kept.'}
        </p>
        {partial ? (
          <p className="muted">The text that arrived before the error is kept above.</p>
        ) : null}
      </div>
    </div>
  );
}
