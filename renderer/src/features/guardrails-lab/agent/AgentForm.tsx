/** The question, the model, the limits, confirm mode, and Run / Stop. */
import { useId } from 'react';
import {
  AGENT_COST_LIMIT,
  AGENT_QUESTION_MAX,
  AGENT_STEP_LIMIT,
} from '../../../../../shared/agent-contract';
import type { ModelOption } from '../../../../../shared/models';
import { IntegerField, NumberField } from '../../../components/fields';
import { ModelSelect } from '../../../components/ModelSelect';
import type { AgentForm as Form } from './agent-run-store';

export function AgentForm({
  form,
  set,
  modelId,
  models,
  running,
  costKnown,
  onRun,
  onStop,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  modelId: string;
  models: readonly ModelOption[];
  running: boolean;
  /** False when the catalog has no price for the model: the cost limit cannot apply. */
  costKnown: boolean;
  onRun: () => void;
  onStop: () => void;
}) {
  const ids = { q: useId() };
  const empty = form.question.trim() === '';
  return (
    <section className="card" aria-labelledby="agent-ask-heading">
      <h2 id="agent-ask-heading">Ask the agent</h2>
      <div className="form-grid">
        <div className="field wide">
          <label htmlFor={ids.q}>Question</label>
          <textarea
            id={ids.q}
            rows={3}
            maxLength={AGENT_QUESTION_MAX}
            value={form.question}
            onChange={(e) => set({ question: e.target.value })}
          />
        </div>
        <div className="wide">
          <ModelSelect
            label="Model"
            value={modelId}
            options={models}
            onChange={(id) => set({ modelId: id })}
            hint="Models whose catalog entry supports tool use."
          />
        </div>
        <IntegerField
          label="Step limit"
          value={form.maxSteps}
          min={AGENT_STEP_LIMIT.min}
          max={AGENT_STEP_LIMIT.max}
          unit=" model turns"
          onChange={(maxSteps) => set({ maxSteps })}
        />
        <NumberField
          label="Cost limit"
          value={form.maxCostUsd}
          min={AGENT_COST_LIMIT.min}
          max={AGENT_COST_LIMIT.max}
          step={0.01}
          unit=" USD"
          onChange={(maxCostUsd) => set({ maxCostUsd })}
          hint={
            costKnown
              ? 'Estimated from the catalog’s prices after each model turn.'
              : 'This model has no list price in the catalog, so only the step limit applies.'
          }
        />
        <div className="field wide">
          <label className="check">
            <input
              type="checkbox"
              checked={form.confirmEachCall}
              onChange={(e) => set({ confirmEachCall: e.target.checked })}
            />
            Confirm each tool call before it runs
          </label>
          <p className="hint">
            The run pauses before every tool call until you run or decline it, like an action group
            function that requires user confirmation.
          </p>
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={running || empty} onClick={onRun}>
          {running ? 'Running…' : 'Run the agent'}
        </button>
        {running ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
      </div>
    </section>
  );
}
