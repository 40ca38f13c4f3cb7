/** The illustrative examples: hand-made next-word tables, walked along the appended words. */
import { useId, useState } from 'react';
import { SCENARIOS, type ScenarioStep } from './scenarios';
import type { LabSettings } from './settings';
import { Stepper } from './Stepper';

/** Walks an illustrative scenario along the tokens appended so far. */
function scenarioStep(root: ScenarioStep, path: readonly string[]): ScenarioStep | null {
  let step: ScenarioStep | undefined = root;
  for (const token of path) step = step?.next?.[token];
  return step ?? null;
}

export function CuratedSource({ settings }: { settings: LabSettings }) {
  const [scenarioId, setScenarioId] = useState(SCENARIOS[0]!.id);
  const [path, setPath] = useState<string[]>([]);
  const selectId = useId();
  const scenario = SCENARIOS.find((s) => s.id === scenarioId) ?? SCENARIOS[0]!;
  const step = scenarioStep(scenario.root, path);
  return (
    <>
      <div className="card source-card">
        <div className="field">
          <label htmlFor={selectId}>Example</label>
          <select
            id={selectId}
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value);
              setPath([]);
            }}
          >
            {SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}: “{s.prompt} …”
              </option>
            ))}
          </select>
        </div>
        <p className="status status-warn small" role="note">
          Illustrative numbers, chosen by hand to teach: not measured from a real model.{' '}
          {scenario.note}
        </p>
      </div>
      <Stepper
        prompt={scenario.prompt}
        appended={path}
        candidates={step?.candidates ?? null}
        settings={settings}
        onStep={(t) => setPath([...path, t])}
        onRewind={() => setPath(path.slice(0, -1))}
        endMessage="This illustrative example has no table after that word. Rewind, or switch to the small model to continue with any word."
      />
    </>
  );
}
