/**
 * One imported-model run: a summary (tokens, average and lowest probability, the answer's total
 * log probability), the confidence strip and the chosen token's alternatives.
 */
import type { ImportedLogprobsOutput } from '../../../../../shared/imported-models-contract';
import { formatCount, formatDuration, formatPercent, plural } from '../../../lib/format';
import { ConfidenceStrip } from './ConfidenceStrip';
import { TokenAlternatives } from './TokenAlternatives';
import { visibleToken } from './confidence';

function Summary({ result }: { result: ImportedLogprobsOutput }) {
  const { tokens } = result;
  const mean = tokens.reduce((s, t) => s + t.probability, 0) / Math.max(1, tokens.length);
  const lowest = tokens.reduce<(typeof tokens)[number] | null>(
    (low, t) => (low === null || t.probability < low.probability ? t : low),
    null,
  );
  const total = tokens.reduce((s, t) => s + t.logprob, 0);
  return (
    <p className="imported-summary" data-testid="imported-summary">
      {plural(tokens.length, 'token')} in {formatDuration(result.latencyMs)}
      {result.finishReason === 'length' ? ' (stopped at the token limit)' : ''}. Average probability{' '}
      {formatPercent(mean)}
      {lowest ? (
        <>
          ; least likely <code>{visibleToken(lowest.token)}</code> at{' '}
          {formatPercent(lowest.probability)}
        </>
      ) : null}
      . Log probability of the whole answer: {total.toFixed(2)} (the sum of its tokens’, so the
      answer’s probability is their product).
      {result.inputTokens !== null
        ? ` ${formatCount(result.inputTokens)} input tokens, as Bedrock counted them.`
        : ''}
    </p>
  );
}

export function ImportedResult({
  result,
  selected,
  onSelect,
}: {
  result: ImportedLogprobsOutput;
  selected: number;
  onSelect: (index: number) => void;
}) {
  const token = result.tokens[selected] ?? result.tokens[0];
  return (
    <div data-testid="imported-result">
      <h2>Real token probabilities</h2>
      <Summary result={result} />
      {result.tokens.length === 0 ? (
        <p className="empty">The model generated no tokens.</p>
      ) : (
        <ConfidenceStrip tokens={result.tokens} selected={selected} onSelect={onSelect} />
      )}
      {token ? <TokenAlternatives token={token} index={result.tokens.indexOf(token)} /> : null}
    </div>
  );
}
