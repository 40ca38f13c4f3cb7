/** Edits a learner case's title and scenario, with the same limits as every case study. */
import { useState } from 'react';
import { CASE_LIMITS } from '../../../../../shared/question-generation';
import { formatCount } from '../../../lib/format';

export function ScenarioEditor({
  title: initialTitle,
  scenario: initialScenario,
  onSave,
  onCancel,
}: {
  title: string;
  scenario: string;
  onSave: (patch: { title: string; scenario: string }) => Promise<void>;
  onCancel: () => void;
}) {
  const [title, setTitle] = useState(initialTitle);
  const [scenario, setScenario] = useState(initialScenario);
  const [error, setError] = useState<string | null>(null);
  const t = title.trim().length;
  const s = scenario.trim().length;
  const problem =
    t < CASE_LIMITS.titleMin || t > CASE_LIMITS.titleMax
      ? `The title has ${formatCount(t)} characters; it needs ${CASE_LIMITS.titleMin} to ${CASE_LIMITS.titleMax}.`
      : s < CASE_LIMITS.scenarioMin || s > CASE_LIMITS.scenarioMax
        ? `The scenario has ${formatCount(s)} characters; it needs ${formatCount(CASE_LIMITS.scenarioMin)} to ${formatCount(CASE_LIMITS.scenarioMax)}.`
        : null;
  return (
    <form
      className="scenario-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (problem) return;
        onSave({ title: title.trim(), scenario: scenario.trim() }).catch((err: unknown) =>
          setError(`Not saved: ${err instanceof Error ? err.message : String(err)}`),
        );
      }}
    >
      <div className="field">
        <label htmlFor="scenario-title">Title</label>
        <input id="scenario-title" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="scenario-text">Scenario</label>
        <textarea
          id="scenario-text"
          value={scenario}
          onChange={(e) => setScenario(e.target.value)}
        />
        <p className="small muted">
          {formatCount(s)} of {formatCount(CASE_LIMITS.scenarioMax)} characters. Separate paragraphs
          with an empty line.
        </p>
      </div>
      {problem ? <p className="field-error">{problem}</p> : null}
      {error ? <p className="field-error">{error}</p> : null}
      <div className="actions">
        <button type="submit" className="primary" disabled={problem !== null}>
          Save scenario
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
