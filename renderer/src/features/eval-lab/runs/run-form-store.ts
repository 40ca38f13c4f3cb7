/**
 * The Runs tab's form, kept outside React so it survives switching tabs: the dataset (or a sample
 * of N items), the candidates (one to three models, one model at several temperatures, or two
 * prompt templates), max tokens, concurrency and robustness. `candidatesOf` turns it into the
 * candidates a run sends; `planOf` into the whole new run with its cost estimate.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_TEMPLATE, type EvalCandidate } from '../../../../../shared/eval-contract';
import { findModel, modelDisplayName } from '../../../../../shared/models';
import {
  estimateRunCost,
  perturbedCopies,
  sampleItems,
  type CostEstimate,
  type PerturbationKind,
} from '../../../lib/eval';
import { defaultTemplate, type EvalDataset } from '../datasets/builtin-datasets';
import type { NewRun } from '../runs-store';

export type CandidateMode = 'models' | 'temperatures' | 'templates';

export interface RunForm {
  sample: number;
  mode: CandidateMode;
  /** Models mode: one to three model ids ('' for an unused slot). */
  models: string[];
  /** The model of the temperatures and templates modes. */
  model: string;
  temperatures: number[];
  temperature: number;
  /** Templates mode: two templates ('' means the dataset's default). */
  templates: [string, string];
  maxTokens: number;
  concurrency: number;
  robustness: PerturbationKind[];
  seed: number;
}

let form: RunForm = {
  sample: 10,
  mode: 'models',
  models: ['', '', ''],
  model: '',
  temperatures: [0, 0.7, 1],
  temperature: 0,
  templates: ['', 'Answer carefully and briefly.\n\n{{prompt}}'],
  maxTokens: 300,
  concurrency: 4,
  robustness: [],
  seed: 42,
};
const listeners = new Set<() => void>();

export function useRunForm(): RunForm {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => form,
  );
}

export function updateRunForm(patch: Partial<RunForm>): void {
  form = { ...form, ...patch };
  for (const l of listeners) l();
}

const nameOf = (modelId: string) => {
  const model = findModel(modelId);
  return model ? modelDisplayName(model) : modelId;
};

/** The candidates the form describes (the default model fills an empty first slot). */
export function candidatesOf(
  f: RunForm,
  dataset: EvalDataset,
  defaultModel: string,
): EvalCandidate[] {
  const template = defaultTemplate(dataset);
  const base = { maxTokens: f.maxTokens, template };
  if (f.mode === 'models') {
    const ids = f.models.map((m, i) => (i === 0 && !m ? defaultModel : m)).filter(Boolean);
    return [...new Set(ids)].map((modelId, i) => ({
      ...base,
      id: `c${i + 1}`,
      label: nameOf(modelId),
      modelId,
      temperature: f.temperature,
    }));
  }
  const modelId = f.model || defaultModel;
  if (f.mode === 'temperatures') {
    return [...new Set(f.temperatures)].map((t, i) => ({
      ...base,
      id: `c${i + 1}`,
      label: `${nameOf(modelId)} at temperature ${t}`,
      modelId,
      temperature: t,
    }));
  }
  return f.templates.map((t, i) => ({
    ...base,
    id: `c${i + 1}`,
    label: `${nameOf(modelId)}, template ${i === 0 ? 'A' : 'B'}`,
    modelId,
    temperature: f.temperature,
    template: t.trim() ? t : i === 0 ? template : DEFAULT_TEMPLATE,
  }));
}

/** The new run the form describes, with the cost ceiling shown before it starts. */
export function planOf(
  f: RunForm,
  dataset: EvalDataset,
  defaultModel: string,
): NewRun & { estimate: CostEstimate } {
  const picked = sampleItems(dataset.items, f.sample > 0 ? f.sample : dataset.items.length, f.seed);
  const items = picked.map((i) => ({
    id: i.id,
    prompt: i.prompt,
    ...(i.referenceResponse !== undefined ? { referenceResponse: i.referenceResponse } : {}),
    ...(i.category !== undefined ? { category: i.category } : {}),
  }));
  const robust = f.robustness.length > 0 && dataset.task !== 'open';
  const copies = robust ? perturbedCopies(items, f.robustness, f.seed) : [];
  const all = [...items, ...copies.map((c) => ({ ...c, perturbation: c.perturbation! }))];
  const candidates = candidatesOf(f, dataset, defaultModel);
  const estimate = estimateRunCost(
    all.map((i) => i.prompt),
    candidates,
  );
  return {
    name: `${dataset.title}: ${candidates.map((c) => c.label).join(' vs ')}`,
    dataset: {
      id: dataset.id,
      title: dataset.title,
      task: dataset.task,
      ...(dataset.labels ? { labels: dataset.labels } : {}),
    },
    items: all,
    candidates,
    concurrency: f.concurrency,
    robustness: robust ? { seed: f.seed, kinds: f.robustness } : null,
    estimatedCostUsd: estimate.usd,
    estimate,
  };
}
