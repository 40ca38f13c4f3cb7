/**
 * The mock exam (lib/mock-exam): apportionment by domain weight (hand-computed), drawing (no
 * duplicates, spread over tasks, seeded, shortfalls filled), the scaled-score estimate and its
 * pass boundary, and scoring a session.
 */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../shared/questions';
import {
  allocate,
  answeredCount,
  apportion,
  drawExam,
  formatClock,
  passes,
  scaledEstimate,
  scoreExam,
  timeUsedMs,
} from '../../renderer/src/lib/mock-exam';
import type { Response } from '../../renderer/src/lib/scoring';
import { singleQuestion } from '../support/questions';

const WEIGHTS = [
  { id: 1, weight: 20 },
  { id: 2, weight: 24 },
  { id: 3, weight: 28 },
  { id: 4, weight: 14 },
  { id: 5, weight: 14 },
];
const TASKS: Record<number, string[]> = {
  1: ['1.1', '1.2', '1.3'],
  2: ['2.1', '2.2', '2.3'],
  3: ['3.1', '3.2', '3.3', '3.4'],
  4: ['4.1', '4.2'],
  5: ['5.1', '5.2'],
};

const common = (id: string, domain: number, task: string) => ({
  id,
  domain,
  task,
  sourceNoteId: 'ai-ml-basics',
  sourcePassage: 'A passage that is long enough to quote.',
  difficulty: 'medium' as const,
  explanation: 'Because the passage says so, plainly.',
  origin: { kind: 'bank' as const },
  tags: [],
  whyWrong: {},
});

function single(id: string, domain: number, task: string, answer = 'a'): Question {
  return {
    ...common(id, domain, task),
    type: 'single',
    stem: `Question ${id}: which option is the right one here?`,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o}` })),
    answer,
  };
}

/** A multiple-response question whose answers are a and c. */
function multiple(id: string, domain: number, task: string): Question {
  return {
    ...common(id, domain, task),
    type: 'multiple',
    stem: `Question ${id}: which two options are right? (Select TWO.)`,
    options: ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Option ${o}` })),
    answers: ['a', 'c'],
  };
}

/** `perDomain[d]` questions in domain d, spread evenly over its tasks. */
function pool(perDomain: Record<number, number>): Question[] {
  return Object.entries(perDomain).flatMap(([d, n]) => {
    const tasks = TASKS[Number(d)]!;
    return Array.from({ length: n }, (_, i) =>
      single(`d${d}-q${i}`, Number(d), tasks[i % tasks.length]!),
    );
  });
}

const countBy = (ids: readonly string[], qs: readonly Question[], key: 'domain' | 'task') => {
  const byId = new Map(qs.map((q) => [q.id, q]));
  const out = new Map<string, number>();
  for (const id of ids) {
    const k = String(byId.get(id)![key]);
    out.set(k, (out.get(k) ?? 0) + 1);
  }
  return out;
};

describe('apportionment (largest remainder)', () => {
  it('gives 13/16/18/9/9 for 65 questions', () => {
    // Quotas 13, 15.6, 18.2, 9.1, 9.1; whole parts sum to 64; the one seat left goes to the
    // largest remainder, domain 2 (.6).
    expect([...apportion(65, WEIGHTS)]).toEqual([
      [1, 13],
      [2, 16],
      [3, 18],
      [4, 9],
      [5, 9],
    ]);
  });

  it('breaks equal remainders by weight, then by domain number', () => {
    // 10 seats: quotas 2, 2.4, 2.8, 1.4, 1.4 -> whole 2,2,2,1,1 (8); remainders .8 (D3) first,
    // then the .4 tie goes to the heavier domain 2 (24%) before domains 4 and 5 (14%).
    expect([...apportion(10, WEIGHTS).values()]).toEqual([2, 3, 3, 1, 1]);
    // 3 seats: quotas .6, .72, .84, .42, .42 -> all whole parts 0; D3, D2, D1 take one each.
    expect([...apportion(3, WEIGHTS).values()]).toEqual([1, 1, 1, 0, 0]);
    // 4 seats: quotas .8, .96, 1.12, .56, .56 -> D3 1 whole, remainders .96 D2, .8 D1, .56 tie:
    // D4 (lower number) before D5.
    expect([...apportion(4, WEIGHTS).values()]).toEqual([1, 1, 1, 1, 0]);
  });

  it('fills a domain shortfall from the others by weight', () => {
    // Domain 4 has 5 questions (9 wanted): 4 seats over D1, D2, D3, D5 (20, 24, 28, 14 of 86):
    // quotas .93, 1.12, 1.30, .65 -> whole 0,1,1,0, remainders D1 .93 and D5 .65 take the last 2.
    const a = allocate(
      65,
      WEIGHTS,
      new Map([
        [1, 40],
        [2, 40],
        [3, 40],
        [4, 5],
        [5, 40],
      ]),
    );
    expect([...a.counts.values()]).toEqual([14, 17, 19, 5, 10]);
    expect(a.notes).toEqual([
      'Domain 4 has 5 questions in your pool, 9 by weight: the rest come from other domains.',
    ]);
  });
});

