/** Vector, hybrid and reranked figures on demand: the index, the rerank model, the cost first. */
import { useId } from 'react';
import type { RerankModelId } from '../../../../../shared/knowledge-bases';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import { chunkingKey, describeChunking } from '../../../lib/rag/content-hash';
import { EVAL_DEPTH } from '../../../lib/rag/quality';
import { modelName } from '../index-tab/embedding-models';
import { planLive } from './live-runner';
import { useQuality } from './quality-store';
import type { LivePanel } from './use-live-panel';

export function LiveRunPanel({ panel }: { panel: LivePanel }) {
  const ids = { index: useId(), rerank: useId() };
  const { live } = useQuality();
  const { index } = panel;
  if (panel.indexes === null) return <p className="muted">Looking for vector indexes…</p>;
  if (!index)
    return (
      <p>
        No complete vector index yet. Build one on the Embeddings tab (any chunking): that chunking
        then gets vector, hybrid and reranked figures here.
      </p>
    );
  const rerank = panel.rerank === 'none' ? null : panel.rerank;
  const plan = planLive(index, rerank);
  const run = live[chunkingKey(index.chunking)];
  const showRun = run && run.indexId === index.id ? run : null;
  return (
    <div className="live-panel">
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.index}>Vector index</label>
          <select
            id={ids.index}
            value={index.id}
            disabled={panel.running}
            onChange={(e) => panel.setChosen(e.target.value)}
          >
            {panel.indexes.map((i) => (
              <option key={i.id} value={i.id}>
                {`${describeChunking(i.chunking)} · ${modelName(i.modelId)}, ${i.dimensions} dimensions`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.rerank}>Rerank model</label>
          <select
            id={ids.rerank}
            value={panel.rerank}
            disabled={panel.running}
            onChange={(e) => panel.setRerank(e.target.value as RerankModelId | 'none')}
          >
            <option value="none">None (vector and hybrid only)</option>
            {panel.rerankModels.map((m) => (
              <option key={m} value={m}>
                {modelName(m)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p className="live-plan" data-testid="live-plan">
        Embeds {plural(plan.questions, 'question')} (about {formatCount(plan.embedTokens)} tokens)
        with {modelName(index.modelId)} as <code>search_query</code>: about{' '}
        {plan.embedCostUsd === undefined
          ? 'an unknown amount'
          : formatUsdOrUnknown(plan.embedCostUsd)}
        .
        {rerank
          ? ` Reranks ${formatCount(plan.rerankQueries)} queries (one Rerank call of ${EVAL_DEPTH} chunks per question; priced per query): ${
              plan.rerankCostUsd === null
                ? 'Stratum does not know the price per query (see the Bedrock pricing page)'
                : `about ${formatUsdOrUnknown(plan.rerankCostUsd)}`
            }.`
          : ''}
      </p>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={panel.running}
          onClick={() => void panel.run()}
        >
          {panel.running ? 'Running…' : `Run on ${plural(plan.questions, 'question')}`}
        </button>
        {panel.running ? (
          <button type="button" onClick={panel.cancel}>
            Cancel
          </button>
        ) : null}
      </div>
      {showRun?.status === 'running' ? (
        <p className="live-progress">
          <progress
            value={showRun.done}
            max={Math.max(1, showRun.total)}
            aria-label="Live run progress"
          />{' '}
          {showRun.stage}: {formatCount(showRun.done)} of {formatCount(showRun.total)}
        </p>
      ) : null}
      {showRun?.status === 'cancelled' ? (
        <p className="muted">Cancelled: figures already finished are kept.</p>
      ) : null}
      {showRun?.status === 'failed' && showRun.error ? <ErrorPanel error={showRun.error} /> : null}
      {showRun?.status === 'done' ? (
        <p className="muted small" data-testid="live-done">
          Done. Embedding the questions cost {formatUsdOrUnknown(showRun.embedCostUsd)} as main
          reported it.{' '}
          {showRun.reranked
            ? `${plural(showRun.rerankCalls, 'Rerank call')}, cost ${formatUsdOrUnknown(showRun.rerankCostUsd)} as main reported it. `
            : ''}
          Every call is in the invocation log.
        </p>
      ) : null}
    </div>
  );
}
