/** One streamed answer (grounded or not): its text with citations, status, tokens, time and cost. */
import type { ReactNode } from 'react';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatCount, formatDuration, formatUsdOrUnknown, plural } from '../../../lib/format';
import { parseCitations } from '../../../lib/rag/citations';
import type { ConverseRun } from '../../../streams/converse-run';
import type { LocalHit } from '../retrieval-api';
import { CitedText } from './CitedText';

function CitationSummary({ text, sources }: { text: string; sources: readonly LocalHit[] }) {
  const { cited, unknown } = parseCitations(text, sources.length);
  return (
    <p className="muted small" data-testid="citation-summary">
      {cited.length === 0
        ? 'Cites no retrieved source.'
        : `Cites ${plural(cited.length, 'source')} of ${sources.length}: ${cited.map((n) => `[${n}]`).join(' ')}.`}
      {unknown.length > 0 ? (
        <strong className="citation-warning">
          {' '}
          {unknown.map((n) => `[${n}]`).join(' ')}{' '}
          {unknown.length === 1 ? 'names no source' : 'name no source'}: the model made{' '}
          {unknown.length === 1 ? 'it' : 'them'} up, so the claim beside it is not grounded.
        </strong>
      ) : null}
    </p>
  );
}

export function AnswerColumn({
  title,
  description,
  run,
  sources,
  testId,
}: {
  title: string;
  description: ReactNode;
  run: ConverseRun | null;
  /** The numbered sources the prompt listed (none for the answer without retrieval). */
  sources: readonly LocalHit[];
  testId: string;
}) {
  return (
    <section className="card answer-column" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      <p className="muted small">{description}</p>
      {run === null ? (
        <p className="muted">Not asked yet.</p>
      ) : (
        <>
          <CitedText text={run.text} sources={sources} />
          {run.status === 'streaming' ? <p className="muted small">Streaming…</p> : null}
          {run.status === 'stopped' ? <p className="muted small">Stopped.</p> : null}
          {run.error ? <ErrorPanel error={run.error} /> : null}
          {run.status !== 'streaming' && run.text ? (
            <CitationSummary text={run.text} sources={sources} />
          ) : null}
          {run.status === 'complete' ? (
            <p className="muted small answer-meta">
              {run.usage
                ? `${formatCount(run.usage.inputTokens)} tokens in · ${formatCount(run.usage.outputTokens)} out`
                : 'Tokens not reported'}{' '}
              · {formatDuration(run.totalMs)} · cost {formatUsdOrUnknown(run.costUsd)}
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
