/**
 * The customization lab's saved datasets (IndexedDB `customDatasets`, CustomDatasetRow). Rows are
 * read with zod: a damaged row is skipped and named (never deleted). A save writes one row.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';
import { issueText, keyText } from './issue-text';
import { CustomDatasetRow } from './schema';

export interface SkippedDataset {
  id: string;
  problem: string;
}

export interface DatasetLoad {
  /** Valid rows, newest first. */
  rows: CustomDatasetRow[];
  skipped: SkippedDataset[];
}

/** Every saved dataset, validated; a row that fails the schema is skipped and named. */
export async function loadCustomDatasets(): Promise<DatasetLoad> {
  const raw: unknown[] = await getDb().customDatasets.toArray();
  const rows: CustomDatasetRow[] = [];
  const skipped: SkippedDataset[] = [];
  for (const row of raw) {
    const parsed = CustomDatasetRow.safeParse(row);
    if (parsed.success) rows.push(parsed.data);
    else {
      skipped.push({
        id: keyText((row as { id?: unknown } | null)?.id),
        problem: parsed.error.issues.map(issueText).join('; '),
      });
    }
  }
  rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return { rows, skipped };
}

/** One saved dataset by id, validated; null when missing or damaged. */
export async function getCustomDataset(id: string): Promise<CustomDatasetRow | null> {
  const parsed = CustomDatasetRow.safeParse(await getDb().customDatasets.get(id));
  return parsed.success ? parsed.data : null;
}

/** The saved datasets, live: undefined while the first read is in flight. */
export function useCustomDatasets(): DatasetLoad | undefined {
  return useLiveQuery(loadCustomDatasets, []);
}

/** Stores a dataset (new or updated); the row is checked first, so nothing invalid is written. */
export async function saveCustomDataset(row: CustomDatasetRow): Promise<void> {
  await getDb().customDatasets.put(CustomDatasetRow.parse(row));
}

/** Deletes a saved dataset; hands back the row so Undo can put it back. */
export async function deleteCustomDataset(id: string): Promise<CustomDatasetRow | null> {
  const row = await getCustomDataset(id);
  await getDb().customDatasets.delete(id);
  return row;
}