describe('drawing a mock exam', () => {
  const bank = pool({ 1: 30, 2: 30, 3: 40, 4: 20, 5: 20 });

  it('draws 65 distinct questions from the pool, 13/16/18/9/9 by domain', () => {
    const { questionIds, allocation } = drawExam(bank, WEIGHTS, 7);
    expect(questionIds).toHaveLength(65);
    expect(new Set(questionIds).size).toBe(65);
    const ids = new Set(bank.map((q) => q.id));
    expect(questionIds.every((id) => ids.has(id))).toBe(true);
    const byDomain = countBy(questionIds, bank, 'domain');
    expect(['1', '2', '3', '4', '5'].map((d) => byDomain.get(d))).toEqual([13, 16, 18, 9, 9]);
    expect(allocation.notes).toEqual([]);
  });

  it('spreads each domain over its task statements (counts differ by at most one)', () => {
    const { questionIds } = drawExam(bank, WEIGHTS, 11);
    const byTask = countBy(questionIds, bank, 'task');
    // Domain 3: 18 over four tasks -> 5, 5, 4, 4 in some order; domain 1: 13 over three -> 5,4,4.
    expect(['3.1', '3.2', '3.3', '3.4'].map((t) => byTask.get(t)).sort()).toEqual([4, 4, 5, 5]);
    expect(['1.1', '1.2', '1.3'].map((t) => byTask.get(t)).sort()).toEqual([4, 4, 5]);
    expect(['4.1', '4.2'].map((t) => byTask.get(t)).sort()).toEqual([4, 5]);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(drawExam(bank, WEIGHTS, 42).questionIds).toEqual(
      drawExam(bank, WEIGHTS, 42).questionIds,
    );
    expect(drawExam(bank, WEIGHTS, 42).questionIds).not.toEqual(
      drawExam(bank, WEIGHTS, 43).questionIds,
    );
  });

  it('mixes the domains in the exam order', () => {
    const { questionIds } = drawExam(bank, WEIGHTS, 3);
    const first13 = countBy(questionIds.slice(0, 13), bank, 'domain');
    expect(first13.size).toBeGreaterThan(1);
  });

  it('fills a short domain from the others and says so', () => {
    const small = pool({ 1: 30, 2: 30, 3: 40, 4: 5, 5: 20 });
    const { questionIds, allocation } = drawExam(small, WEIGHTS, 1);
    expect(new Set(questionIds).size).toBe(65);
    const byDomain = countBy(questionIds, small, 'domain');
    expect(['1', '2', '3', '4', '5'].map((d) => byDomain.get(d))).toEqual([14, 17, 19, 5, 10]);
    expect(allocation.notes[0]).toMatch(/^Domain 4 has 5 questions/);
  });

  it('takes the whole pool when it has fewer than 65 questions, once per id', () => {
    const tiny = pool({ 1: 8, 2: 8, 3: 8, 4: 8, 5: 8 });
    const { questionIds, allocation } = drawExam([...tiny, ...tiny.slice(0, 5)], WEIGHTS, 5);
    expect(questionIds).toHaveLength(40);
    expect(new Set(questionIds).size).toBe(40);
    expect(allocation.notes[0]).toBe(
      'Your question pool has 40 questions, fewer than 65: this exam will have 40.',
    );
  });
});

