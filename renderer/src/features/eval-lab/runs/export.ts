/** A run and its scores as CSV (one row per item per candidate) and as JSON, for download. */
import { toCsv, type CsvCell, type RunScores } from '../../../lib/eval';
import type { EvalRunRow } from '../runs-store';

const METRIC_COLUMNS = [
  'exactMatch',
  'tokenF1',
  'rouge1',
  'rouge2',
  'rougeL',
  'sentenceBleu',
  'accuracy',
] as const;

export function runCsv(run: EvalRunRow, scores: RunScores | null): string {
  const header: CsvCell[] = [
    'itemId',
    'perturbation',
    'candidate',
    'modelId',
    'temperature',
    'prompt',
    'reference',
    'response',
    'stopReason',
    'truncated',
    'empty',
    'inputTokens',
    'outputTokens',
    'latencyMs',
    'costUsd',
    'predictedLabel',
    ...METRIC_COLUMNS,
  ];
  const rows: CsvCell[][] = [header];
  for (const item of run.items) {
    for (const c of run.candidates) {
      const r = run.responses.find((x) => x.itemId === item.id && x.candidateId === c.id);
      const s = scores?.candidates
        .find((x) => x.candidateId === c.id)
        ?.items.find((x) => x.itemId === item.id);
      rows.push([
        item.id,
        item.perturbation?.kind ?? '',
        c.label,
        c.modelId,
        c.temperature,
        item.prompt,
        item.referenceResponse ?? '',
        r?.text ?? '',
        r?.stopReason ?? '',
        r?.truncated ?? '',
        r?.empty ?? '',
        r?.inputTokens ?? null,
        r?.outputTokens ?? null,
        r?.latencyMs ?? null,
        r?.costUsd ?? null,
        s?.predicted ?? '',
        ...METRIC_COLUMNS.map((m) => s?.values[m] ?? null),
      ]);
    }
  }
  return toCsv(rows);
}

export function runJson(run: EvalRunRow, scores: RunScores | null): string {
  return JSON.stringify({ format: 'stratum-eval-run', version: 1, run, scores }, null, 2);
}

export function fileStem(run: EvalRunRow): string {
  return `stratum-eval-${run.createdAt.slice(0, 19).replace(/[:T]/g, '-')}`;
}
