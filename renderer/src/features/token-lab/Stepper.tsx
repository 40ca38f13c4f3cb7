/**
 * One step of generation on a prompt: the distribution chart first (it repaints as the sliders
 * move), then sample or pick greedily, append the chosen token or rewind; the exact-number
 * pipeline table and repeated sampling underneath.
 */
import { useMemo } from 'react';
import { PIPELINE_ORDER, type Candidate } from '../../lib/sampling';
import { formatPercent } from '../../lib/format';
import { byLogit } from './candidate-order';
import { DistributionChart } from './DistributionChart';
import { PipelineTable } from './PipelineTable';
import { RepeatedSampling } from './RepeatedSampling';
import type { LabSettings } from './settings';
import { useStepChoice } from './use-step-choice';

export function Stepper({
  prompt,
  appended,
  candidates,
  settings,
  onStep,
  onRewind,
  endMessage,
}: {
  prompt: string;
  appended: string[];
  candidates: Candidate[] | null;
  settings: LabSettings;
  onStep: (token: string) => void;
  onRewind: () => void;
  endMessage: string;
}) {
  const { result, chosen, how, sample, greedy } = useStepChoice(candidates, settings);
  const order = useMemo(() => (candidates ? byLogit(candidates) : []), [candidates]);
  const token = chosen !== null && candidates ? candidates[chosen]!.token : null;
  return (
    <>
      <section className="card step-card" aria-labelledby="step-heading">
        <h2 id="step-heading">One step of generation</h2>
        <p className="lab-text" data-testid="lab-text">
          <span>{prompt}</span>
          {appended.map((t, i) => (
            <span key={i} className="appended">
              {' '}
              {t}
            </span>
          ))}
          <span className="caret" aria-hidden="true">
            ▍
          </span>
        </p>
        {candidates && result ? (
          <DistributionChart
            candidates={candidates}
            order={order}
            result={result}
            chosen={chosen}
            how={how}
          />
        ) : null}
        <div className="actions">
          <button type="button" className="primary" disabled={!result} onClick={sample}>
            Sample
          </button>
          <button type="button" disabled={!result} onClick={greedy}>
            Greedy
          </button>
          <button
            type="button"
            disabled={token === null}
            onClick={() => token !== null && onStep(token)}
          >
            Step (append{token !== null ? ` “${token}”` : ''})
          </button>
          <button type="button" disabled={appended.length === 0} onClick={onRewind}>
            Rewind
          </button>
          <span role="status" className="muted">
            {token !== null && chosen !== null
              ? `${how === 'greedy' ? 'Greedy picked' : 'Sampled'} “${token}” (${formatPercent(result?.final[chosen] ?? 0, 2)}).`
              : ''}
          </span>
        </div>
        <p className="muted small">
          Order: {PIPELINE_ORDER}. Temperature 0 is greedy: all probability goes to the top token.
        </p>
      </section>
      {candidates && result ? (
        <section className="card">
          <h2>Every stage, in numbers</h2>
          <PipelineTable
            candidates={candidates}
            order={order}
            result={result}
            chosen={chosen}
            settings={settings}
          />
        </section>
      ) : (
        <p className="status status-idle">{endMessage}</p>
      )}
      {candidates ? <RepeatedSampling candidates={candidates} settings={settings} /> : null}
    </>
  );
}
