/**
 * The models Stratum's customization lab offers, which record shape each method takes, and the
 * dataset limits AWS publishes for them: a dated table. A limit AWS does not publish (or that
 * Stratum could not read) is `null` with a note saying so; nothing here is estimated.
 *
 * Sources, as checked on 2026-12-04:
 * - Bedrock User Guide, "Prepare data for fine-tuning your models", section "Model requirements for
 *   training and validation datasets" (model-customization-prepare#model-training-validation-
 *   requirements). Its tables give FINE-TUNING maxima only; record counts for the Titan Text models
 *   are not on the page (it points to the "Sum of training and validation records" quotas in the AWS
 *   General Reference, which Stratum could not read).
 * - Amazon Nova User Guide, "Prepare data for fine-tuning Understanding models", section "Dataset
 *   constraints": Nova Micro, Lite and Pro: 8 to 20k samples, context length 32k.
 * - Bedrock User Guide, "Supported models and Regions for fine-tuning" (custom-model-fine-tuning):
 *   the customizable model ids below. The Titan Text G1 models and Cohere Command are NOT in that
 *   table any more (their requirements are still on the data page), so their id is `null`.
 * - Bedrock User Guide, "Option 2: Use invocation logs for data preparation": "You can provide a
 *   maximum of 15K prompts or prompt-response pairs" for distillation.
 */
import type { CustomizationMethod, RecordShape } from './formats';

export const LIMITS_CHECKED_ON = '2026-12-04';

export const SOURCE_PAGES = {
  requirements:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/model-customization-prepare.html#model-training-validation-requirements',
  novaConstraints:
    'https://docs.aws.amazon.com/nova/latest/userguide/fine-tune-prepare-data-understanding.html#custom-fine-tune-constraints',
  fineTuningModels:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-fine-tuning.html',
  distillationLogs:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/distillation-data-prep-option-2.html',
  distillationPrompts:
    'https://docs.aws.amazon.com/bedrock/latest/userguide/distillation-data-prep-option-1.html',
} as const;

export interface DatasetLimits {
  minRecords: number | null;
  maxTrainingRecords: number | null;
  maxValidationRecords: number | null;
  /** Training plus validation records together. */
  maxTotalRecords: number | null;
  /** Input and output tokens of one record together (at batch size 1 where the page splits by batch size). */
  maxRecordTokens: number | null;
  /** Input side only (prompt, system and user turns). */
  maxInputTokens: number | null;
  /** Output side only (completion, assistant turns). */
  maxOutputTokens: number | null;
  maxTrainingFileBytes: number | null;
  maxValidationFileBytes: number | null;
  /** Single-turn only: exactly one user turn (distillation students from Anthropic and Meta). */
  singleTurnOnly: boolean;
  /** Plain sentences: what the numbers mean, and which limits are not published. */
  notes: string[];
  source: string;
  checkedOn: string;
}

export type CustomizationModelId =
  | 'nova-micro'
  | 'nova-lite'
  | 'nova-pro'
  | 'claude-3-haiku'
  | 'llama-3-1-8b'
  | 'llama-3-1-70b'
  | 'llama-3-2-1b'
  | 'llama-3-2-3b'
  | 'titan-text-premier'
  | 'titan-text-express'
  | 'titan-text-lite'
  | 'cohere-command';

export interface MethodSupport {
  shape: RecordShape;
  limits: DatasetLimits;
}

export interface CustomizationModel {
  id: CustomizationModelId;
  label: string;
  /** The `baseModelIdentifier` for CreateModelCustomizationJob, or null when AWS no longer lists one. */
  baseModelIdentifier: string | null;
  methods: Partial<Record<CustomizationMethod, MethodSupport>>;
}

/**
 * The pages write "1 GB", "100 MB": Stratum reads them as binary units (1 GB = 1,073,741,824
 * bytes), the larger reading, so it never rejects a file for size that AWS might accept.
 */
const GB = 1024 ** 3;
const MB = 1024 ** 2;

const NONE: Omit<DatasetLimits, 'notes' | 'source'> = {
  minRecords: null,
  maxTrainingRecords: null,
  maxValidationRecords: null,
  maxTotalRecords: null,
  maxRecordTokens: null,
  maxInputTokens: null,
  maxOutputTokens: null,
  maxTrainingFileBytes: null,
  maxValidationFileBytes: null,
  singleTurnOnly: false,
  checkedOn: LIMITS_CHECKED_ON,
};

function limits(
  source: string,
  set: Partial<Omit<DatasetLimits, 'source' | 'checkedOn'>>,
): DatasetLimits {
  return { ...NONE, notes: [], source, ...set };
}

