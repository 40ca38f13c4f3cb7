/**
 * Fine-tuning hyperparameter ranges per model, and a check that turns the learner's values into
 * the string-to-string map CreateModelCustomizationJob takes (`hyperParameters`). From the Bedrock
 * User Guide "Custom model hyperparameters" pages (custom-models-hp: cm-hp-nova-mm,
 * cm-hp-anth-claude-3, cm-hp-titan-text, cm-hp-meta-llama31, cm-hp-meta-llama32), as checked on
 * 2026-12-04. Cohere Command's page was not read: no ranges are offered for it.
 * Every page says: "The number of epochs you specify increases your model customization cost by
 * processing more tokens. Each epoch processes the entire training dataset once."
 */
import type { CustomizationModelId } from './models';

export const HYPERPARAMETERS_CHECKED_ON = '2026-12-04';

export interface HyperParameterRange {
  /** The API name, the key in `hyperParameters`. */
  name: string;
  label: string;
  type: 'integer' | 'float';
  min: number;
  max: number;
  default: number;
}

const p = (
  name: string,
  label: string,
  type: 'integer' | 'float',
  min: number,
  max: number,
  dflt: number,
): HyperParameterRange => ({ name, label, type, min, max, default: dflt });

const NOVA = [
  p('epochCount', 'Epochs', 'integer', 1, 5, 2),
  p('learningRate', 'Learning rate', 'float', 1e-6, 1e-4, 1e-5),
  p('learningRateWarmupSteps', 'Learning rate warmup steps', 'integer', 0, 100, 10),
];
const LLAMA = [
  p('epochCount', 'Epochs', 'integer', 1, 10, 5),
  p('batchSize', 'Batch size', 'integer', 1, 1, 1),
  p('learningRate', 'Learning rate', 'float', 5e-6, 0.1, 1e-4),
];
const TITAN_G1 = [
  p('epochCount', 'Epochs', 'integer', 1, 10, 5),
  p('batchSize', 'Batch size (micro)', 'integer', 1, 64, 1),
  p('learningRate', 'Learning rate', 'float', 0, 1, 1e-5),
  p('learningRateWarmupSteps', 'Learning rate warmup steps', 'integer', 0, 250, 5),
];

export const HYPERPARAMETERS: Readonly<
  Partial<Record<CustomizationModelId, readonly HyperParameterRange[]>>
> = {
  'nova-micro': NOVA,
  'nova-lite': NOVA,
  'nova-pro': NOVA,
  'claude-3-haiku': [
    p('epochCount', 'Epoch count', 'integer', 1, 10, 2),
    p('batchSize', 'Batch size', 'integer', 4, 256, 32),
    p('learningRateMultiplier', 'Learning rate multiplier', 'float', 0.1, 2, 1),
    p('earlyStoppingThreshold', 'Early stopping threshold', 'float', 0, 0.1, 0.001),
    p('earlyStoppingPatience', 'Early stopping patience', 'integer', 1, 10, 2),
  ],
  'llama-3-1-8b': LLAMA,
  'llama-3-1-70b': LLAMA,
  'llama-3-2-1b': LLAMA,
  'llama-3-2-3b': LLAMA,
  'titan-text-premier': [
    p('epochCount', 'Epochs', 'integer', 1, 5, 2),
    p('batchSize', 'Batch size (micro)', 'integer', 1, 1, 1),
    p('learningRate', 'Learning rate', 'float', 1e-7, 1e-5, 1e-6),
    p('learningRateWarmupSteps', 'Learning rate warmup steps', 'integer', 0, 20, 5),
  ],
  'titan-text-express': TITAN_G1,
  'titan-text-lite': TITAN_G1,
};

/** A number as plain decimal text (no exponent: 1e-7 -> "0.0000001"), as the API map takes strings. */
export function decimalString(n: number): string {
  const text = String(n);
  if (!/e/i.test(text)) return text;
  return n.toFixed(20).replace(/\.?0+$/, '');
}

export interface HyperParameterCheck {
  /** The API map (values as strings), defaults filled in; empty when there are problems. */
  hyperParameters: Record<string, string>;
  problems: { name: string; message: string }[];
}

/** Checks values against a model's ranges; missing values take the documented default. */
export function checkHyperParameters(
  model: CustomizationModelId,
  values: Readonly<Record<string, number | undefined>>,
): HyperParameterCheck {
  const ranges = HYPERPARAMETERS[model];
  if (!ranges) {
    return {
      hyperParameters: {},
      problems: [
        { name: '', message: 'Stratum has no published hyperparameter ranges for this model.' },
      ],
    };
  }
  const problems: HyperParameterCheck['problems'] = [];
  const out: Record<string, string> = {};
  for (const key of Object.keys(values)) {
    if (!ranges.some((r) => r.name === key)) {
      problems.push({ name: key, message: `"${key}" is not a hyperparameter of this model.` });
    }
  }
  for (const r of ranges) {
    const value = values[r.name] ?? r.default;
    if (!Number.isFinite(value) || (r.type === 'integer' && !Number.isInteger(value))) {
      problems.push({
        name: r.name,
        message: `${r.label} must be ${r.type === 'integer' ? 'a whole number' : 'a number'}.`,
      });
    } else if (value < r.min || value > r.max) {
      problems.push({
        name: r.name,
        message: `${r.label} must be from ${r.min} to ${r.max}; it is ${value}.`,
      });
    }
    out[r.name] = decimalString(value);
  }
  return { hyperParameters: problems.length === 0 ? out : {}, problems };
}
