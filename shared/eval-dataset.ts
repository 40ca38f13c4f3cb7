/**
 * Bedrock's prompt dataset format for model evaluation jobs, and a line-by-line check of a file in
 * that format with plain reasons and line numbers (nothing is imported until the learner accepts
 * the valid lines; the caller decides).
 *
 * The format, from the Amazon Bedrock User Guide pages "Use a custom prompt dataset for model
 * evaluation" (model-evaluation-prompt-datasets-custom) and "Create a prompt dataset for a model
 * evaluation job that uses a model as judge" (model-evaluation-prompt-datasets-judge), as checked
 * on 2026-12-04:
 * - JSON Lines with the `.jsonl` extension, stored in Amazon S3; each line must be a valid JSON object;
 * - `prompt` (required): the prompt, question, text to summarise or text to classify;
 * - `referenceResponse`: the ground truth; needed for question and answer tasks and for the
 *   accuracy and robustness metrics;
 * - `category` (optional): scores are also reported per category;
 * - `modelResponses` (judge jobs that bring their own inference): `[{ response, modelIdentifier }]`,
 *   the identifier matching the job's precomputed inference source;
 * - up to 1,000 prompts per evaluation job.
 * The pages state no limit on the size of one line or of the file; the size caps below are
 * Stratum's own guards for reading a file in the app and say so.
 */
import { z } from 'zod';
import { describeValue } from './customization/record-checks';

/** Bedrock: "up to 1000 prompts in your dataset per automatic evaluation job" (pages above, 2026-12-04). */
export const BEDROCK_MAX_PROMPTS_PER_JOB = 1_000;
/** Bedrock: custom prompt datasets use the `.jsonl` extension (pages above, 2026-12-04). */
export const BEDROCK_DATASET_EXTENSION = '.jsonl';
/** Bedrock's precomputed inference source identifier pattern (API_EvaluationPrecomputedInferenceSource). */
export const MODEL_IDENTIFIER_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9._-]{0,255}$/;

/** Stratum's own guards for reading a file in the app (not Bedrock limits). */
export const STRATUM_DATASET_GUARDS = {
  /** More lines than this are not read (a 5,000-line file is fine). */
  maxLines: 10_000,
  /** A longer line is refused with a reason rather than parsed. */
  maxLineChars: 100_000,
} as const;

export const ModelResponse = z.object({
  response: z.string(),
  modelIdentifier: z.string().regex(MODEL_IDENTIFIER_PATTERN),
});

/** One line of a prompt dataset. Keys Bedrock does not read are dropped (and warned about). */
export const EvalDatasetRow = z.object({
  prompt: z.string().trim().min(1),
  referenceResponse: z.string().trim().min(1).optional(),
  category: z.string().trim().min(1).optional(),
  modelResponses: z.array(ModelResponse).min(1).optional(),
});
export type EvalDatasetRow = z.infer<typeof EvalDatasetRow>;

const KNOWN_KEYS = ['prompt', 'referenceResponse', 'category', 'modelResponses'] as const;

export interface DatasetLineOk {
  ok: true;
  line: number;
  row: EvalDatasetRow;
  warnings: string[];
}
export interface DatasetLineProblem {
  ok: false;
  line: number;
  reasons: string[];
}
export type DatasetLineResult = DatasetLineOk | DatasetLineProblem;

export interface DatasetCheckOptions {
  /** Question and answer tasks, accuracy and robustness need `referenceResponse` on every line. */
  requireReference?: boolean;
}

function fieldReason(key: string, value: unknown): string {
  if (key === 'modelResponses') {
    return (
      '"modelResponses" must be a list of at least one {"response": text, "modelIdentifier": name} ' +
      'where the name is letters, digits, ".", "_" or "-" (up to 256), starting with a letter or digit.'
    );
  }
  if (value === undefined) {
    return key === 'prompt'
      ? '"prompt" is missing: every line needs the text the model should respond to.'
      : `"${key}" is missing.`;
  }
  if (typeof value !== 'string') return `"${key}" must be text, but it is ${describeValue(value)}.`;
  return `"${key}" is empty.`;
}

function unknownKeyWarning(key: string): string {
  const near = KNOWN_KEYS.find(
    (known) => known.toLowerCase() === key.toLowerCase().replace(/[_\s-]/g, ''),
  );
  return near
    ? `"${key}" is not read by Bedrock; did you mean "${near}"? (Names are case-sensitive.)`
    : `"${key}" is not one of Bedrock's keys (prompt, referenceResponse, category, modelResponses) and is ignored.`;
}

