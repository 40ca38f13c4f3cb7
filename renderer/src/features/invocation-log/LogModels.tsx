/**
 * The log per model: a model and its inference profiles are one row, named as people read it,
 * with the ids the calls used underneath.
 */
import type { ModelGroup } from '../../lib/metrics';
import { StatsTable } from './StatsTable';

export function LogModels({ models }: { models: readonly ModelGroup[] }) {
  return (
    <section className="card" aria-labelledby="log-models-h">
      <h2 id="log-models-h">Per model</h2>
      <StatsTable
        first="Model"
        testId="log-models"
        rows={models.map((m) => ({
          key: m.modelId,
          label: (
            <>
              <span className="log-model-name">{m.label}</span>
              <span className="log-model-ids muted small">
                {m.calledAs.map((id) => (
                  <code key={id}>{id}</code>
                ))}
              </span>
            </>
          ),
          stats: m.stats,
        }))}
      />
    </section>
  );
}
