/** The index being built: exact progress, cost counted so far, Cancel, and Resume after a stop. */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatCount, formatUsd } from '../../../lib/format';
import { cancelRun, runIndex, type IndexRun } from '../index-store';

const OFFLINE_CODES = new Set([
  'no_credentials',
  'sso_expired',
  'invalid_credentials',
  'offline',
  'timeout',
  'access_denied',
  'unknown_request',
]);

function statusLine(run: IndexRun): string {
  const of = `${formatCount(run.done)} of ${formatCount(run.total)} chunks`;
  switch (run.status) {
    case 'running':
      return `Embedding: ${of}.`;
    case 'complete':
      return `Done: ${of} embedded.`;
    case 'stopped':
      return `Stopped at ${of}. The finished chunks are kept; Resume sends only the rest.`;
    case 'failed':
      return `Stopped by an error at ${of}. The finished chunks are kept; Resume sends only the rest.`;
  }
}

export function RunProgress({ run }: { run: IndexRun }) {
  const cost = `${formatUsd(run.costUsd)}${run.costUnknown ? ' (some calls had no price)' : ''}`;
  return (
    <ResultsRegion
      label="Index progress"
      revealKey={`${run.indexId}-${run.status === 'running' ? 'run' : run.status}`}
      announce={run.status === 'running' ? null : statusLine(run)}
      className="card kb-run"
    >
      <h2>Embedding the chunks</h2>
      <progress value={run.done} max={Math.max(1, run.total)} aria-label="Chunks embedded" />
      <p data-testid="kb-progress">{statusLine(run)}</p>
      <p className="muted small">Counted from Bedrock’s replies in this run: {cost}.</p>
      {run.error ? <ErrorPanel error={run.error} /> : null}
      {run.error && OFFLINE_CODES.has(run.error.code) ? (
        <p className="status status-idle">
          Vectors need Bedrock. Lexical (BM25) retrieval still works without it: try the Retrieval
          tab.
        </p>
      ) : null}
      <div className="toolbar">
        {run.status === 'running' ? (
          <button type="button" onClick={cancelRun}>
            Cancel
          </button>
        ) : null}
        {run.status === 'failed' || run.status === 'stopped' ? (
          <button type="button" className="primary" onClick={() => void runIndex(run.indexId)}>
            Resume
          </button>
        ) : null}
      </div>
    </ResultsRegion>
  );
}
