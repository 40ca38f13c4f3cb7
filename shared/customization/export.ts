/**
 * The valid records as JSON Lines text, and a seeded training/validation split checked against the
 * model's published validation limits (models.ts). Bedrock takes the validation set as a separate
 * file (CreateModelCustomizationJob `validationDataConfig.validators[].s3Uri`); whether a model
 * accepts one at all is stated per model where AWS states it.
 */
import type { DatasetRecord } from './formats';
import type { DatasetLimits } from './models';
import { createRng, shuffle } from '../random';
import { utf8Bytes } from './tokens';
import type { DatasetProblem, ValidRecord } from './validate';

/** One record per line, keys in the documented order, newline-terminated (empty text for no records). */
export function toJsonl(records: readonly DatasetRecord[]): string {
  return records.map((r) => `${JSON.stringify(r)}\n`).join('');
}

export interface DatasetSplit {
  training: ValidRecord[];
  validation: ValidRecord[];
  trainingJsonl: string;
  validationJsonl: string;
  /** File-level problems of the split (line null): too many validation records, files too large. */
  problems: DatasetProblem[];
}

/**
 * Splits the valid records: `validationShare` (0 to 0.5) of them, rounded down, go to validation,
 * picked by a seeded shuffle so the same seed gives the same split; both keep file order.
 */
export function splitForValidation(
  valid: readonly ValidRecord[],
  validationShare: number,
  seed: number,
  limits: DatasetLimits,
): DatasetSplit {
  const share = Math.min(0.5, Math.max(0, validationShare));
  const count = Math.floor(valid.length * share);
  const picked = new Set(shuffle(valid, createRng(seed)).slice(0, count));
  const byLine = (a: ValidRecord, b: ValidRecord) => a.line - b.line;
  const validation = valid.filter((v) => picked.has(v)).sort(byLine);
  const training = valid.filter((v) => !picked.has(v)).sort(byLine);
  const trainingJsonl = toJsonl(training.map((v) => v.record));
  const validationJsonl = toJsonl(validation.map((v) => v.record));
  const problems: DatasetProblem[] = [];
  const n = (x: number) => x.toLocaleString('en-US');
  const push = (message: string) => problems.push({ line: null, path: '', message });
  if (limits.maxValidationRecords !== null && validation.length > limits.maxValidationRecords) {
    push(
      `${n(validation.length)} validation records: the most is ${n(limits.maxValidationRecords)}. Lower the validation share.`,
    );
  }
  if (limits.maxTrainingRecords !== null && training.length > limits.maxTrainingRecords) {
    push(`${n(training.length)} training records: the most is ${n(limits.maxTrainingRecords)}.`);
  }
  const validationBytes = utf8Bytes(validationJsonl);
  if (limits.maxValidationFileBytes !== null && validationBytes > limits.maxValidationFileBytes) {
    push(
      `The validation file is ${n(validationBytes)} bytes: the most is ${n(limits.maxValidationFileBytes)}.`,
    );
  }
  return { training, validation, trainingJsonl, validationJsonl, problems };
}
