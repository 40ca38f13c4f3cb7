/** The live experiment's side panel: model, prompt, sampling settings, the cost preview, Run. */
import { useId } from 'react';
import { Link } from 'wouter';
import type { ModelOption } from '../../../../shared/models';
import { IntegerField, RangeField } from '../../components/fields';
import { ModelSelect } from '../../components/ModelSelect';
import { formatCount, formatUsdOrUnknown, plural } from '../../lib/format';
import { estimateLiveRun } from './live-cost';
import type { LiveForm } from './use-live-form';
import type { LiveRun } from './use-live-run';

export function LiveSettings({
  form,
  set,
  models,
  progress,
  onRun,
  onCancel,
}: {
  form: LiveForm;
  set: (patch: Partial<LiveForm>) => void;
  models: readonly ModelOption[];
  progress: LiveRun['progress'];
  onRun: () => void;
  onCancel: () => void;
}) {
  const promptId = useId();
  const estimate = estimateLiveRun(form.modelId, form.prompt, form.n);
  return (
    <aside className="card lab-side" aria-label="Live experiment settings">
      <h2>Live experiment</h2>
      <p className="muted small">
        Bedrock does not return token probabilities, so Stratum asks the model for one next word,{' '}
        {plural(form.n, 'time')}, and counts the answers. Uses your AWS account (
        <Link href="/settings">Settings</Link>).
      </p>
      <ModelSelect
        label="Model"
        value={form.modelId}
        options={models}
        onChange={(modelId) => set({ modelId })}
      />
      <div className="field">
        <label htmlFor={promptId}>Prompt</label>
        <textarea
          id={promptId}
          rows={3}
          value={form.prompt}
          maxLength={2000}
          onChange={(e) => set({ prompt: e.target.value })}
        />
      </div>
      <IntegerField
        label="Samples (N)"
        value={form.n}
        min={1}
        max={500}
        onChange={(n) => set({ n })}
      />
      <RangeField
        label="Temperature"
        value={form.temperature}
        min={0}
        max={1}
        step={0.05}
        display={form.temperature.toFixed(2)}
        onChange={(temperature) => set({ temperature })}
      />
      <RangeField
        label="Top-p"
        value={form.topP}
        min={0.05}
        max={1}
        step={0.05}
        display={form.topP.toFixed(2)}
        onChange={(topP) => set({ topP })}
      />
      <IntegerField
        label="Calls at once"
        value={form.concurrency}
        min={1}
        max={8}
        onChange={(concurrency) => set({ concurrency })}
      />
      <p className="small" data-testid="estimate">
        Estimate: about {formatCount(estimate.inputTokens)} input and at most{' '}
        {formatCount(estimate.outputTokens)} output tokens,{' '}
        {formatUsdOrUnknown(estimate.costUsd, 'unknown (no price in the catalog)')} at on-demand
        list prices.
      </p>
      <div className="actions">
        {progress ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="primary" onClick={onRun} disabled={!form.prompt.trim()}>
            Run {plural(form.n, 'sample')}
          </button>
        )}
      </div>
      {progress ? (
        <div role="status" aria-live="polite">
          <progress max={progress.n} value={progress.done} /> {progress.done} of {progress.n}
        </div>
      ) : null}
    </aside>
  );
}
