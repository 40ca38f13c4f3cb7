/**
 * The diffusion lab's learner-trained denoisers (IndexedDB `diffusionModels`, DiffusionModelRow).
 * Rows are read with zod: a damaged row (or one whose weights do not fit its architecture) is
 * skipped and named, never deleted. A training run saves one row.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { parameterCount } from '../lib/denoiser-net';
import { getDb } from './db';
import { issueText, keyText } from './issue-text';
import { DiffusionModelRow } from './schema';

export interface SkippedModel {
  id: string;
  problem: string;
}

export interface DiffusionModelsLoad {
  /** Valid rows, newest first. */
  rows: DiffusionModelRow[];
  skipped: SkippedModel[];
}

/** The problem with a row that parses, or null: the weights must fit the architecture. */
function fitProblem(row: DiffusionModelRow): string | null {
  const count = parameterCount(row.architecture);
  if (count !== row.parameters) {
    return `it says ${row.parameters} weights, but its architecture has ${count}`;
  }
  // float16 = 2 bytes per weight; base64 carries 3 bytes in 4 characters.
  if (row.weights.length !== Math.ceil((count * 2) / 3) * 4) return 'its weights are cut short';
  return null;
}

/** Every saved model, validated; a row that fails is skipped and named. */
export async function loadDiffusionModels(): Promise<DiffusionModelsLoad> {
  const raw: unknown[] = await getDb().diffusionModels.toArray();
  const rows: DiffusionModelRow[] = [];
  const skipped: SkippedModel[] = [];
  for (const row of raw) {
    const id = keyText((row as { id?: unknown } | null)?.id);
    const parsed = DiffusionModelRow.safeParse(row);
    if (!parsed.success) {
      skipped.push({ id, problem: parsed.error.issues.map(issueText).join('; ') });
      continue;
    }
    const problem = fitProblem(parsed.data);
    if (problem) skipped.push({ id, problem });
    else rows.push(parsed.data);
  }
  rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id));
  return { rows, skipped };
}

/** The saved models, live: undefined while the first read is in flight. */
export function useDiffusionModels(): DiffusionModelsLoad | undefined {
  return useLiveQuery(loadDiffusionModels, []);
}

/** Stores a model; the row is checked first, so nothing invalid is written. */
export async function saveDiffusionModel(row: DiffusionModelRow): Promise<void> {
  const parsed = DiffusionModelRow.parse(row);
  const problem = fitProblem(parsed);
  if (problem) throw new RangeError(`The model was not saved: ${problem}.`);
  await getDb().diffusionModels.put(parsed);
}

export async function deleteDiffusionModel(id: string): Promise<void> {
  await getDb().diffusionModels.delete(id);
}
