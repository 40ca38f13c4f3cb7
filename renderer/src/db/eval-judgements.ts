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
 * What deleting an evaluation run removed, as stored (damaged rows included, so Undo loses
 * nothing): the run's row, its judge runs and the learner's ratings of it.
 */
export interface DeletedEvalRun {
  run: unknown;
  judgements: unknown[];
  ratings: unknown[];
}

/**
 * Deletes an evaluation run with every judge run and rating of it, in one transaction
 * (`deleteRun` deletes the run's own row; it runs inside the transaction), and hands back what it
 * removed so Undo can put it back (`restoreDeletedRun`).
 */
export async function deleteRunAndJudgements(
  runId: string,
  deleteRun: () => Promise<void>,
): Promise<DeletedEvalRun> {
  const db = getDb();
  return db.transaction('rw', [db.evalRuns, db.evalJudgements, db.evalRatings], async () => {
    const run: unknown = await db.evalRuns.get(runId);
    const judgements: unknown[] = await db.evalJudgements.where('runId').equals(runId).toArray();
    const ratings: unknown[] = await db.evalRatings.where('runId').equals(runId).toArray();
    await deleteRun();
    await db.evalJudgements.where('runId').equals(runId).delete();
    await db.evalRatings.where('runId').equals(runId).delete();
    return { run, judgements, ratings };
  });
}

/** Puts back what `deleteRunAndJudgements` removed (Undo), in one transaction. */
export async function restoreDeletedRun(deleted: DeletedEvalRun): Promise<void> {
  if (deleted.run === undefined) return;
  const db = getDb();
  await db.transaction('rw', [db.evalRuns, db.evalJudgements, db.evalRatings], async () => {
    await db.evalRuns.put(deleted.run as never);
    await db.evalJudgements.bulkPut(deleted.judgements as never[]);
    await db.evalRatings.bulkPut(deleted.ratings as never[]);
  });
}
