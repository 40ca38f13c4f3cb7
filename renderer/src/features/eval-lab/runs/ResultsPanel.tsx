/**
 * A run's results: the per-metric chart with intervals, the summary with each metric explained,
 * corpus BLEU or the classification report, robustness, semantic similarity, the items table
 * with drill-down, and export. Scores come from the worker (use-scores.ts).
 */
import { useState } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatDuration } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { ClassificationPanel } from './ClassificationPanel';
import { CorpusBleuPanel, RobustnessPanel } from './CorpusPanels';
import { ItemDrill } from './ItemDrill';
import { ItemsTable } from './ItemsTable';
import { MetricChart } from './MetricChart';
import { MetricSummary } from './MetricSummary';
import { SemanticPanel } from './SemanticPanel';
import { downloadText } from '../../../lib/download';
import { fileStem, runCsv, runJson } from './export';
import { useScores } from './use-scores';
import { SelectField } from '../../../components/choice-fields';

export function ResultsPanel({ run }: { run: EvalRunRow }) {
  const { scores, ms, error } = useScores(run);
  const [candidateId, setCandidateId] = useState<string | null>(null);
  const [openItem, setOpenItem] = useState<string | null>(null);
  const shown =
    scores?.candidates.find((c) => c.candidateId === candidateId) ?? scores?.candidates[0];
  return (
    <ResultsRegion
      label="Run results"
      className="card stack eval-results"
      revealKey={run.status !== 'running' && scores ? run.id : null}
      announce={scores ? `Scores for ${run.candidates.length} candidates.` : null}
    >
      <h2>Metrics</h2>
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      {!scores ? <p className="muted">Scoring…</p> : null}
      {scores && scores.metrics.length === 0 ? (
        <p className="muted">
          Open-ended prompts have no reference, so no automatic metric applies: score them in the
          Model as judge or Human review tab.
        </p>
      ) : null}
      {scores && scores.metrics.length > 0 ? (
        <>
          <MetricChart run={run} metrics={scores.metrics} candidates={scores.candidates} />
          <MetricSummary run={run} metrics={scores.metrics} candidates={scores.candidates} />
          {scores.task === 'classification' ? (
            scores.candidates.map((c) =>
              c.classification ? (
                <ClassificationPanel
                  key={c.candidateId}
                  label={run.candidates.find((x) => x.id === c.candidateId)?.label ?? c.candidateId}
                  report={c.classification}
                />
              ) : null,
            )
          ) : (
            <CorpusBleuPanel run={run} candidates={scores.candidates} />
          )}
          <RobustnessPanel run={run} candidates={scores.candidates} />
          {scores.task !== 'classification' ? <SemanticPanel run={run} /> : null}
          <h3>Items</h3>
          {run.candidates.length > 1 ? (
            <SelectField
              label="Scores of"
              value={shown?.candidateId ?? ''}
              options={run.candidates.map((c) => ({ value: c.id, label: c.label }))}
              onChange={setCandidateId}
            />
          ) : null}
          {shown ? (
            <ItemsTable
              run={run}
              metrics={scores.metrics}
              scores={shown}
              openItem={openItem}
              onOpen={(id) => setOpenItem(openItem === id ? null : id)}
            />
          ) : null}
          {ms !== null ? (
            <p className="muted small">Scored off the UI thread in {formatDuration(ms)}.</p>
          ) : null}
        </>
      ) : null}
      {openItem && scores ? (
        <ItemDrill run={run} itemId={openItem} scores={scores.candidates} />
      ) : null}
      <div className="actions">
        <button
          type="button"
          onClick={() => downloadText(`${fileStem(run)}.csv`, runCsv(run, scores), 'text/csv')}
        >
          Export CSV
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(`${fileStem(run)}.json`, runJson(run, scores), 'application/json')
          }
        >
          Export JSON
        </button>
      </div>
    </ResultsRegion>
  );
}
