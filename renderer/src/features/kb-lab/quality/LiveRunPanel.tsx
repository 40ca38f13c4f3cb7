/** Vector, hybrid and reranked figures on demand: the index, the rerank model, the cost first. */
import type { RerankModelId } from '../../../../../shared/knowledge-bases';
import { SelectField } from '../../../components/choice-fields';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import { chunkingKey, describeChunking } from '../../../lib/rag/content-hash';
import { EVAL_DEPTH } from '../../../lib/rag/quality';
import { modelName } from '../index-tab/embedding-models';
import { planLive } from './live-runner';
import { useQuality } from './quality-store';
import type { LivePanel } from './use-live-panel';

export function LiveRunPanel({ panel }: { panel: LivePanel }) {
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
        <SelectField
          label="Vector index"
          value={index.id}
          disabled={panel.running}
          options={panel.indexes.map((i) => ({
            value: i.id,
            label: `${describeChunking(i.chunking)} · ${modelName(i.modelId)}, ${i.dimensions} dimensions`,
          }))}
          onChange={panel.setChosen}
        />
        <SelectField<RerankModelId | 'none'>
          label="Rerank model"
          value={panel.rerank}
          disabled={panel.running}
          options={[
            { value: 'none', label: 'None (vector and hybrid only)' },
            ...panel.rerankModels.map((m) => ({ value: m, label: modelName(m) })),
          ]}
          onChange={panel.setRerank}
        />
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
