/**
 * The imported-model experiment's side panel: the learner's imported models (or a plain note on
 * Custom Model Import when there are none), the prompt, the token and alternative counts, Run.
 */
import { useId } from 'react';
import { Link } from 'wouter';
import {
  ADVANCED_FEATURES_SINCE,
  MAX_IMPORTED_TOKENS,
  MAX_TOP_LOGPROBS,
  type ImportedModel,
} from '../../../../../shared/imported-models-contract';
import { SelectField } from '../../../components/choice-fields';
import { IntegerField, RangeField } from '../../../components/fields';
import { formatDate, plural } from '../../../lib/format';
import type { ImportedModels } from './use-imported-models';
import type { ImportedForm } from './use-imported-run';

function NoImportedModels({ region, onReload }: { region: string | null; onReload: () => void }) {
  return (
    <div className="imported-empty" role="note">
      <p>
        <strong>No imported models{region ? ` in ${region}` : ''}.</strong> Custom Model Import
        brings a model you customised elsewhere (such as Llama, Mistral or Qwen) into Amazon
        Bedrock. For such a model Bedrock can return each generated token with its log probability,
        which this panel shows.
      </p>
      <p className="muted small">
        Import one in the Bedrock console, or switch region in{' '}
        <Link href="/settings">Settings</Link>. Until then, the catalog models above show a
        distribution by repeated sampling.
      </p>
      <button type="button" onClick={onReload}>
        Reload the list
      </button>
    </div>
  );
}

function modelNote(model: ImportedModel): string {
  const parts = [
    `Imported ${model.createdAt ? formatDate(model.createdAt) : 'on an unknown date'}`,
    model.architecture ? `architecture ${model.architecture}` : null,
    model.instructSupported === false ? 'no chat template' : null,
    model.createdAt && model.createdAt < ADVANCED_FEATURES_SINCE
      ? 'imported before 11 November 2025: AWS documents log probabilities in this format for later imports, so it may need importing again'
      : null,
  ];
  return `${parts.filter(Boolean).join(', ')}.`;
}

export function ImportedSettings({
  list,
  model,
  form,
  set,
  running,
  onRun,
}: {
  list: ImportedModels;
  model: ImportedModel | null;
  form: ImportedForm;
  set: (patch: Partial<ImportedForm>) => void;
  running: boolean;
  onRun: () => void;
}) {
  const promptId = useId();
  const models = list.models ?? [];
  return (
    <aside className="card lab-side" aria-label="Imported model settings">
      <h2>Your imported model</h2>
      <p className="muted small">
        Bedrock returns the real probability of every token this model generates (InvokeModel with
        log probabilities). Imported models are billed by Custom Model Units, not per token, so
        Stratum shows no cost estimate.
      </p>
      {list.loading && list.models === null ? <p role="status">Loading imported models…</p> : null}
      {list.models !== null && models.length === 0 ? (
        <NoImportedModels region={list.region} onReload={list.reload} />
      ) : null}
      {model ? (
        <>
          <SelectField
            label="Imported model"
            value={model.arn}
            options={models.map((m) => ({ value: m.arn, label: m.name }))}
            onChange={(modelArn) => set({ modelArn })}
            hint={modelNote(model)}
          />
          <div className="field">
            <label htmlFor={promptId}>Prompt</label>
            <textarea
              id={promptId}
              rows={3}
              value={form.prompt}
              maxLength={4000}
              onChange={(e) => set({ prompt: e.target.value })}
            />
          </div>
          <IntegerField
            label="Tokens to generate"
            value={form.maxTokens}
            min={1}
            max={MAX_IMPORTED_TOKENS}
            onChange={(maxTokens) => set({ maxTokens })}
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
          <IntegerField
            label="Alternatives per token"
            value={form.topLogprobs}
            min={0}
            max={MAX_TOP_LOGPROBS}
            onChange={(topLogprobs) => set({ topLogprobs })}
            hint="The most likely tokens at each position (top_logprobs); 0 asks for none."
          />
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={onRun}
              disabled={running || !form.prompt.trim()}
            >
              {running ? 'Running…' : `Generate up to ${plural(form.maxTokens, 'token')}`}
            </button>
          </div>
        </>
      ) : null}
    </aside>
  );
}
