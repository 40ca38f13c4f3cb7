/**
 * The evaluation lab's saved judge runs (renderer/src/db/eval-judgements.ts) on fake-indexeddb: a
 * judge run is checked before it is written and read back per evaluation run, newest first; a row
 * left 'running' by a closed window reads as stopped; a damaged row is skipped and counted (never
 * deleted); deleting an evaluation run deletes its judge runs in the same transaction, and a judge
 * run is not written once its evaluation run is gone. Also the judge store's pure helpers that
 * decide what a resumed judge run still has to judge.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import {
  deleteJudgeRun,
  deleteRunAndJudgements,
  loadJudgeRuns,
  restoreDeletedRun,
  saveJudgeRun,
  type EvalJudgementRow,
} from '../../renderer/src/db/eval-judgements';
import { deleteEvalRun, loadEvalRuns, saveEvalRun } from '../../renderer/src/db/eval-runs';
import { loadRunRatings, saveRating } from '../../renderer/src/db/eval-ratings';
import type { EvalRunRow } from '../../renderer/src/db/schema';
import {
  expectedResults,
  judgeItems,
  missingItems,
  getJudgeState,
} from '../../renderer/src/features/eval-lab/judge/judge-store';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-eval-judgements-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

const at = (minute: number) => `2026-12-04T12:${String(minute).padStart(2, '0')}:00.000Z`;

const response = (itemId: string, candidateId: string) => ({
  itemId,
  candidateId,
  text: `${candidateId} on ${itemId}`,
  stopReason: 'end_turn',
  truncated: false,
  empty: false,
  inputTokens: 10,
  outputTokens: 5,
  latencyMs: 100,
  costUsd: 0.00001,
  at: at(0),
});

const RUN: EvalRunRow = {
  id: 'run-1',
  createdAt: at(0),
  updatedAt: at(0),
  name: 'Two models',
  dataset: { id: 'builtin:qa', title: 'QA', task: 'qa' },
  items: [
    { id: 'q1', prompt: 'What is Bedrock?', referenceResponse: 'A managed service.' },
    { id: 'q2', prompt: 'What is RAG?', referenceResponse: 'Retrieval first.' },
  ],
  candidates: ['a', 'b'].map((id) => ({
    id,
    label: id.toUpperCase(),
    modelId: 'amazon.nova-micro-v1:0',
    temperature: 0,
    maxTokens: 256,
    template: '{{prompt}}',
  })),
  concurrency: 2,
  robustness: null,
  responses: [response('q1', 'a'), response('q1', 'b'), response('q2', 'a'), response('q2', 'b')],
  status: 'complete',
  error: null,
  estimatedCostUsd: 0.0001,
};

const facts = { attempts: 1, inputTokens: 50, outputTokens: 20, problem: null };
const scores = (itemId: string, responseKey: string) => ({
  kind: 'scores' as const,
  itemId,
  responseKey,
  scores: [{ metric: 'correctness' as const, score: 4, reasoning: `Mostly right on ${itemId}.` }],
  ...facts,
});

function judgeRun(
  id: string,
  minute: number,
  patch: Partial<EvalJudgementRow> = {},
): EvalJudgementRow {
  return {
    id,
    runId: 'run-1',
    createdAt: at(minute),
    updatedAt: at(minute),
    judgeModelId: 'amazon.nova-lite-v1:0',
    mode: 'single',
    metrics: [{ metric: 'correctness', rubric: '5: right. 1: wrong.' }],
    pair: null,
    total: 4,
    judgements: [scores('q1', 'a')],
    status: 'complete',
    error: null,
    ...patch,
  };
}

describe('saved judge runs', () => {
  it('reads back the judge runs of one evaluation run, newest first, with the reasoning', async () => {
    await saveEvalRun(RUN);
    await saveEvalRun({ ...RUN, id: 'run-2' });
    await saveJudgeRun(judgeRun('j1', 1));
    await saveJudgeRun(judgeRun('j2', 2, { status: 'running' }));
    await saveJudgeRun(judgeRun('other', 3, { runId: 'run-2' }));
    const { rows, skipped } = await loadJudgeRuns('run-1');
    expect(rows.map((r) => r.id)).toEqual(['j2', 'j1']);
    expect(rows[0]?.status).toBe('stopped');
    expect(rows[1]?.judgements[0]).toMatchObject({
      scores: [{ reasoning: 'Mostly right on q1.' }],
    });
    expect(skipped).toBe(0);
  });

  it('refuses to write a malformed row and skips a damaged stored one', async () => {
    await saveEvalRun(RUN);
    await expect(saveJudgeRun(judgeRun('bad', 1, { total: -1 }))).rejects.toThrow();
    await saveJudgeRun(judgeRun('good', 1));
    await db.evalJudgements.put({ ...judgeRun('damaged', 2), mode: 'sideways' } as never);
    const { rows, skipped } = await loadJudgeRuns('run-1');
    expect(rows.map((r) => r.id)).toEqual(['good']);
    expect(skipped).toBe(1);
    expect(await db.evalJudgements.count()).toBe(2);
  });

  it('deletes one judge run, and every judge run of a deleted evaluation run', async () => {
    await saveEvalRun(RUN);
    await saveJudgeRun(judgeRun('j1', 1));
    await saveJudgeRun(judgeRun('j2', 2));
    // Stored directly: saveJudgeRun writes only for a stored run, and run-2 is not.
    await db.evalJudgements.put(judgeRun('other', 3, { runId: 'run-2' }));
    await deleteJudgeRun('j1');
    expect((await loadJudgeRuns('run-1')).rows.map((r) => r.id)).toEqual(['j2']);
    await deleteRunAndJudgements('run-1', () => deleteEvalRun('run-1'));
    expect((await loadEvalRuns()).rows).toEqual([]);
    expect((await loadJudgeRuns('run-1')).rows).toEqual([]);
    expect((await loadJudgeRuns('run-2')).rows.map((r) => r.id)).toEqual(['other']);
  });

  it('deletes the run’s ratings with it, and Undo puts back the run, its judge runs and ratings', async () => {
    await saveEvalRun(RUN);
    await saveJudgeRun(judgeRun('j1', 1));
    await saveRating({
      id: 'r1',
      runId: 'run-1',
      itemId: 'q1',
      at: at(3),
      kind: 'rating',
      candidateId: 'a',
      score: 4,
    });
    // A damaged judge row of the run goes and comes back as stored, unread.
    await db.evalJudgements.put({ id: 'broken', runId: 'run-1' } as never);
    const removed = await deleteRunAndJudgements('run-1', () => deleteEvalRun('run-1'));
    expect(await db.evalRatings.count()).toBe(0);
    expect(await db.evalJudgements.count()).toBe(0);
    expect(removed.judgements).toHaveLength(2);
    await restoreDeletedRun(removed);
    expect((await loadEvalRuns()).rows.map((r) => r.id)).toEqual(['run-1']);
    expect(await loadJudgeRuns('run-1')).toMatchObject({ skipped: 1 });
    expect((await loadJudgeRuns('run-1')).rows.map((r) => r.id)).toEqual(['j1']);
    expect(JSON.stringify(await loadRunRatings('run-1'))).toContain('"score":4');
  });

  it('does not bring back a judge run whose evaluation run was deleted while it was judging', async () => {
    await saveEvalRun(RUN);
    expect(await saveJudgeRun(judgeRun('j1', 1, { status: 'running' }))).toBe(true);
    await deleteRunAndJudgements('run-1', () => deleteEvalRun('run-1'));
    // The next result arrives after the delete: it is not written.
    const later = judgeRun('j1', 1, {
      status: 'running',
      judgements: [scores('q1', 'a'), scores('q1', 'b')],
    });
    expect(await saveJudgeRun(later)).toBe(false);
    expect(await db.evalJudgements.count()).toBe(0);
  });
});

describe('resuming a judge run', () => {
  it('single mode asks only for the responses not yet judged', () => {
    const settings = { ...getJudgeState().settings, mode: 'single' as const };
    expect(expectedResults('single', judgeItems(RUN, settings))).toBe(4);
    const missing = missingItems(RUN, judgeRun('j', 1, { judgements: [scores('q1', 'a')] }));
    expect(missing.map((i) => [i.id, i.responses.map((r) => r.key)])).toEqual([
      ['q1', ['b']],
      ['q2', ['a', 'b']],
    ]);
    expect(expectedResults('single', missing)).toBe(3);
  });

  it('pairwise mode judges again an item missing either order', () => {
    const verdict = (itemId: string, order: 'original' | 'swapped') => ({
      kind: 'verdict' as const,
      itemId,
      order,
      shownAsA: order === 'original' ? 'a' : 'b',
      preferredLetter: 'A' as const,
      preferredKey: order === 'original' ? 'a' : 'b',
      reasoning: 'A reads better.',
      ...facts,
    });
    const row = judgeRun('p', 1, {
      mode: 'pairwise',
      pair: ['a', 'b'],
      judgements: [verdict('q1', 'original'), verdict('q1', 'swapped'), verdict('q2', 'original')],
    });
    const missing = missingItems(RUN, row);
    expect(missing.map((i) => i.id)).toEqual(['q2']);
    expect(expectedResults('pairwise', missing)).toBe(2);
  });
});