const NOVA_FT = limits(SOURCE_PAGES.novaConstraints, {
  minRecords: 8,
  maxTotalRecords: 20_000,
  maxRecordTokens: 32_000,
  notes: [
    'Nova: 8 to 20k samples and a context length of "32k"; Stratum reads 32k as 32,000 tokens.',
    'Maximum file sizes for Nova text datasets: not published on the Nova page.',
    'Maximum validation records for Nova: not published on the Nova page.',
  ],
});

const DISTILLATION = (singleTurnOnly: boolean) =>
  limits(SOURCE_PAGES.distillationLogs, {
    maxTotalRecords: 15_000,
    singleTurnOnly,
    notes: [
      '"You can provide a maximum of 15K prompts or prompt-response pairs" (stated on the invocation-logs option page).',
      'Minimum number of prompts, file size and token length for distillation: not published on the pages read.',
      ...(singleTurnOnly
        ? ['Anthropic and Meta Llama students take single-turn prompts only (one user turn).']
        : []),
    ],
  });

const TITAN_FILES = { maxTrainingFileBytes: 1 * GB, maxValidationFileBytes: 100 * MB };
const TITAN_NOTES = [
  'Records per dataset for Titan Text: not on the requirements page (it points to the General Reference quotas, not read).',
  'Titan Text G1 models are not in the "Supported models and Regions for fine-tuning" table as checked on 2026-12-04.',
];

const LLAMA = (maxRecordTokens: number) =>
  limits(SOURCE_PAGES.requirements, {
    minRecords: 100,
    maxTotalRecords: 10_000,
    maxRecordTokens,
    notes: [
      'Sum of training and validation records: 100 to 10,000 (adjustable using Service Quotas).',
    ],
  });

const CPT_TITAN = limits(SOURCE_PAGES.requirements, {
  notes: [
    'Continued pre-training limits: the requirements page as read lists fine-tuning maxima only; not published there.',
    'AWS documents about 6 characters per token for planning continued pre-training datasets.',
  ],
});

const UNCONFIRMED_STUDENT =
  'Offered as a distillation student from memory of the launch list; the "Supported models and Regions for Amazon Bedrock Model Distillation" page was not re-read on 2026-12-04.';

function withNote(l: DatasetLimits, note: string): DatasetLimits {
  return { ...l, notes: [...l.notes, note] };
}

