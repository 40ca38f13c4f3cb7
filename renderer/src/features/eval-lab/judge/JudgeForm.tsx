import { useId } from 'react';
import { ModelSelect } from '../../../components/ModelSelect';
import type { ModelOption } from '../../../../../shared/models';
import { estimateJudgeCost } from '../../../lib/eval/judge';
import { plural } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { JudgeEstimate } from './JudgeEstimate';
import { cancelJudge, startJudge } from './judge-runs';
import {
  chosenMetrics,
  expectedResults,
  judgeItems,
  pairOf,
  setJudgeSettings,
  type JudgeMode,
  type JudgeSettings,
} from './judge-store';

function PairFields({ run, settings }: { run: EvalRunRow; settings: JudgeSettings }) {
  const ids = { a: useId(), b: useId() };
  const pair = pairOf(run, settings);
  if (!pair) return <p className="hint">Pairwise needs a run with at least two candidates.</p>;
  const choose = (i: 0 | 1, value: string) => {
    const next: [string, string] = [...pair];
    next[i] = value;
    setJudgeSettings({ pair: next });
  };
  return (
    <div className="pair-fields">
      {([0, 1] as const).map((i) => (
        <div className="field" key={i}>
          <label htmlFor={i === 0 ? ids.a : ids.b}>
            {i === 0 ? 'First response' : 'Second response'}
          </label>
          <select
            id={i === 0 ? ids.a : ids.b}
            value={pair[i]}
            onChange={(e) => choose(i, e.target.value)}
          >
            {run.candidates.map((c) => (
              <option key={c.id} value={c.id} disabled={c.id === pair[i === 0 ? 1 : 0]}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
      ))}
    </div>
  );
}

/** Judge model, mode, pair and the Run / Stop buttons. */
export function JudgeForm({
  run,
  settings,
  models,
  running,
}: {
  run: EvalRunRow;
  settings: JudgeSettings;
  models: readonly ModelOption[];
  running: boolean;
}) {
  const items = judgeItems(run, settings);
  const metrics = chosenMetrics(settings);
  const calls = expectedResults(settings.mode, items);
  const estimate = settings.judgeModelId
    ? estimateJudgeCost(
        {
          judgeModelId: settings.judgeModelId,
          mode: settings.mode,
          metrics: metrics.map((metric) => ({ metric, rubric: settings.metrics[metric].rubric })),
        },
        items,
      )
    : null;
  const ready = settings.judgeModelId !== null && metrics.length > 0 && items.length > 0;
  const modes: { id: JudgeMode; label: string }[] = [
    { id: 'single', label: 'Score each response' },
    { id: 'pairwise', label: 'Pairwise, order swapped' },
  ];
  return (
    <div className="judge-form">
      <ModelSelect
        label="Judge model"
        value={settings.judgeModelId ?? ''}
        options={models}
        onChange={(id) => setJudgeSettings({ judgeModelId: id })}
        hint="Models with tool use: the scores come back through a forced tool whose schema the app checks."
      />
      <fieldset className="mode-choice">
        <legend>Mode</legend>
        {modes.map((m) => (
          <label key={m.id} className="check">
            <input
              type="radio"
              name="judge-mode"
              checked={settings.mode === m.id}
              onChange={() => setJudgeSettings({ mode: m.id })}
            />
            {m.label}
          </label>
        ))}
      </fieldset>
      {settings.mode === 'pairwise' ? <PairFields run={run} settings={settings} /> : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!ready || running}
          onClick={() => startJudge(run)}
        >
          {`Judge ${plural(items.length, 'item')} (${plural(calls, 'call')})`}
        </button>
        {running ? (
          <button type="button" onClick={cancelJudge}>
            Stop
          </button>
        ) : null}
      </div>
      {estimate && metrics.length > 0 ? <JudgeEstimate estimate={estimate} /> : null}
      {metrics.length === 0 ? <p className="hint">Choose at least one metric.</p> : null}
      {items.length === 0 ? (
        <p className="hint">This run has no answered items to judge yet.</p>
      ) : null}
    </div>
  );
}
