/** Saving the open dataset to IndexedDB and opening a saved one (checked again in the worker). */
import {
  CUSTOMIZATION_MODELS,
  type CustomizationModelId,
} from '../../../../../shared/customization';
import { getCustomDataset, saveCustomDataset } from '../../../db/custom-datasets';
import type { CustomDatasetRow } from '../../../db/schema';
import { checkFile, getDatasetState, linesBlob, markSaved } from './dataset-store';

/** Saves the open dataset under `name` (a new row, or the open saved one updated). */
export async function saveOpenDataset(name: string): Promise<void> {
  const s = getDatasetState();
  if (!s.data || !s.report) throw new Error('There is no dataset to save yet.');
  const now = new Date().toISOString();
  const existing = s.saved ? await getCustomDataset(s.saved.id) : null;
  const row: CustomDatasetRow = {
    id: existing?.id ?? crypto.randomUUID(),
    name: name.trim(),
    model: s.target.model,
    method: s.target.method,
    jsonl: s.data.texts.join('\n'),
    lines: s.data.texts.length,
    validRecords: s.report.totals.records,
    estimatedTokens: s.report.totals.totalTokens,
    createdAt: existing?.createdAt ?? now,
    updatedAt: now,
  };
  await saveCustomDataset(row);
  markSaved({ id: row.id, name: row.name });
}

const isModelId = (id: string): id is CustomizationModelId =>
  CUSTOMIZATION_MODELS.some((m) => m.id === id);

/** Opens a saved dataset: its lines are checked again for its model and method. */
export async function openSavedDataset(row: CustomDatasetRow): Promise<void> {
  if (!isModelId(row.model)) {
    throw new Error(
      `"${row.name}" was saved for a model Stratum no longer offers (${row.model}); export it from another copy or build it again.`,
    );
  }
  const texts = row.jsonl === '' ? [] : row.jsonl.split('\n');
  await checkFile(
    linesBlob(texts),
    `Saved dataset "${row.name}"`,
    `Opening "${row.name}"`,
    { model: row.model, method: row.method },
    { id: row.id, name: row.name },
  );
}
