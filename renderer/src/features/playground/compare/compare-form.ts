/**
 * What the Compare form holds and the rules over it, pure so that the form component stays small
 * and the rules can be tested without a screen: the columns a run sends, what blocks a run, and
 * what loading a prompt-technique preset changes.
 */
import { findModel } from '../../../../../shared/models';
import { applyPreset, findPreset } from '../presets';

export type Mode = 'models' | 'temperatures';

/** One column: which model, at which temperature. */
export interface ColumnSpec {
  modelId: string;
  temperature: number;
}

export interface CompareForm {
  mode: Mode;
  /** How many columns are shown (2 or 3). */
  count: number;
  /** Per column, in "Different models" mode. */
  models: string[];
  /** The temperature of every column in "Different models" mode. */
  temperature: number;
  /** The one model of "One model, different temperatures" mode. */
  singleModel: string;
  /** Per column, in "One model, different temperatures" mode. */
  temperatures: number[];
  maxTokens: number;
  /** How many times "Run N times" calls each column. */
  repeats: number;
  system: string;
  prompt: string;
  /** The preset last loaded ('' for none). */
  presetId: string;
}

export const COLUMN_COUNTS = [2, 3] as const;
export const MAX_TOKENS = { min: 1, max: 4096 } as const;
export const REPEATS = { min: 2, max: 10 } as const;

const DEFAULT_TEMPERATURES = [0, 0.5, 1];
export const DEFAULT_PROMPT =
  'Explain in two sentences what a foundation model is, for a beginner.';

export function initialForm(models: string[], singleModel: string): CompareForm {
  return {
    mode: 'models',
    count: 2,
    models,
    temperature: 0.7,
    singleModel,
    temperatures: DEFAULT_TEMPERATURES,
    maxTokens: 400,
    repeats: 5,
    system: '',
    prompt: DEFAULT_PROMPT,
    presetId: '',
  };
}

export type FormAction =
  | { type: 'set'; patch: Partial<Omit<CompareForm, 'models' | 'temperatures' | 'presetId'>> }
  | { type: 'column-model'; index: number; modelId: string }
  | { type: 'column-temperature'; index: number; temperature: number }
  | { type: 'preset'; id: string };

export function formReducer(form: CompareForm, action: FormAction): CompareForm {
  switch (action.type) {
    case 'set':
      return { ...form, ...action.patch };
    case 'column-model':
      return {
        ...form,
        models: form.models.map((m, j) => (j === action.index ? action.modelId : m)),
      };
    case 'column-temperature':
      return {
        ...form,
        temperatures: form.temperatures.map((t, j) =>
          j === action.index ? action.temperature : t,
        ),
      };
    case 'preset':
      return withPreset(form, action.id);
  }
}

/**
 * Loads a prompt-technique preset (its default values) into the form: its system prompt, prompt
 * and max tokens, and its temperature when every column shares one.
 */
export function withPreset(form: CompareForm, id: string): CompareForm {
  const preset = findPreset(id);
  if (!preset) return { ...form, presetId: id };
  const filled = applyPreset(preset);
  return {
    ...form,
    presetId: id,
    system: filled.system,
    prompt: filled.prompt,
    maxTokens: preset.maxTokens,
    temperature: form.mode === 'models' ? preset.temperature : form.temperature,
  };
}

/** The columns a run sends, in order. */
export function columnsOf(form: CompareForm): ColumnSpec[] {
  return form.mode === 'models'
    ? form.models
        .slice(0, form.count)
        .map((modelId) => ({ modelId, temperature: form.temperature }))
    : form.temperatures
        .slice(0, form.count)
        .map((temperature) => ({ modelId: form.singleModel, temperature }));
}

/** Why the form cannot run as it is; null when it can. */
export function formProblem(form: CompareForm, columns: readonly ColumnSpec[]): string | null {
  if (!form.prompt.trim()) return 'Write a prompt first.';
  if (!form.system.trim()) return null;
  const refuses = columns
    .map((c) => findModel(c.modelId))
    .find((m) => m !== undefined && !m.features.systemPrompt);
  return refuses
    ? `${refuses.name} does not accept a system prompt: clear the system prompt or pick another model.`
    : null;
}
