/**
 * The evaluation lab's model-as-judge runs (`evalJudgements`, EvalJudgementRow): one row per judge
 * run over a saved evaluation run, holding every judged result with its reasoning. The judge tab
 * saves the row as each result arrives, so a closed window keeps what was judged and Resume asks
 * only for the rest. Rows are read with zod: a damaged row is skipped and counted (never deleted).
 */
import { getDb } from './db';
import { EvalJudgementRow } from './schema';

export type { EvalJudgement, EvalJudgementRow } from './schema';

export interface JudgeRunLoad {
  /** Valid rows of the run, newest first; a stored 'running' row reads as 'stopped'. */
  rows: EvalJudgementRow[];
  /** Stored rows that failed the schema (kept in the database, not shown). */
  skipped: number;
}

/** Sort order of judge runs: newest first (ties by id, so the order is stable). */
export function newestFirst(a: EvalJudgementRow, b: EvalJudgementRow): number {
  return b.createdAt.localeCompare(a.createdAt) || a.id.localeCompare(b.id);
}

/** The judge runs of evaluation run `runId`, validated. */
export async function loadJudgeRuns(runId: string): Promise<JudgeRunLoad> {
  const raw: unknown[] = await getDb().evalJudgements.where('runId').equals(runId).toArray();
  const rows: EvalJudgementRow[] = [];
  let skipped = 0;
  for (const row of raw) {
    const parsed = EvalJudgementRow.safeParse(row);
    if (!parsed.success) skipped++;
    else {
      const r = parsed.data;
      rows.push(r.status === 'running' ? { ...r, status: 'stopped' } : r);
    }
  }
  rows.sort(newestFirst);
  return { rows, skipped };
}

/**
 * Writes a judge run (checked against the schema first, so nothing malformed is stored) while its
 * evaluation run is stored: a result arriving after the run was deleted (`deleteRunAndJudgements`)
 * would otherwise bring back a judge run that no run can open. False when the run is gone.
 */
export async function saveJudgeRun(row: EvalJudgementRow): Promise<boolean> {
  const checked = EvalJudgementRow.parse(row);
  const db = getDb();
  return db.transaction('rw', [db.evalRuns, db.evalJudgements], async () => {
    if ((await db.evalRuns.where('id').equals(checked.runId).count()) === 0) return false;
    await db.evalJudgements.put(checked);
    return true;
  });
}

export async function deleteJudgeRun(id: string): Promise<void> {
  await getDb().evalJudgements.delete(id);
}

/**
 * Deletes an evaluation run and every judge run over it in one transaction (`deleteRun` deletes
 * the run's own row; it runs inside the transaction).
 */
export async function deleteRunAndJudgements(
  runId: string,
  deleteRun: () => Promise<void>,
): Promise<void> {
  const db = getDb();
  await db.transaction('rw', [db.evalRuns, db.evalJudgements], async () => {
    await deleteRun();
    await db.evalJudgements.where('runId').equals(runId).delete();
  });
}
