/**
 * Practice statistics. Expected values are worked out by hand (calendar facts, DST dates of the
 * zones used, published Wilson intervals), never taken from the code under test. Time zones are
 * passed explicitly to `dayOf`, so the tests do not depend on the machine's zone.
 */
import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../shared/statistics';
import type { Attempt, ExamSession } from '../../renderer/src/db/schema';
import {
  accuracy,
  addDays,
  dailyCounts,
  dayOf,
  daysBetween,
  dueForecast,
  examHistory,
  heatLevel,
  heatmap,
  latestPerQuestion,
  notesForTask,
  streak,
  unpractisedTasks,
  weakestTasks,
  weekday,
  type NoteFacts,
  type QuestionFacts,
} from '../../renderer/src/lib/stats';
import { EXAM_GUIDE } from '../../shared/exam-guide';

let n = 0;
const attempt = (questionId: string, at: string, correct: boolean): Attempt => ({
  id: `a${++n}`,
  questionId,
  at,
  correct,
  mode: 'practice',
});
const question = (id: string, task: string, sourceNoteId = 'some-note'): QuestionFacts => ({
  id,
  domain: Number(task[0]),
  task,
  sourceNoteId,
});

describe('calendar days', () => {
  it('buckets instants by local date in London across the spring DST change', () => {
    // 2026-03-29: clocks go from 01:00 GMT to 02:00 BST.
    const day = dayOf('Europe/London');
    expect(day(new Date('2026-03-28T23:30:00Z'))).toBe('2026-03-28'); // 23:30 GMT
    expect(day(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29'); // 00:30 GMT
    expect(day(new Date('2026-03-29T22:59:00Z'))).toBe('2026-03-29'); // 23:59 BST
    expect(day(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30'); // 00:30 BST next day
  });

  it('buckets by local midnight in New York across the autumn DST change', () => {
    // 2026-11-01: clocks go from 02:00 EDT (UTC-4) back to 01:00 EST (UTC-5).
    const day = dayOf('America/New_York');
    expect(day(new Date('2026-11-01T03:59:00Z'))).toBe('2026-10-31'); // 23:59 EDT
    expect(day(new Date('2026-11-01T04:00:00Z'))).toBe('2026-11-01'); // 00:00 EDT
    expect(day(new Date('2026-11-02T04:30:00Z'))).toBe('2026-11-01'); // 23:30 EST
    expect(day(new Date('2026-11-02T05:00:00Z'))).toBe('2026-11-02'); // 00:00 EST
  });

  it('is exact at a quarter-hour offset (Kathmandu, UTC+5:45)', () => {
    const day = dayOf('Asia/Kathmandu');
    // Same UTC hour, either side of local midnight (18:15 UTC).
    expect(day(new Date('2026-01-01T18:01:00Z'))).toBe('2026-01-01');
    expect(day(new Date('2026-01-01T18:14:59Z'))).toBe('2026-01-01');
    expect(day(new Date('2026-01-01T18:15:00Z'))).toBe('2026-01-02');
    expect(day(new Date('2026-01-01T18:59:00Z'))).toBe('2026-01-02');
  });

  it('uses the system zone when none is given (TZ set for this test)', () => {
    // Node applies a change of process.env.TZ at once; each test file runs in its own process.
    const saved = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      // Precondition: the change took effect (EDT is UTC-4, so the offset is +240 minutes).
      expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).toBe(240);
      const day = dayOf();
      expect(day(new Date('2026-11-01T03:59:00Z'))).toBe('2026-10-31'); // 23:59 EDT
      expect(day(new Date('2026-11-01T04:00:00Z'))).toBe('2026-11-01'); // 00:00 EDT
      expect(day(new Date('2026-11-02T04:30:00Z'))).toBe('2026-11-01'); // 23:30 EST
      expect(day(new Date('2026-11-02T05:00:00Z'))).toBe('2026-11-02'); // 00:00 EST
      expect(day(new Date('2026-03-08T04:59:00Z'))).toBe('2026-03-07'); // 23:59 EST
      expect(day(new Date('2026-03-09T03:59:00Z'))).toBe('2026-03-08'); // 23:59 EDT
      const f = dueForecast(
        [{ questionId: 'a', due: '2026-11-02T04:30:00Z', state: 2 }],
        '2026-10-31',
        day,
        3,
      );
      expect(f.days.map((d) => d.count)).toEqual([0, 1, 0]);
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('does calendar arithmetic on dates, not on 24-hour steps', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(daysBetween('2025-12-31', '2026-03-01')).toBe(60);
    expect(daysBetween('2026-03-30', '2026-03-28')).toBe(-2);
    // 2026-01-01 is a Thursday; 2026-03-30 a Monday.
    expect(weekday('2026-01-01')).toBe(4);
    expect(weekday('2026-03-30')).toBe(1);
  });
});

describe('accuracy', () => {
  const questions = [question('q1', '1.1'), question('q2', '1.2'), question('q3', '2.1')];
  const attempts = [
    // Out of time order on purpose. q1's wrong answer is half a second after its right one,
    // though it sorts first as a string.
    attempt('q1', '2026-01-01T10:00:00.500Z', false),
    attempt('q1', '2026-01-01T10:00:00Z', true),
    attempt('q2', '2026-01-02T09:00:00Z', false),
    attempt('q2', '2026-01-01T09:00:00Z', true),
    attempt('q3', '2026-01-03T09:00:00Z', true),
    attempt('deleted-question', '2026-01-03T10:00:00Z', false),
  ];

  it('takes the latest answer per question by time, not by string order', () => {
    const latest = latestPerQuestion(attempts);
    expect(latest.get('q1')).toBe(false);
    expect(latest.get('q2')).toBe(false);
    expect(latest.get('q3')).toBe(true);
  });

  it('counts every answer and the latest per question, by domain and task', () => {
    const acc = accuracy(attempts, questions);
    expect(acc.overall).toEqual({
      answers: 5,
      answersCorrect: 3,
      questions: 3,
      questionsCorrect: 1,
    });
    expect(acc.byDomain.get(1)).toEqual({
      answers: 4,
      answersCorrect: 2,
      questions: 2,
      questionsCorrect: 0,
    });
    expect(acc.byDomain.get(2)).toEqual({
      answers: 1,
      answersCorrect: 1,
      questions: 1,
      questionsCorrect: 1,
    });
    expect(acc.byTask.get('1.1')).toEqual({
      answers: 2,
      answersCorrect: 1,
      questions: 1,
      questionsCorrect: 0,
    });
    expect(acc.byTask.get('2.1')?.questionsCorrect).toBe(1);
    expect(acc.byTask.has('3.1')).toBe(false);
    expect(acc.orphanAnswers).toBe(1);
  });
});

describe('wilson interval (95%)', () => {
  // Published values of the Wilson score interval with z = 1.96.
  const cases: [number, number, number, number][] = [
    [0, 1, 0, 0.7935],
    [1, 1, 0.2065, 1],
    [0, 3, 0, 0.5615],
    [1, 3, 0.0615, 0.7923],
    [5, 10, 0.2366, 0.7634],
    [8, 10, 0.4902, 0.9433],
  ];
  it.each(cases)('%i of %i', (k, total, low, high) => {
    const w = wilsonInterval(k, total);
    expect(w.low).toBeCloseTo(low, 3);
    expect(w.high).toBeCloseTo(high, 3);
  });
  it('says nothing is known with no answers', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });
});

describe('activity', () => {
  const london = dayOf('Europe/London');
  // Around the spring change: in UTC these fall on the 28th, 29th, 29th and 29th.
  const attempts = [
    attempt('q1', '2026-03-28T23:30:00Z', true),
    attempt('q1', '2026-03-29T00:30:00Z', false),
    attempt('q2', '2026-03-29T22:59:00Z', true),
    attempt('q2', '2026-03-29T23:30:00Z', true),
  ];
  const counts = dailyCounts(attempts, london);

  it('counts answers per local day', () => {
    expect(Object.fromEntries(counts)).toEqual({
      '2026-03-28': 1,
      '2026-03-29': 2,
      '2026-03-30': 1,
    });
  });

  it('counts the streak up to today, or up to yesterday before today’s first answer', () => {
    expect(streak(counts, '2026-03-30')).toEqual({ current: 3, longest: 3, today: true });
    expect(streak(counts, '2026-03-31')).toEqual({ current: 3, longest: 3, today: false });
    expect(streak(counts, '2026-04-01')).toEqual({ current: 0, longest: 3, today: false });
    const gaps = new Set(['2025-12-30', '2025-12-31', '2026-01-01', '2026-01-03', '2026-01-04']);
    expect(streak(gaps, '2026-01-04')).toEqual({ current: 2, longest: 3, today: true });
    expect(streak(new Set<string>(), '2026-01-04')).toEqual({
      current: 0,
      longest: 0,
      today: false,
    });
  });

  it('shades by fixed thresholds', () => {
    expect([0, 1, 4, 5, 9, 10, 19, 20, 300].map(heatLevel)).toEqual([0, 1, 1, 2, 2, 3, 3, 4, 4]);
  });

  it('lays out weeks as columns ending with the current week', () => {
    // Today is Monday 2026-03-30; two Monday-first weeks start on Monday 2026-03-23.
    const map = heatmap(counts, '2026-03-30', 2, 1);
    expect(map.weeks).toHaveLength(2);
    expect(map.weeks.map((w) => w.length)).toEqual([7, 7]);
    expect(map.weeks[0]![0]!.date).toBe('2026-03-23');
    expect(map.weeks[0]![5]).toMatchObject({ date: '2026-03-28', count: 1, level: 1 });
    expect(map.weeks[0]![6]).toMatchObject({ date: '2026-03-29', count: 2, level: 1 });
    expect(map.weeks[1]![0]).toMatchObject({ date: '2026-03-30', count: 1, future: false });
    expect(map.weeks[1]![1]).toMatchObject({ date: '2026-03-31', count: 0, future: true });
    expect(map.weeks[1]![6]!.date).toBe('2026-04-05');
    expect(map.total).toBe(4);
    expect(map.activeDays).toBe(3);
    expect(map.busiest).toEqual({ date: '2026-03-29', count: 2 });
  });

  it('starts 26 weeks back on the chosen first weekday (month labels: stats-month-labels)', () => {
    // 175 days before Monday 2026-03-30 is Monday 2025-10-06.
    const map = heatmap(new Map(), '2026-03-30', 26, 1);
    expect(map.weeks[0]![0]!.date).toBe('2025-10-06');
    expect(map.weeks).toHaveLength(26);
    expect(map.busiest).toBeNull();
    // Sunday-first weeks start the day before.
    expect(heatmap(new Map(), '2026-03-30', 26, 0).weeks[0]![0]!.date).toBe('2025-10-05');
  });
});

describe('due forecast', () => {
  it('buckets due dates by local day, overdue into today, across the autumn change', () => {
    // London leaves BST (UTC+1) for GMT at 01:00 UTC on 2026-10-25.
    const cards = [
      { questionId: 'a', due: '2026-10-20T10:00:00Z', state: 2 }, // overdue
      { questionId: 'b', due: '2026-10-24T22:30:00Z', state: 2 }, // 23:30 BST on the 24th
      { questionId: 'c', due: '2026-10-24T23:30:00Z', state: 1 }, // 00:30 BST on the 25th
      { questionId: 'd', due: '2026-10-25T23:30:00Z', state: 3 }, // 23:30 GMT on the 25th
      { questionId: 'e', due: '2026-11-22T12:00:00Z', state: 2 }, // day 29, the last in the window
      { questionId: 'f', due: '2026-11-30T12:00:00Z', state: 2 }, // after the window
      { questionId: 'g', due: '2026-10-24T10:00:00Z', state: 0 }, // New: not scheduled yet
    ];
    const f = dueForecast(cards, '2026-10-24', dayOf('Europe/London'), 30);
    expect(f.days).toHaveLength(30);
    expect(f.days[0]).toEqual({ date: '2026-10-24', count: 2 });
    expect(f.days[1]).toEqual({ date: '2026-10-25', count: 2 });
    expect(f.days[29]).toEqual({ date: '2026-11-22', count: 1 });
    expect(f.days.reduce((s, d) => s + d.count, 0)).toBe(5);
    expect(f.overdue).toBe(1);
    expect(f.later).toBe(1);
    // Cards of questions no longer in the pool are left out.
    const pool = new Set(['b', 'c', 'd', 'e', 'f', 'g']);
    const g = dueForecast(cards, '2026-10-24', dayOf('Europe/London'), 30, pool);
    expect(g.days[0]).toEqual({ date: '2026-10-24', count: 1 });
    expect(g.overdue).toBe(0);
  });
});

describe('weakest areas', () => {
  const notes: NoteFacts[] = [
    { id: 'n-a', title: 'A', tasks: ['1.1'] },
    { id: 'n-b', title: 'B', tasks: ['1.2', '1.1'] },
    { id: 'n-c', title: 'C', tasks: ['1.1'] },
    { id: 'n-d', title: 'D', tasks: ['2.1'] },
  ];

  it('lists source notes of missed questions first, then home notes, then others', () => {
    const questions = [
      question('m1', '1.1', 'n-b'),
      question('m2', '1.1', 'n-b'),
      question('m3', '1.1', 'n-d'),
      question('ok', '1.1', 'n-a'),
      question('gone', '1.1', 'no-such-note'),
      question('other', '1.2', 'n-c'),
    ];
    const latest = new Map([
      ['m1', false],
      ['m2', false],
      ['m3', false],
      ['ok', true],
      ['gone', false],
      ['other', false],
    ]);
    const ids = (xs: NoteFacts[]) => xs.map((x) => x.id);
    expect(ids(notesForTask('1.1', notes, questions, latest))).toEqual(['n-b', 'n-d', 'n-a']);
    expect(ids(notesForTask('1.1', notes, questions, latest, 9))).toEqual([
      'n-b',
      'n-d',
      'n-a',
      'n-c',
    ]);
    expect(ids(notesForTask('2.1', notes, [], new Map()))).toEqual(['n-d']);
  });

  it('ranks by the lower Wilson bound and leaves out clearly strong tasks', () => {
    const questions: QuestionFacts[] = [];
    const attempts: Attempt[] = [];
    const answer = (task: string, right: number, total: number) => {
      for (let i = 0; i < total; i++) {
        const id = `${task}-${i}`;
        questions.push(question(id, task, 'n-a'));
        attempts.push(attempt(id, '2026-01-01T10:00:00Z', i < right));
      }
    };
    answer('1.1', 0, 3); // low 0, high 0.56
    answer('1.2', 1, 1); // low 0.21
    answer('2.1', 8, 10); // low 0.49
    answer('2.2', 12, 12); // low 0.76: strong, not listed
    answer('3.1', 0, 1); // low 0, high 0.79
    const acc = accuracy(attempts, questions);
    const weak = weakestTasks(acc, questions, notes);
    expect(weak.map((w) => w.task)).toEqual(['1.1', '3.1', '1.2', '2.1']);
    expect(weak[0]!.tally.questions).toBe(3);
    expect(weak[2]!.score).toBeCloseTo(0.2065, 3);
    expect(weakestTasks(acc, questions, notes, 2).map((w) => w.task)).toEqual(['1.1', '3.1']);
    const all = EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => t.id));
    expect(unpractisedTasks(acc, all)).toEqual([
      '1.3',
      '2.3',
      '3.2',
      '3.3',
      '3.4',
      '4.1',
      '4.2',
      '5.1',
      '5.2',
    ]);
  });
});

describe('mock-exam history', () => {
  const exam = (id: string, finishedAt: string | null, scaled: number | null): ExamSession => ({
    id,
    startedAt: '2026-01-01T09:00:00Z',
    deadline: '2026-01-01T10:30:00Z',
    finishedAt,
    questionIds: ['q1'],
    responses: {},
    flagged: [],
    result:
      scaled === null
        ? null
        : { correct: 1, total: 1, scaled, passed: scaled >= 700, byDomain: {} },
  });
  it('keeps submitted exams, newest first', () => {
    const history = examHistory([
      exam('old', '2026-01-01T10:00:00Z', 650),
      exam('running', null, null),
      exam('new', '2026-01-05T10:00:00.250Z', 780),
      exam('mid', '2026-01-05T10:00:00Z', 700),
    ]);
    expect(history.map((e) => e.id)).toEqual(['new', 'mid', 'old']);
  });
});
