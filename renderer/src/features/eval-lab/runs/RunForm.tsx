/** The Runs form: dataset, sample size, candidates, limits, robustness, the cost ceiling and Run. */
import { useMemo } from 'react';
import { PROMPT_SLOT } from '../../../../../shared/eval-contract';
import { IntegerField } from '../../../components/fields';
import type { PerturbationKind } from '../../../lib/eval';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import { allDatasets, selectDataset, useDatasets } from '../datasets/datasets-store';
import { startRun, useEvalRuns } from '../runs-store';
import { CandidateFields } from './CandidateFields';
import { planOf, updateRunForm, useRunForm } from './run-form-store';
import { useRunSetup } from './use-run-setup';
import { SelectField } from '../../../components/choice-fields';

const KINDS: { id: PerturbationKind; label: string }[] = [
  { id: 'typos', label: 'Typos' },
  { id: 'casing', label: 'Casing' },
  { id: 'whitespace', label: 'Whitespace' },
  { id: 'word-order', label: 'Word order' },
];

export function RunForm() {
  const form = useRunForm();
  const datasets = useDatasets();
  const { dataset, models, defaultModel } = useRunSetup();
  const running = useEvalRuns().active !== null;
  // Not on every render: the runs store re-renders this form as each response of a run arrives.
  const plan = useMemo(
    () => (dataset ? planOf(form, dataset, defaultModel) : null),
    [form, dataset, defaultModel],
  );
  const badTemplate = plan?.candidates.some((c) => !c.template.includes(PROMPT_SLOT));
  return (
    <form
      className="card stack eval-run-form"
      aria-labelledby="eval-run-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        if (plan && !badTemplate) void startRun(plan);
      }}
    >
      <h2 id="eval-run-form-title">New run</h2>
      <SelectField
        label="Dataset"
        value={datasets.selectedId}
        options={allDatasets(datasets).map((d) => ({ value: d.id, label: d.title }))}
        hint={dataset ? `${plural(dataset.items.length, 'item')}.` : undefined}
        onChange={selectDataset}
      />
      <IntegerField
        label="Items (a seeded sample; 0 for all)"
        value={form.sample}
        min={0}
        max={1000}
        onChange={(v) => updateRunForm({ sample: v })}
      />
      <CandidateFields form={form} models={models} />
      <IntegerField
        label="Max tokens per response"
        value={form.maxTokens}
        min={1}
        max={4096}
        onChange={(v) => updateRunForm({ maxTokens: v })}
      />
      <IntegerField
        label="Calls in flight"
        value={form.concurrency}
        min={1}
        max={8}
        onChange={(v) => updateRunForm({ concurrency: v })}
      />
      <fieldset>
        <legend>Robustness: also ask perturbed copies of each prompt</legend>
        {KINDS.map((k) => (
          <label key={k.id} className="check">
            <input
              type="checkbox"
              checked={form.robustness.includes(k.id)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                updateRunForm({
                  robustness: on
                    ? [...form.robustness, k.id]
                    : form.robustness.filter((x) => x !== k.id),
                });
              }}
            />
            {k.label}
          </label>
        ))}
      </fieldset>
      {plan ? (
        <p className="small eval-estimate">
          {plural(plan.estimate.calls, 'call')} ({plural(plan.items.length, 'item')} ×{' '}
          {plural(plan.candidates.length, 'candidate')}). At most{' '}
          {formatUsdOrUnknown(plan.estimate.usd, 'unknown (a model without a list price)')}: about{' '}
          {formatCount(plan.estimate.inputTokens)} input tokens (4 characters each) and every
          response reaching max tokens; most cost less.
        </p>
      ) : null}
      {badTemplate ? (
        <p className="field-error" role="alert">
          A template must contain {PROMPT_SLOT} where the item's prompt goes.
        </p>
      ) : null}
      <button type="submit" className="primary" disabled={!plan || running || badTemplate}>
        Run {plan ? plural(plan.estimate.calls, 'call') : ''}
      </button>
    </form>
  );
}