describe('scaled-score estimate', () => {
  it('maps 0% to 100, 72% to 700 and 100% to 1000, linearly between', () => {
    expect(scaledEstimate(0, 65)).toBe(100);
    expect(scaledEstimate(65, 65)).toBe(1000);
    expect(scaledEstimate(36, 50)).toBe(700); // exactly 72%
    // 47/65 = 72.31%: 700 + (0.72308 - 0.72) / 0.28 x 300 = 703.3
    expect(scaledEstimate(47, 65)).toBe(703);
    // 46/65 = 70.77%: 100 + 0.70769 / 0.72 x 600 = 689.7
    expect(scaledEstimate(46, 65)).toBe(690);
    // 50%: 100 + 0.5 / 0.72 x 600 = 516.7
    expect(scaledEstimate(25, 50)).toBe(517);
  });

  it('passes at 700 and above', () => {
    expect(passes(699)).toBe(false);
    expect(passes(700)).toBe(true);
    expect(passes(scaledEstimate(46, 65))).toBe(false);
    expect(passes(scaledEstimate(47, 65))).toBe(true);
  });

  it('formats the countdown', () => {
    expect(formatClock(90 * 60_000)).toBe('1:30:00');
    expect(formatClock(59 * 60_000 + 5_000)).toBe('59:05');
    expect(formatClock(400)).toBe('0:01');
    expect(formatClock(0)).toBe('0:00');
  });
});

describe('scoring an exam session', () => {
  it('counts right, wrong and unanswered per domain, all or nothing', () => {
    const qs: Question[] = [
      single('s1', 1, '1.1', 'a'),
      single('s2', 1, '1.2', 'b'),
      single('s3', 2, '2.1', 'c'),
      multiple('m1', 3, '3.1'),
      multiple('m2', 3, '3.2'),
    ];
    const responses: Record<string, Response> = {
      s1: { type: 'single', choice: 'a' }, // right
      s2: { type: 'single', choice: 'a' }, // wrong
      // s3 unanswered
      m1: { type: 'multiple', choices: ['c', 'a'] }, // right (order does not matter)
      m2: { type: 'multiple', choices: ['a'] }, // incomplete: wrong
    };
    const r = scoreExam(qs, responses, WEIGHTS);
    expect(r.correct).toBe(2);
    expect(r.total).toBe(5);
    // 40%: 100 + 0.4 / 0.72 x 600 = 433.3
    expect(r.scaled).toBe(433);
    expect(r.passed).toBe(false);
    expect(r.byDomain).toEqual({
      '1': { correct: 1, total: 2 },
      '2': { correct: 0, total: 1 },
      '3': { correct: 1, total: 2 },
      '4': { correct: 0, total: 0 },
      '5': { correct: 0, total: 0 },
    });
  });
});

describe('time used and questions answered', () => {
  const startedAt = '2026-12-04T09:00:00.000Z';
  const deadline = '2026-12-04T10:30:00.000Z';

  it('measures from the start to the submission, at most to the deadline', () => {
    const at = (finishedAt: string | null) => timeUsedMs({ startedAt, deadline, finishedAt });
    expect(at('2026-12-04T09:42:10.000Z')).toBe(42 * 60_000 + 10_000);
    // Submitted after the deadline (time ran out while the app was closed): the full 90 minutes.
    expect(at('2026-12-05T08:00:00.000Z')).toBe(90 * 60_000);
    // Not submitted yet: counts to the deadline.
    expect(at(null)).toBe(90 * 60_000);
  });

  it('counts complete answers to questions still in the pool', () => {
    const qs = [single('s1', 1, '1.1', 'a'), multiple('m1', 3, '3.1')];
    const byId = new Map(qs.map((q) => [q.id, q]));
    const responses: Record<string, Response> = {
      s1: { type: 'single', choice: 'b' }, // wrong, but answered
      m1: { type: 'multiple', choices: ['a'] }, // incomplete: one of two
      gone: { type: 'single', choice: 'a' }, // deleted from the pool
    };
    expect(answeredCount({ questionIds: ['s1', 'm1', 'gone'], responses }, byId)).toBe(1);
    responses.m1 = { type: 'multiple', choices: ['a', 'b'] };
    expect(answeredCount({ questionIds: ['s1', 'm1', 'gone'], responses }, byId)).toBe(2);
  });
});

