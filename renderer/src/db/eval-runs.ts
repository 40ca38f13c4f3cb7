/**
 * The evaluation lab's runs (`evalRuns`, EvalRunRow): one row per run holding its items, its
 * candidates and every response that arrived. Rows are read with zod: a damaged row is skipped
 * and named (never deleted). A running run is saved as responses arrive, so a closed window or a
 * failure keeps what was paid for and Resume asks only for the missing pairs.
 */
import { getDb } from './db';
import { issueText, keyText } from './issue-text';
import { EvalRunRow } from './schema';

export interface SkippedRun {
  id: string;
  problem: string;
}

export interface EvalRunLoad {
  /** Valid rows, newest first. */
  rows: EvalRunRow[];
  skipped: SkippedRun[];
}

/** Every stored run, validated; a row that fails the schema is skipped and named in `skipped`. */
export async function loadEvalRuns(): Promise<EvalRunLoad> {
  const raw: unknown[] = await getDb().evalRuns.toArray();
  const rows: EvalRunRow[] = [];
  const skipped: SkippedRun[] = [];
  for (const row of raw) {
    const parsed = EvalRunRow.safeParse(row);
    if (parsed.success) rows.push(parsed.data);
    else {
      skipped.push({
        id: keyText((row as { id?: unknown } | null)?.id),
        problem: parsed.error.issues.slice(0, 3).map(issueText).join('; '),
      });
    }
  }
  rows.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id));
  return { rows, skipped };
}

/** Writes a run (checked against the schema first, so nothing malformed is stored). */
export async function saveEvalRun(row: EvalRunRow): Promise<void> {
  await getDb().evalRuns.put(EvalRunRow.parse(row));
}

export async function deleteEvalRun(id: string): Promise<void> {
  await getDb().evalRuns.delete(id);
}
