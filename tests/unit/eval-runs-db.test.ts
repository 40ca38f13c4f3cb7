/**
 * The evaluation lab's stored runs (renderer/src/db/eval-runs.ts) on fake-indexeddb: a run is
 * checked before it is written, read back newest first, and a damaged row is skipped and named
 * (never deleted); the runs store's pure helpers pair items with responses and find what a
 * resume must ask for.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { deleteEvalRun, loadEvalRuns, saveEvalRun } from '../../renderer/src/db/eval-runs';
import type { EvalRunRow } from '../../renderer/src/db/schema';
import {
  countedCost,
  itemsWithResponses,
  missingPairs,
} from '../../renderer/src/features/eval-lab/runs-store';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-eval-runs-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

const at = (minute: number) => `2026-12-04T12:${String(minute).padStart(2, '0')}:00.000Z`;

function run(id: string, minute: number): EvalRunRow {
  return {
    id,
    createdAt: at(minute),
    updatedAt: at(minute),
    name: 'Two models',
    dataset: { id: 'builtin:qa', title: 'QA', task: 'qa' },
    items: [
      { id: 'q1', prompt: 'What is Bedrock?', referenceResponse: 'A managed service.' },
      { id: 'q2', prompt: 'What is RAG?', referenceResponse: 'Retrieval first.' },
    ],
    candidates: [
      {
        id: 'c1',
        label: 'A',
        modelId: 'amazon.nova-micro-v1:0',
        temperature: 0,
        maxTokens: 100,
        template: '{{prompt}}',
      },
      {
        id: 'c2',
        label: 'B',
        modelId: 'amazon.nova-lite-v1:0',
        temperature: 0,
        maxTokens: 100,
        template: '{{prompt}}',
      },
    ],
    concurrency: 2,
    robustness: null,
    responses: [
      {
        itemId: 'q1',
        candidateId: 'c1',
        text: 'A managed service.',
        stopReason: 'end_turn',
        truncated: false,
        empty: false,
        inputTokens: 5,
        outputTokens: 4,
        latencyMs: 120,
        costUsd: 0.0001,
        at: at(minute),
      },
      {
        itemId: 'q1',
        candidateId: 'c2',
        text: '',
        stopReason: 'end_turn',
        truncated: false,
        empty: true,
        inputTokens: 5,
        outputTokens: 0,
        latencyMs: 90,
        costUsd: null,
        at: at(minute),
      },
    ],
    status: 'failed',
    error: { code: 'throttled', message: 'Too many requests.' },
    estimatedCostUsd: 0.001,
  };
}

describe('evalRuns', () => {
  it('stores runs and reads them back newest first', async () => {
    await saveEvalRun(run('old', 1));
    await saveEvalRun(run('new', 2));
    const { rows, skipped } = await loadEvalRuns();
    expect(rows.map((r) => r.id)).toEqual(['new', 'old']);
    expect(skipped).toEqual([]);
    await deleteEvalRun('old');
    expect((await loadEvalRuns()).rows.map((r) => r.id)).toEqual(['new']);
  });

  it('refuses to write a malformed run', async () => {
    const bad = { ...run('bad', 1), candidates: [] };
    await expect(saveEvalRun(bad)).rejects.toThrow();
    expect((await loadEvalRuns()).rows).toEqual([]);
  });

  it('skips a damaged row, names it and keeps it in the database', async () => {
    await saveEvalRun(run('good', 1));
    await db.evalRuns.put({ id: 'broken', createdAt: at(2), updatedAt: at(2) } as EvalRunRow);
    const { rows, skipped } = await loadEvalRuns();
    expect(rows.map((r) => r.id)).toEqual(['good']);
    expect(skipped.map((s) => s.id)).toEqual(['broken']);
    expect(skipped[0]?.problem).toMatch(/name/);
    expect(await db.evalRuns.get('broken')).toBeDefined();
  });
});

describe('runs-store helpers', () => {
  it('pairs items with responses, lists the missing pairs and counts the cost', () => {
    const r = run('x', 1);
    const items = itemsWithResponses(r);
    expect(items[0]?.responses.c1?.text).toBe('A managed service.');
    expect(items[1]?.responses.c1).toBeUndefined();
    expect(missingPairs(r)).toEqual([
      { itemId: 'q2', candidateId: 'c1' },
      { itemId: 'q2', candidateId: 'c2' },
    ]);
    expect(countedCost(r)).toEqual({ usd: 0.0001, unknown: 1 });
  });
});
