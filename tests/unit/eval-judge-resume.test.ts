/**
 * What the judge tab's Resume says it will do (renderer/src/features/eval-lab/judge/judge-store.ts
 * `resumePlan`, `resumeLabel`): the items and the judge calls it sends, which in
 * pairwise mode are two per item even when one order of an item was judged already (those verdicts
 * are counted as redone), and in single mode one per response not yet judged; and the cost shown
 * beside Resume, which is the estimate of exactly those calls.
 */
import { describe, expect, it } from 'vitest';
import type { EvalJudgementRow } from '../../renderer/src/db/eval-judgements';
import type { EvalRunRow } from '../../renderer/src/db/schema';
import {
  missingItems,
  resumeLabel,
  resumePlan,
} from '../../renderer/src/features/eval-lab/judge/judge-store';
import { estimateJudgeCost } from '../../renderer/src/lib/eval/judge';
import { JUDGE_MAX_TOKENS, singleJudgePrompt } from '../../shared/eval-judge-contract';
import { estimateTokenCost } from '../../shared/models';

const at = '2026-12-04T12:00:00.000Z';
const ITEMS = ['q1', 'q2', 'q3', 'q4'];

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
  at,
});

const RUN: EvalRunRow = {
  id: 'run-1',
  createdAt: at,
  updatedAt: at,
  name: 'Two models',
  dataset: { id: 'builtin:qa', title: 'QA', task: 'qa' },
  items: ITEMS.map((id) => ({ id, prompt: `Prompt ${id}`, referenceResponse: `Ref ${id}` })),
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
  responses: ITEMS.flatMap((id) => [response(id, 'a'), response(id, 'b')]),
  status: 'complete',
  error: null,
  estimatedCostUsd: 0.0001,
};

const facts = { attempts: 1, inputTokens: 50, outputTokens: 20, problem: null };
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
const scores = (itemId: string, responseKey: string) => ({
  kind: 'scores' as const,
  itemId,
  responseKey,
  scores: [{ metric: 'correctness' as const, score: 4, reasoning: 'Right.' }],
  ...facts,
});

function judgeRun(patch: Partial<EvalJudgementRow>): EvalJudgementRow {
  return {
    id: 'j',
    runId: 'run-1',
    createdAt: at,
    updatedAt: at,
    judgeModelId: 'amazon.nova-lite-v1:0',
    mode: 'single',
    metrics: [{ metric: 'correctness', rubric: '5: right. 1: wrong.' }],
    pair: null,
    total: 8,
    judgements: [],
    status: 'stopped',
    error: null,
    ...patch,
  };
}

describe('Resume in pairwise mode', () => {
  it('counts items and two calls per item, including items with one order already judged', () => {
    // q1 complete, q2 and q3 have one order each, q4 has none.
    const row = judgeRun({
      mode: 'pairwise',
      pair: ['a', 'b'],
      judgements: [
        verdict('q1', 'original'),
        verdict('q1', 'swapped'),
        verdict('q2', 'original'),
        verdict('q3', 'swapped'),
      ],
    });
    const plan = resumePlan(RUN, row);
    expect(plan).toMatchObject({ items: 3, calls: 6, redone: 2 });
    expect(resumeLabel(plan)).toBe('Resume: 3 items (6 judge calls)');
  });

  it('says one item and two calls when only one order of one item is missing', () => {
    const judgements = ITEMS.flatMap((id) => [verdict(id, 'original'), verdict(id, 'swapped')]);
    const row = judgeRun({ mode: 'pairwise', pair: ['a', 'b'], judgements: judgements.slice(1) });
    const plan = resumePlan(RUN, row);
    expect(plan).toMatchObject({ items: 1, calls: 2, redone: 1 });
    expect(resumeLabel(plan)).toBe('Resume: 1 item (2 judge calls)');
  });

  it('has nothing to send when every verdict is in', () => {
    const judgements = ITEMS.flatMap((id) => [verdict(id, 'original'), verdict(id, 'swapped')]);
    expect(
      resumePlan(RUN, judgeRun({ mode: 'pairwise', pair: ['a', 'b'], judgements })),
    ).toMatchObject({ items: 0, calls: 0, redone: 0 });
  });
});

describe('Resume in single mode', () => {
  it('counts one call per response not yet judged, and the items they belong to', () => {
    const row = judgeRun({
      judgements: [scores('q1', 'a'), scores('q1', 'b'), scores('q2', 'a'), scores('q3', 'b')],
    });
    const plan = resumePlan(RUN, row);
    expect(plan).toMatchObject({ items: 3, calls: 4, redone: 0 });
    expect(resumeLabel(plan)).toBe('Resume: 3 items (4 judge calls)');
  });
});

describe('the cost shown before resuming', () => {
  it('is the estimate of the calls Resume sends (pairwise: both orders of each item)', () => {
    const row = judgeRun({
      mode: 'pairwise',
      pair: ['a', 'b'],
      judgements: [verdict('q1', 'original'), verdict('q1', 'swapped'), verdict('q2', 'original')],
    });
    const plan = resumePlan(RUN, row);
    expect(plan.calls).toBe(6);
    expect(plan.estimate).toEqual(estimateJudgeCost(row, missingItems(RUN, row)));
    expect(plan.estimate.calls).toBe(plan.calls);
    expect(plan.estimate.maxOutputTokens).toBe(6 * JUDGE_MAX_TOKENS);
    expect(plan.estimate.usd).toBe(
      estimateTokenCost(row.judgeModelId, plan.estimate.inputTokens, 6 * JUDGE_MAX_TOKENS),
    );
    expect(plan.estimate.usd).toBeGreaterThan(0);
  });

  it('counts each unjudged response once in single mode, prompts included', () => {
    const row = judgeRun({ judgements: [scores('q1', 'a'), scores('q1', 'b'), scores('q2', 'a')] });
    const plan = resumePlan(RUN, row);
    expect([plan.calls, plan.estimate.calls]).toEqual([5, 5]);
    const prompts = missingItems(RUN, row).flatMap((item) =>
      item.responses.map((r) => singleJudgePrompt(item, r.text, row.metrics)),
    );
    const promptTokens = Math.ceil(prompts.reduce((n, p) => n + p.length, 0) / 4);
    // The forced tool's schema is sent with every call too.
    expect(plan.estimate.inputTokens).toBeGreaterThan(promptTokens);
    expect(plan.estimate.maxOutputTokens).toBe(5 * JUDGE_MAX_TOKENS);
  });

  it('is unknown for a judge model without a list price, and nothing when nothing is left', () => {
    const unpriced = judgeRun({ judgeModelId: 'acme.unpriced-v1:0' });
    expect(resumePlan(RUN, unpriced).estimate.usd).toBeNull();
    const judgements = ITEMS.flatMap((id) => [scores(id, 'a'), scores(id, 'b')]);
    expect(resumePlan(RUN, judgeRun({ judgements })).estimate).toEqual({
      usd: 0,
      calls: 0,
      inputTokens: 0,
      maxOutputTokens: 0,
    });
  });
});
