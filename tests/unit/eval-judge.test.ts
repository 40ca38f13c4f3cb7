import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  JudgeResponsesInput,
  parseScores,
  parseVerdict,
  scoresToolSchema,
} from '../../shared/eval-judge-contract';
import { cohenKappa, describeKappa } from '../../renderer/src/lib/eval/agreement';
import {
  positionChecks,
  positionSummary,
  type VerdictEvent,
} from '../../renderer/src/lib/eval/judge';

describe('cohenKappa', () => {
  it('matches a hand-computed example', () => {
    // p_o = 3/4; p_e = (2/4)(1/4) + (2/4)(3/4) = 1/8 + 3/8 = 1/2; kappa = (3/4 - 1/2) / (1 - 1/2) = 0.5
    const r = cohenKappa(['A', 'A', 'B', 'B'], ['A', 'B', 'B', 'B']);
    expect(r.ok && r.value.kappa).toBeCloseTo(0.5, 12);
    expect(r.ok && r.value.observed).toBeCloseTo(0.75, 12);
    expect(r.ok && r.value.expected).toBeCloseTo(0.5, 12);
  });

  // Reference values: scikit-learn 1.2.1 (Debian python3-sklearn),
  // sklearn.metrics.cohen_kappa_score on exactly these lists, printed with repr().
  it('matches scikit-learn on preferences (three labels)', () => {
    const a = ['A', 'A', 'B', 'B', 'tie', 'A', 'B', 'A', 'A', 'B'];
    const b = ['A', 'B', 'B', 'B', 'A', 'A', 'B', 'A', 'tie', 'B'];
    const r = cohenKappa(a, b);
    expect(r.ok && r.value.kappa).toBeCloseTo(0.4915254237288136, 12);
  });

  it('matches scikit-learn on 1-5 ratings, unweighted, linear and quadratic', () => {
    const x = [5, 4, 3, 2, 1, 4, 5, 3, 2, 4, 3, 1];
    const y = [4, 4, 3, 1, 2, 5, 5, 2, 2, 3, 3, 1];
    const k = (w: 'none' | 'linear' | 'quadratic') => {
      const r = cohenKappa(x, y, w);
      return r.ok ? r.value.kappa : NaN;
    };
    expect(k('none')).toBeCloseTo(0.3739130434782608, 12);
    expect(k('linear')).toBeCloseTo(0.6666666666666667, 12);
    expect(k('quadratic')).toBeCloseTo(0.8577075098814229, 12);
  });

  it('says why when kappa is undefined or there is nothing to compare', () => {
    expect(cohenKappa([], []).ok).toBe(false);
    const same = cohenKappa(['A', 'A'], ['A', 'A']);
    expect(same.ok).toBe(false);
    expect(!same.ok && same.reason).toMatch(/single label/);
    expect(cohenKappa(['A'], ['A', 'B']).ok).toBe(false);
    expect(describeKappa(0.5)).toBe('moderate agreement');
    expect(describeKappa(-0.1)).toBe('less than chance agreement');
  });
});

describe('judge replies', () => {
  it('derives a JSON schema the judge must fill, one entry per metric', () => {
    const json = z.toJSONSchema(scoresToolSchema(['correctness', 'coherence']), { io: 'input' });
    expect(json).toMatchObject({
      type: 'object',
      required: ['correctness', 'coherence'],
      additionalProperties: false,
    });
  });

  it('reads valid scores and refuses broken ones without guessing', () => {
    const ok = parseScores({ correctness: { reasoning: 'Matches the reference.', score: 5 } }, [
      'correctness',
    ]);
    expect(ok).toEqual({
      ok: true,
      scores: [{ metric: 'correctness', score: 5, reasoning: 'Matches the reference.' }],
    });
    const outOfRange = parseScores({ correctness: { reasoning: 'x', score: 7 } }, ['correctness']);
    expect(outOfRange.ok).toBe(false);
    const missing = parseScores({ coherence: { reasoning: 'x', score: 3 } }, ['correctness']);
    expect(missing.ok).toBe(false);
    expect(parseScores('{"answer": "unterminated', ['correctness']).ok).toBe(false);
    expect(
      parseScores('{"correctness":{"reasoning":"ok","score":4}}', ['correctness']),
    ).toMatchObject({ ok: true });
  });

  it('reads a pairwise verdict', () => {
    expect(parseVerdict({ reasoning: 'A is complete.', preferred: 'A' })).toEqual({
      ok: true,
      verdict: { reasoning: 'A is complete.', preferred: 'A' },
    });
    expect(parseVerdict({ reasoning: 'x', preferred: 'C' }).ok).toBe(false);
    expect(parseVerdict(null).ok).toBe(false);
  });

  it('pairwise input needs exactly two responses per item', () => {
    const base = {
      judgeModelId: 'amazon.nova-lite-v1:0',
      metrics: [{ metric: 'helpfulness', rubric: 'r' }],
      concurrency: 2,
      items: [
        {
          id: 'i1',
          prompt: 'p',
          reference: null,
          context: null,
          responses: [{ key: 'a', text: 'x' }],
        },
      ],
    };
    expect(JudgeResponsesInput.safeParse({ ...base, mode: 'single' }).success).toBe(true);
    expect(JudgeResponsesInput.safeParse({ ...base, mode: 'pairwise' }).success).toBe(false);
  });
});

describe('position bias', () => {
  const v = (
    itemId: string,
    order: 'original' | 'swapped',
    letter: 'A' | 'B' | null,
    key: string | null,
  ): VerdictEvent => ({
    kind: 'verdict',
    itemId,
    order,
    shownAsA: order === 'original' ? 'm1' : 'm2',
    preferredLetter: letter,
    preferredKey: key,
    reasoning: 'r',
    attempts: 1,
    inputTokens: 1,
    outputTokens: 1,
    problem: null,
  });

  it('counts verdicts that survive the swap and those that follow the first position', () => {
    const checks = positionChecks([
      v('i1', 'original', 'A', 'm1'),
      v('i1', 'swapped', 'B', 'm1'),
      v('i2', 'original', 'A', 'm1'),
      v('i2', 'swapped', 'A', 'm2'),
      v('i3', 'original', null, null),
    ]);
    expect(checks.map((c) => c.consistent)).toEqual([true, false, null]);
    expect(positionSummary(checks)).toEqual({
      compared: 2,
      consistent: 1,
      firstShownWins: 3,
      scoredVerdicts: 4,
    });
  });
});
