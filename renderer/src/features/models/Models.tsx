import { useId, useMemo, useState } from 'react';
import { CATALOG } from '../../../../shared/catalog';
import type { ModelEntry } from '../../../../shared/catalog-schema';
import type { Availability } from '../../../../shared/contract';
import { baseModelId, invocableModelId } from '../../../../shared/models';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import './models.css';

/** Dollars with enough digits to tell cheap models apart. */
const usd = (n: number) => (n >= 0.1 ? `$${n.toFixed(2)}` : `$${Number(n.toPrecision(2))}`);

/** Token prices read best per million tokens (the catalog stores them per thousand, as AWS lists them). */
function Price({ model }: { model: ModelEntry }) {
  const p = model.pricing;
  if (p.kind === 'tokens') {
    return <>{`${usd(p.inputPer1k * 1000)} in · ${usd(p.outputPer1k * 1000)} out`}</>;
  }
  if (p.kind === 'embedding') return <>{`${usd(p.inputPer1k * 1000)} in`}</>;
  return (
    <ul className="tiers">
      {p.perImage.map((t) => (
        <li key={t.tier}>
          {usd(t.usd)} <span className="muted">{t.tier}</span>
        </li>
      ))}
    </ul>
  );
}

const tokens = (n: number | null) =>
  n === null
    ? '—'
    : n >= 1_000_000
      ? `${n / 1_000_000}M`
      : n >= 1000
        ? `${Math.round(n / 1000).toLocaleString()}k`
        : String(n);

const FEATURE_LABELS: [keyof ModelEntry['features'], string][] = [
  ['streaming', 'Streaming'],
  ['toolUse', 'Tool use'],
  ['vision', 'Vision'],
  ['imageGeneration', 'Image generation'],
  ['embeddings', 'Embeddings'],
];

type Status = 'listed' | 'profile' | 'absent';

function availabilityOf(m: ModelEntry, a: Availability): Status {
  const listed = a.models.find((x) => x.modelId === m.id);
  if (listed?.inferenceTypes.includes('ON_DEMAND')) return 'listed';
  const inProfile = a.inferenceProfiles.some((p) =>
    p.modelIds.some((id) => baseModelId(id) === m.id),
  );
  return inProfile || listed ? 'profile' : 'absent';
}

const STATUS_TEXT: Record<Status, string> = {
  listed: 'On demand',
  profile: 'Via profile',
  absent: 'Not listed',
};

export default function Models() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const [query, setQuery] = useState('');
  const [provider, setProvider] = useState('');
  const [output, setOutput] = useState('');
  const [showRetired, setShowRetired] = useState(false);
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [checking, setChecking] = useState(false);
  const searchId = useId();
  const providerId = useId();
  const outputId = useId();

  const providers = useMemo(() => [...new Set(CATALOG.models.map((m) => m.provider))].sort(), []);
  const shown = CATALOG.models.filter((m) => {
    const q = query.trim().toLowerCase();
    return (
      (!q || `${m.name} ${m.id} ${m.provider}`.toLowerCase().includes(q)) &&
      (!provider || m.provider === provider) &&
      (!output || m.outputModalities.includes(output as ModelEntry['outputModalities'][number])) &&
      (showRetired || m.lifecycle !== 'end-of-life')
    );
  });

  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await call('getAvailability');
    setChecking(false);
    if (result.ok) setAvailability(result.value);
    else setError(result.error);
  };

  const current = availability?.region === region ? availability : null;

  return (
    <section className="screen">
      <header className="screen-header">
        <ScreenHeading>Models</ScreenHeading>
        <p className="lede">
          The foundation models Amazon Bedrock serves: who makes them, what goes in and out, how
          much they can read, and what they cost on demand.
        </p>
      </header>

      <div className="card">
        <div className="toolbar">
          <div className="field inline">
            <label htmlFor={searchId}>Search</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
              placeholder="Name or id"
            />
          </div>
          <div className="field inline">
            <label htmlFor={providerId}>Provider</label>
            <select id={providerId} value={provider} onChange={(e) => setProvider(e.target.value)}>
              <option value="">All</option>
              {providers.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <div className="field inline">
            <label htmlFor={outputId}>Output</label>
            <select id={outputId} value={output} onChange={(e) => setOutput(e.target.value)}>
              <option value="">Any</option>
              <option value="text">Text</option>
              <option value="image">Image</option>
              <option value="embedding">Embedding</option>
            </select>
          </div>
          <label className="check">
            <input
              type="checkbox"
              checked={showRetired}
              onChange={(e) => setShowRetired(e.target.checked)}
            />
            Show end-of-life models
          </label>
          <button type="button" onClick={() => void check()} disabled={checking}>
            {checking ? 'Checking…' : `Check availability in ${region}`}
          </button>
        </div>
        {error ? <ErrorPanel error={error} /> : null}
        {current ? (
          <p className="muted small" role="status">
            {current.models.length} models and {current.inferenceProfiles.length} inference profiles
            are listed in {current.region} (checked{' '}
            {new Date(current.checkedAt).toLocaleTimeString()}). Listed means offered in the region;
            your account&apos;s access is confirmed only when a call succeeds.
          </p>
        ) : null}

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
                {current ? <th scope="col">{current.region}</th> : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((m) => {
                const status = current ? availabilityOf(m, current) : null;
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <div className="model-cell">
                        <span className="model-name">{m.name}</span>
                        <span className="muted small">{m.provider}</span>
                        <code className="small">{invocableModelId(m, region)}</code>
                        {m.lifecycle !== 'active' ? (
                          <span className={`badge badge-${m.lifecycle}`}>
                            {m.lifecycle === 'legacy' ? 'Legacy' : 'End of life'}
                          </span>
                        ) : null}
                        {m.note ? (
                          <details className="note small">
                            <summary>Notes</summary>
                            {m.note}
                          </details>
                        ) : null}
                      </div>
                    </th>
                    <td>
                      {m.inputModalities.join(', ')} → {m.outputModalities.join(', ')}
                    </td>
                    <td>{tokens(m.contextWindow)}</td>
                    <td>{tokens(m.maxOutputTokens)}</td>
                    <td>
                      <ul className="badges">
                        {FEATURE_LABELS.filter(([k]) => m.features[k]).map(([k, label]) => (
                          <li key={k}>{label}</li>
                        ))}
                        {m.requiresInferenceProfile ? (
                          <li className="badge-warn">Profile only</li>
                        ) : null}
                      </ul>
                    </td>
                    <td>
                      <Price model={m} />
                    </td>
                    {status ? (
                      <td className={`avail avail-${status}`}>{STATUS_TEXT[status]}</td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
          {shown.length === 0 ? <p className="empty">No model matches these filters.</p> : null}
        </div>
        <p className="muted small">
          Prices are on-demand list prices from {CATALOG.pricingSource}, checked{' '}
          {CATALOG.pricesCheckedOn}. They change: confirm on the AWS pricing page before you rely on
          them. Batch inference is usually cheaper; Provisioned Throughput is billed by the hour
          instead.
        </p>
      </div>
    </section>
  );
}