describe('case studies in a mock exam', () => {
  const q = (id: string, domain: number, caseId?: string): Question =>
    singleQuestion(id, domain, `${domain}.1`, caseId ? { caseId } : {});
  const weights = [
    { id: 1, weight: 50 },
    { id: 2, weight: 50 },
  ];
  const singles = Array.from({ length: 40 }, (_, i) => q(`s${i}`, 1 + (i % 2)));
  const setA = [q('a1', 1, 'cs-a'), q('a2', 2, 'cs-a'), q('a3', 1, 'cs-a')];
  const setB = [q('b1', 2, 'cs-b'), q('b2', 2, 'cs-b')];
  const setC = [q('c1', 1, 'cs-c'), q('c2', 1, 'cs-c')];

  it('draws whole sets, kept together and in order, and the domain counts still hold', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { questionIds } = drawExam([...singles, ...setA, ...setB, ...setC], weights, seed, 20);
      expect(questionIds).toHaveLength(20);
      expect(new Set(questionIds).size).toBe(20);
      const drawn = [setA, setB, setC].filter((set) => questionIds.includes(set[0]!.id));
      expect(drawn.length).toBe(2);
      for (const set of drawn) {
        const at = questionIds.indexOf(set[0]!.id);
        expect(questionIds.slice(at, at + set.length)).toEqual(set.map((x) => x.id));
      }
      for (const set of [setA, setB, setC].filter((s) => !drawn.includes(s)))
        expect(set.some((x) => questionIds.includes(x.id))).toBe(false);
      const domainOf = (id: string) =>
        Number([...singles, ...setA, ...setB, ...setC].find((x) => x.id === id)!.domain);
      expect(questionIds.filter((id) => domainOf(id) === 1)).toHaveLength(10);
    }
  });

  it('fills every seat when a domain is mostly case studies and only some sets are drawn', () => {
    // Domain 2 has 3 single questions and three 2-question sets (9 questions). Its 10 seats of 20
    // were counted over all 9, but an exam draws at most 2 sets: before the fix the exam had 17
    // questions. Now its 7 (3 singles and 2 sets) are taken and the other 3 seats go to domain 1.
    const thin = [
      ...Array.from({ length: 30 }, (_, i) => q(`t${i}`, 1)),
      ...['u0', 'u1', 'u2'].map((id) => q(id, 2)),
      q('x1', 2, 'cs-x'),
      q('x2', 2, 'cs-x'),
      q('y1', 2, 'cs-y'),
      q('y2', 2, 'cs-y'),
      q('z1', 2, 'cs-z'),
      q('z2', 2, 'cs-z'),
    ];
    for (let seed = 0; seed < 20; seed++) {
      const { questionIds } = drawExam(thin, weights, seed, 20);
      expect(questionIds).toHaveLength(20);
      expect(new Set(questionIds).size).toBe(20);
      expect(questionIds.filter((id) => /^[xyz]/.test(id))).toHaveLength(4);
      expect(questionIds.filter((id) => id.startsWith('t'))).toHaveLength(13);
    }
  });

  it('draws more than two sets only when the pool is otherwise too small', () => {
    const few = [q('s1', 1), q('s2', 2), ...setA, ...setB, ...setC];
    const { questionIds } = drawExam(few, weights, 5, 20);
    expect([...questionIds].sort()).toEqual(few.map((x) => x.id).sort());
  });

  it('leaves out a set that does not fit its domains', () => {
    const { questionIds } = drawExam([...singles, ...setC], weights, 1, 2);
    expect(questionIds.some((id) => id.startsWith('c'))).toBe(false);
  });
});
