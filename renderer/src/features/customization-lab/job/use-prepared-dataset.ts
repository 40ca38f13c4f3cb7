/**
 * The saved dataset the job will upload, checked for the job's model and method the way the
 * Dataset builder checks it (in a Web Worker, so a large file keeps the page responsive), then
 * split into the training and validation files (seeded by the dataset's id, so the same dataset
 * and share give the same split). Only valid records are uploaded.
 */
import { useEffect, useState } from 'react';
import {
  splitForValidation,
  summarizeDataset,
  type CustomizationModelId,
  type DatasetSplit,
} from '../../../../../shared/customization';
import type { LabCustomizationType } from '../../../../../shared/customization-jobs-contract';
import { seedFromText } from '../../../../../shared/random';
import type { CustomDatasetRow } from '../../../db/schema';
import { checkInWorker } from '../dataset/check-client';

export interface PreparedDataset {
  key: string;
  split: DatasetSplit;
  records: number;
  invalidLines: number;
  /** Estimated tokens of the training file (what an epoch processes). */
  trainingTokens: number;
  /** File-level problems (record counts, sizes) from the check and the split. */
  problems: string[];
}

export type Preparation =
  | { status: 'none' }
  | { status: 'checking'; done: number; total: number }
  | { status: 'ready'; prepared: PreparedDataset }
  | { status: 'failed'; message: string };

export function usePreparedDataset(
  row: CustomDatasetRow | null,
  model: CustomizationModelId,
  method: LabCustomizationType,
  validationShare: number,
): Preparation {
  const key = row ? `${row.id}:${row.updatedAt}:${model}:${method}:${validationShare}` : '';
  const [result, setResult] = useState<{ key: string; value: Preparation }>({
    key: '',
    value: { status: 'none' },
  });
  useEffect(() => {
    if (!row) return;
    let live = true;
    const target = { model, method };
    const report = (value: Preparation) => live && setResult({ key, value });
    report({ status: 'checking', done: 0, total: row.jsonl.length });
    checkInWorker(new Blob([row.jsonl]), target, (done, total) =>
      report({ status: 'checking', done, total }),
    ).then(
      (checked) => {
        const summary = summarizeDataset(
          target,
          checked.checks,
          checked.fileBytes,
          checked.startsWithBom,
        );
        const split = splitForValidation(
          summary.valid,
          validationShare,
          seedFromText(row.id),
          summary.limits,
        );
        const problems = [...summary.problems, ...split.problems]
          .filter((p) => p.line === null)
          .map((p) => p.message);
        report({
          status: 'ready',
          prepared: {
            key,
            split,
            records: summary.valid.length,
            invalidLines: summary.totals.invalidLines - summary.totals.blankLines,
            trainingTokens: split.training.reduce((sum, v) => sum + v.size.tokens, 0),
            problems,
          },
        });
      },
      (error: unknown) =>
        report({
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
    // `key` names everything the check depends on (the row's id and last save included); the
    // row object itself is re-created by every live query, which must not re-run the check.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (!row) return { status: 'none' };
  return result.key === key
    ? result.value
    : { status: 'checking', done: 0, total: row.jsonl.length };
}
