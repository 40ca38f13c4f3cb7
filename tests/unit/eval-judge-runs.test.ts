/**
 * The judge tab's saving of judge runs (renderer/src/features/eval-lab/judge/judge-runs.ts) on
 * fake-indexeddb, with the judgeResponses stream played by the test: a judge run whose evaluation
 * run is deleted while it is judging is stopped and not written back, and an evaluation run
 * reopened just as its judge run ends reads the judge run's final state (not a write still queued),
 * and Undo of a deleted judge run does not undo what a streaming one added meanwhile.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import {
  deleteRunAndJudgements,
  loadJudgeRuns,
  saveJudgeRun,
} from '../../renderer/src/db/eval-judgements';
import { deleteEvalRun, saveEvalRun } from '../../renderer/src/db/eval-runs';
import type { EvalRunRow } from '../../renderer/src/db/schema';
import {
  loadJudgeRunsOf,
  removeJudgeRun,
  startJudge,
  undoRemoveJudgeRun,
} from '../../renderer/src/features/eval-lab/judge/judge-runs';
import {
  getJudgeState,
  setJudgeSettings,
  setJudgeState,
} from '../../renderer/src/features/eval-lab/judge/judge-store';

const stream = vi.hoisted(() => ({
  onEvent: null as ((event: unknown) => void) | null,
  finish: null as ((end: unknown) => void) | null,
  cancelled: 0,
}));
vi.mock('../../renderer/src/api', () => ({
  openStream: (_name: string, _input: unknown, onEvent: (event: unknown) => void) => {
    stream.onEvent = onEvent;
    const done = new Promise((resolve) => (stream.finish = resolve));
    return {
      id: 'test-stream',
      done,
      cancel: () => {
        stream.cancelled++;
        stream.finish?.({ code: 'cancelled', message: 'Stopped.' });
      },
    };
  },
}));

/** Lets the store's promises and fake-indexeddb's transactions run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-eval-judge-runs-test-${n++}`);
  setDb(db);
  stream.cancelled = 0;
  setJudgeState({ forRunId: null, saved: null, activeId: null, deleted: null, storageError: null });
  setJudgeSettings({ judgeModelId: 'amazon.nova-lite-v1:0', mode: 'single' });
});
afterEach(async () => {
  stream.finish?.(null);
  await settle();
  setDb(null);
  await db.delete();
});

const at = '2026-12-04T12:00:00.000Z';
const RUN: EvalRunRow = {
  id: 'run-1',
  createdAt: at,
  updatedAt: at,
  name: 'One model',
  dataset: { id: 'builtin:qa', title: 'QA', task: 'qa' },
  items: [
    { id: 'q1', prompt: 'What is Bedrock?', referenceResponse: 'A managed service.' },
    { id: 'q2', prompt: 'What is RAG?', referenceResponse: 'Retrieval first.' },
  ],
  candidates: [
    {
      id: 'a',
      label: 'A',
      modelId: 'amazon.nova-micro-v1:0',
      temperature: 0,
      maxTokens: 256,
      template: '{{prompt}}',
    },
  ],
  concurrency: 2,
  robustness: null,
  responses: ['q1', 'q2'].map((itemId) => ({
    itemId,
    candidateId: 'a',
    text: `a on ${itemId}`,
    stopReason: 'end_turn',
    truncated: false,
    empty: false,
    inputTokens: 10,
    outputTokens: 5,
    latencyMs: 100,
    costUsd: 0.00001,
    at,
  })),
  status: 'complete',
  error: null,
  estimatedCostUsd: 0.0001,
};

const scores = (itemId: string) => ({
  kind: 'scores',
  itemId,
  responseKey: 'a',
  scores: [{ metric: 'correctness', score: 4, reasoning: `Mostly right on ${itemId}.` }],
  attempts: 1,
  inputTokens: 50,
  outputTokens: 20,
  problem: null,
});

describe('saving judge runs', () => {
  it('stops a judge run whose evaluation run was deleted, and does not write it back', async () => {
    await saveEvalRun(RUN);
    startJudge(RUN);
    stream.onEvent?.(scores('q1'));
    await settle();
    expect((await loadJudgeRuns('run-1')).rows).toHaveLength(1);
    await deleteRunAndJudgements('run-1', () => deleteEvalRun('run-1'));
    stream.onEvent?.(scores('q2'));
    await settle();
    expect(stream.cancelled).toBe(1);
    expect(getJudgeState().activeId).toBeNull();
    expect(await db.evalJudgements.count()).toBe(0);
  });

  it('reads the final state of a judge run that ended just before its run was reopened', async () => {
    await saveEvalRun(RUN);
    await saveEvalRun({ ...RUN, id: 'run-2' });
    startJudge(RUN);
    await settle();
    // The first result's write is under way when the last result and the end arrive...
    stream.onEvent?.(scores('q1'));
    stream.onEvent?.(scores('q2'));
    stream.finish?.(null);
    await Promise.resolve();
    // ...and the learner opens another run and comes straight back.
    void loadJudgeRunsOf('run-2');
    const reopened = loadJudgeRunsOf('run-1');
    await reopened;
    await settle();
    const shown = getJudgeState().saved;
    expect(shown?.map((r) => [r.status, r.judgements.length])).toEqual([['complete', 2]]);
  });

  it('Undo of a deleted judge run keeps what a streaming judge run added meanwhile', async () => {
    await saveEvalRun(RUN);
    const old = {
      id: 'old',
      runId: 'run-1',
      createdAt: at,
      updatedAt: at,
      judgeModelId: 'amazon.nova-lite-v1:0',
      mode: 'single' as const,
      metrics: [{ metric: 'correctness' as const, rubric: '5: right. 1: wrong.' }],
      pair: null,
      total: 2,
      judgements: [],
      status: 'complete' as const,
      error: null,
    };
    await saveJudgeRun(old);
    await loadJudgeRunsOf('run-1');
    startJudge(RUN);
    await removeJudgeRun('old');
    const undone = undoRemoveJudgeRun();
    stream.onEvent?.(scores('q1')); // arrives while Undo writes
    await undone;
    const rows = getJudgeState().saved ?? [];
    expect(rows.map((r) => r.id)).toContain('old');
    expect(rows.find((r) => r.id === getJudgeState().activeId)?.judgements).toHaveLength(1);
  });
});