function parseObject(text: string): { value: Record<string, unknown> } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { reason: `This line is not valid JSON (${detail}).` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return {
      reason: `Each line must be one JSON object {…}, but this one is ${describeValue(value)}.`,
    };
  }
  return { value: value as Record<string, unknown> };
}

/** Checks one line (1-based `line` for the messages). */
export function checkDatasetLine(
  text: string,
  line: number,
  options: DatasetCheckOptions = {},
): DatasetLineResult {
  if (text.length > STRATUM_DATASET_GUARDS.maxLineChars) {
    const most = STRATUM_DATASET_GUARDS.maxLineChars.toLocaleString('en-US');
    return {
      ok: false,
      line,
      reasons: [`This line is longer than ${most} characters, Stratum's limit for one line.`],
    };
  }
  if (text.trim() === '') {
    return {
      ok: false,
      line,
      reasons: ['This line is empty; every line must be a JSON object. Delete it.'],
    };
  }
  const parsed = parseObject(text);
  if ('reason' in parsed) return { ok: false, line, reasons: [parsed.reason] };
  const result = EvalDatasetRow.safeParse(parsed.value);
  const reasons = result.success
    ? []
    : [...new Set(result.error.issues.map((i) => String(i.path[0] ?? 'prompt')))].map((key) =>
        fieldReason(key, parsed.value[key]),
      );
  if (options.requireReference && parsed.value.referenceResponse === undefined) {
    reasons.push(
      '"referenceResponse" is missing: this task compares each response with a reference.',
    );
  }
  if (!result.success || reasons.length > 0) return { ok: false, line, reasons };
  const warnings = Object.keys(parsed.value)
    .filter((key) => !(KNOWN_KEYS as readonly string[]).includes(key))
    .map(unknownKeyWarning);
  return { ok: true, line, row: result.data, warnings };
}

export interface DatasetCheck {
  valid: DatasetLineOk[];
  problems: DatasetLineProblem[];
  /** Lines read (a final newline does not start another line). */
  lines: number;
  /** File-level notes: a byte-order mark, lines past Stratum's guard, more prompts than one job takes. */
  notes: string[];
  /** True when the valid lines are more than one Bedrock job accepts. */
  exceedsJobLimit: boolean;
}

/** Splits JSON Lines text: LF or CRLF, a final newline does not make an empty last line. */
export function splitJsonLines(text: string): string[] {
  const lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Checks a whole file's text, line by line. */
export function checkDataset(text: string, options: DatasetCheckOptions = {}): DatasetCheck {
  const notes: string[] = [];
  let body = text;
  if (body.startsWith('\uFEFF')) {
    body = body.slice(1);
    notes.push(
      'The file starts with a byte-order mark; Stratum skipped it. AWS documents no rule about one, so saving as UTF-8 without a BOM is the safe choice for Bedrock.',
    );
  }
  const all = splitJsonLines(body);
  const lines = all.slice(0, STRATUM_DATASET_GUARDS.maxLines);
  if (all.length > lines.length) {
    notes.push(
      `Only the first ${lines.length.toLocaleString('en-US')} of ${all.length.toLocaleString('en-US')} lines were read (Stratum's limit).`,
    );
  }
  const valid: DatasetLineOk[] = [];
  const problems: DatasetLineProblem[] = [];
  lines.forEach((lineText, i) => {
    const result = checkDatasetLine(lineText, i + 1, options);
    if (result.ok) valid.push(result);
    else problems.push(result);
  });
  const exceedsJobLimit = valid.length > BEDROCK_MAX_PROMPTS_PER_JOB;
  if (exceedsJobLimit) {
    notes.push(
      `${valid.length.toLocaleString('en-US')} valid prompts: Bedrock runs at most ${BEDROCK_MAX_PROMPTS_PER_JOB.toLocaleString('en-US')} in one evaluation job, so an export for Bedrock must be split.`,
    );
  }
  return { valid, problems, lines: lines.length, notes, exceedsJobLimit };
}

/** One row as a JSON Lines line (keys in Bedrock's order; absent optional keys left out). */
export function toJsonLine(row: EvalDatasetRow): string {
  const ordered: Record<string, unknown> = { prompt: row.prompt };
  if (row.referenceResponse !== undefined) ordered.referenceResponse = row.referenceResponse;
  if (row.category !== undefined) ordered.category = row.category;
  if (row.modelResponses !== undefined) ordered.modelResponses = row.modelResponses;
  return JSON.stringify(ordered);
}