/** The lab's models, in picker order. */
export const CUSTOMIZATION_MODELS: readonly CustomizationModel[] = [
  ...(
    [
      ['nova-micro', 'Amazon Nova Micro', 'amazon.nova-micro-v1:0:128k'],
      ['nova-lite', 'Amazon Nova Lite', 'amazon.nova-lite-v1:0:300k'],
      ['nova-pro', 'Amazon Nova Pro', 'amazon.nova-pro-v1:0:300k'],
    ] as const
  ).map(([id, label, baseModelIdentifier]): CustomizationModel => ({
    id,
    label,
    baseModelIdentifier,
    methods: {
      FINE_TUNING: { shape: 'converse', limits: NOVA_FT },
      DISTILLATION: { shape: 'distillation-prompt', limits: DISTILLATION(false) },
    },
  })),
  {
    id: 'claude-3-haiku',
    label: 'Anthropic Claude 3 Haiku',
    baseModelIdentifier: 'anthropic.claude-3-haiku-20240307-v1:0:200k',
    methods: {
      FINE_TUNING: {
        shape: 'claude-messages',
        limits: limits(SOURCE_PAGES.requirements, {
          minRecords: 32,
          maxTrainingRecords: 10_000,
          maxValidationRecords: 1_000,
          maxTotalRecords: 10_000,
          maxRecordTokens: 32_000,
          maxTrainingFileBytes: 10 * GB,
          maxValidationFileBytes: 1 * GB,
          notes: ['Maximum total records 10,000 is adjustable using Service Quotas.'],
        }),
      },
      DISTILLATION: {
        shape: 'distillation-prompt',
        limits: withNote(DISTILLATION(true), UNCONFIRMED_STUDENT),
      },
    },
  },
  ...(
    [
      ['llama-3-1-8b', 'Meta Llama 3.1 8B Instruct', 'meta.llama3-1-8b-instruct-v1:0:128k'],
      ['llama-3-1-70b', 'Meta Llama 3.1 70B Instruct', 'meta.llama3-1-70b-instruct-v1:0:128k'],
    ] as const
  ).map(([id, label, baseModelIdentifier]): CustomizationModel => ({
    id,
    label,
    baseModelIdentifier,
    methods: {
      FINE_TUNING: {
        shape: 'prompt-completion' as const,
        limits: { ...LLAMA(16_000), maxInputTokens: 16_000, maxOutputTokens: 16_000 },
      },
    },
  })),
  ...(
    [
      ['llama-3-2-1b', 'Meta Llama 3.2 1B Instruct', 'meta.llama3-2-1b-instruct-v1:0:128k'],
      ['llama-3-2-3b', 'Meta Llama 3.2 3B Instruct', 'meta.llama3-2-3b-instruct-v1:0:128k'],
    ] as const
  ).map(([id, label, baseModelIdentifier]): CustomizationModel => ({
    id,
    label,
    baseModelIdentifier,
    methods: { FINE_TUNING: { shape: 'converse' as const, limits: LLAMA(16_000) } },
  })),
  {
    id: 'titan-text-premier',
    label: 'Amazon Titan Text Premier',
    baseModelIdentifier: null,
    methods: {
      FINE_TUNING: {
        shape: 'prompt-completion',
        limits: limits(SOURCE_PAGES.requirements, {
          maxRecordTokens: 4_096,
          ...TITAN_FILES,
          notes: [
            '4,096 tokens is the sum of input and output at batch size 1 (the only batch size).',
            ...TITAN_NOTES,
          ],
        }),
      },
    },
  },
  {
    id: 'titan-text-express',
    label: 'Amazon Titan Text G1 - Express',
    baseModelIdentifier: null,
    methods: {
      FINE_TUNING: {
        shape: 'prompt-completion',
        limits: limits(SOURCE_PAGES.requirements, {
          maxRecordTokens: 4_096,
          ...TITAN_FILES,
          notes: ['4,096 tokens at batch size 1; 2,048 at batch size 2, 3 or 4.', ...TITAN_NOTES],
        }),
      },
      CONTINUED_PRE_TRAINING: { shape: 'input-only', limits: CPT_TITAN },
    },
  },
  {
    id: 'titan-text-lite',
    label: 'Amazon Titan Text G1 - Lite',
    baseModelIdentifier: null,
    methods: {
      FINE_TUNING: {
        shape: 'prompt-completion',
        limits: limits(SOURCE_PAGES.requirements, {
          maxRecordTokens: 4_096,
          ...TITAN_FILES,
          notes: [
            '4,096 tokens at batch size 1 or 2; 2,048 at batch size 3, 4, 5 or 6.',
            ...TITAN_NOTES,
          ],
        }),
      },
      CONTINUED_PRE_TRAINING: { shape: 'input-only', limits: CPT_TITAN },
    },
  },
  {
    id: 'cohere-command',
    label: 'Cohere Command',
    baseModelIdentifier: null,
    methods: {
      FINE_TUNING: {
        shape: 'prompt-completion',
        limits: limits(SOURCE_PAGES.requirements, {
          maxInputTokens: 4_096,
          maxOutputTokens: 2_048,
          maxTrainingRecords: 10_000,
          maxValidationRecords: 1_000,
          notes: [
            'Minimum records and file sizes for Cohere Command: not published on the requirements page.',
            'Cohere Command is not in the "Supported models and Regions for fine-tuning" table as checked on 2026-12-04.',
          ],
        }),
      },
    },
  },
];

export function customizationModel(id: CustomizationModelId): CustomizationModel {
  const model = CUSTOMIZATION_MODELS.find((m) => m.id === id);
  if (!model) throw new Error(`Unknown customization model "${id}".`);
  return model;
}

/** The shape and limits for a model and method, or null when the model does not offer the method. */
export function methodSupport(
  id: CustomizationModelId,
  method: CustomizationMethod,
): MethodSupport | null {
  return customizationModel(id).methods[method] ?? null;
}

/** True for the Amazon Nova models, whose reserved keywords fail a training job. */
export function isNova(id: CustomizationModelId): boolean {
  return id.startsWith('nova-');
}

export interface LimitRow {
  label: string;
  value: number | null;
  unit: 'records' | 'tokens' | 'bytes';
}

/** The limits as rows for a dated table; a null value is shown as "not published". */
export function limitRows(l: DatasetLimits): LimitRow[] {
  return [
    { label: 'Minimum records', value: l.minRecords, unit: 'records' },
    { label: 'Maximum training records', value: l.maxTrainingRecords, unit: 'records' },
    { label: 'Maximum validation records', value: l.maxValidationRecords, unit: 'records' },
    { label: 'Maximum training + validation records', value: l.maxTotalRecords, unit: 'records' },
    {
      label: 'Maximum tokens per record (input + output)',
      value: l.maxRecordTokens,
      unit: 'tokens',
    },
    { label: 'Maximum input tokens per record', value: l.maxInputTokens, unit: 'tokens' },
    { label: 'Maximum output tokens per record', value: l.maxOutputTokens, unit: 'tokens' },
    { label: 'Maximum training file size', value: l.maxTrainingFileBytes, unit: 'bytes' },
    { label: 'Maximum validation file size', value: l.maxValidationFileBytes, unit: 'bytes' },
  ];
}
