/**
 * The catalog as a table: one row per model (its inference profiles are the same model), with
 * the id Stratum calls it by in the region, modalities, limits, features, list prices and, after
 * a check, whether the region offers it.
 */
import type { ModelEntry } from '../../../../shared/catalog-schema';
import type { Availability } from '../../../../shared/contract';
import { invocableModelId } from '../../../../shared/models';
import { formatUsd } from '../../lib/format';
import { compactTokens, regionStatus, STATUS_TEXT } from './catalog-view';

const FEATURE_LABELS: [keyof ModelEntry['features'], string][] = [
  ['streaming', 'Streaming'],
  ['toolUse', 'Tool use'],
  ['vision', 'Vision'],
  ['imageGeneration', 'Image generation'],
  ['embeddings', 'Embeddings'],
];

/** Token prices read best per million tokens (the catalog stores them per thousand, as AWS lists them). */
function Price({ model }: { model: ModelEntry }) {
  const p = model.pricing;
  if (p.kind === 'tokens') {
    return <>{`${formatUsd(p.inputPer1k * 1000)} in · ${formatUsd(p.outputPer1k * 1000)} out`}</>;
  }
  if (p.kind === 'embedding') return <>{`${formatUsd(p.inputPer1k * 1000)} in`}</>;
  return (
    <ul className="tiers">
      {p.perImage.map((t) => (
        <li key={t.tier}>
          {formatUsd(t.usd)} <span className="muted">{t.tier}</span>
        </li>
      ))}
    </ul>
  );
}

function ModelCell({ model, region }: { model: ModelEntry; region: string }) {
  const callId = invocableModelId(model, region);
  return (
    <div className="model-cell">
      <span className="model-name">{model.name}</span>
      <span className="muted small">{model.provider}</span>
      <code className="small" title={callId === model.id ? 'Model id' : 'Inference profile id'}>
        {callId}
      </code>
      {model.lifecycle !== 'active' ? (
        <span className={`badge badge-${model.lifecycle}`}>
          {model.lifecycle === 'legacy' ? 'Legacy' : 'End of life'}
        </span>
      ) : null}
      {model.note ? (
        <details className="note small">
          <summary>Notes</summary>
          {model.note}
        </details>
      ) : null}
    </div>
  );
}

function ModelRow({
  model,
  region,
  availability,
}: {
  model: ModelEntry;
  region: string;
  availability: Availability | null;
}) {
  const status = availability ? regionStatus(model, availability) : null;
  return (
    <tr>
      <th scope="row">
        <ModelCell model={model} region={region} />
      </th>
      <td>
        {model.inputModalities.join(', ')} → {model.outputModalities.join(', ')}
      </td>
      <td>{compactTokens(model.contextWindow)}</td>
      <td>{compactTokens(model.maxOutputTokens)}</td>
      <td>
        <ul className="badges">
          {FEATURE_LABELS.filter(([k]) => model.features[k]).map(([k, label]) => (
            <li key={k}>{label}</li>
          ))}
          {model.requiresInferenceProfile ? <li className="badge-warn">Profile only</li> : null}
        </ul>
      </td>
      <td>
        <Price model={model} />
      </td>
      {status ? <td className={`avail avail-${status}`}>{STATUS_TEXT[status]}</td> : null}
    </tr>
  );
}

export function ModelTable({
  models,
  region,
  availability,
}: {
  models: readonly ModelEntry[];
  region: string;
  availability: Availability | null;
}) {
  return (
    <div className="table-wrap">
      <table className="models">
        <caption className="sr-only">Bedrock model catalog</caption>
        <thead>
          <tr>
            <th scope="col">Model</th>
            <th scope="col">In → out</th>
            <th scope="col">Context</th>
            <th scope="col">Max output</th>
            <th scope="col">Features</th>
            <th scope="col">On-demand price (per 1M tokens, or per image)</th>
            {availability ? <th scope="col">{availability.region}</th> : null}
          </tr>
        </thead>
        <tbody>
          {models.map((m) => (
            <ModelRow key={m.id} model={m} region={region} availability={availability} />
          ))}
        </tbody>
      </table>
      {models.length === 0 ? <p className="empty">No model matches these filters.</p> : null}
    </div>
  );
}
