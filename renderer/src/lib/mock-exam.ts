/**
 * The mock exam, as pure functions: drawing questions by domain weight, scoring a finished
 * session, and the scaled-score estimate.
 *
 * Drawing. The exam guide weights the domains 20/24/28/14/14%. Seats are apportioned with the
 * largest-remainder (Hamilton) method: each domain first gets the whole part of its quota
 * (size x weight / 100), then the seats left over go, one each, to the domains with the largest
 * fractional parts (ties: the heavier domain, then the lower domain number). For 65 questions the
 * quotas are 13, 15.6, 18.2, 9.1 and 9.1: whole parts 13 + 15 + 18 + 9 + 9 = 64, and the one seat
 * left goes to domain 2 (.6), giving 13 / 16 / 18 / 9 / 9. A domain with fewer questions than its
 * seats gives all it has and the shortfall is apportioned the same way over the domains that have
 * questions to spare. Inside a domain, questions are taken round-robin over its task statements
 * (in a random order), so every task is covered before any repeats. The RNG is seeded, so a seed
 * gives the same exam every time.
 *
 * Scoring is all-or-nothing per question (lib/scoring) and an unanswered question is wrong (there
 * is no penalty for guessing on the real exam, so guessing is always better).
 */
import type { Question } from '../../../shared/questions';
import { createRng, shuffle, type Rng } from '../../../shared/random';
import { isComplete, isCorrect, type Response } from './scoring';

export const EXAM_QUESTIONS = 65;
export const EXAM_MINUTES = 90;
export const PASS_SCORE = 700;
/**
 * Case studies drawn into one mock exam at most (each counts as its questions against the
 * domains' seats). The exam guide lists the type without saying how many appear; two keeps most
 * of the exam as single items.
 */
export const CASES_PER_EXAM = 2;
export const SCALED_MIN = 100;
export const SCALED_MAX = 1000;
/**
 * The fraction correct this estimate maps to 700. AWS does not publish how raw scores become
 * scaled scores (and scales each exam form separately); about 72% is a common community guess.
 */
export const ESTIMATE_PASS_FRACTION = 0.72;

export interface DomainWeight {
  id: number;
  /** Percent of the exam (the weights add up to 100). */
  weight: number;
}

/**
 * Largest-remainder apportionment of `seats` over `domains` by weight, in integers (the quota of a
 * domain is seats x weight / sum of weights). Ties on the remainder go to the heavier domain, then
 * the lower id.
 */
export function apportion(seats: number, domains: readonly DomainWeight[]): Map<number, number> {
  const total = domains.reduce((s, d) => s + d.weight, 0);
  const out = new Map<number, number>();
  if (seats <= 0 || total <= 0) {
    for (const d of domains) out.set(d.id, 0);
    return out;
  }
  const rows = domains.map((d) => {
    const num = seats * d.weight;
    const whole = Math.floor(num / total);
    return { d, whole, remainder: num - whole * total };
  });
  let left = seats - rows.reduce((s, r) => s + r.whole, 0);
  const order = [...rows].sort(
    (a, b) => b.remainder - a.remainder || b.d.weight - a.d.weight || a.d.id - b.d.id,
  );
  for (const r of rows) out.set(r.d.id, r.whole);
  for (const r of order) {
    if (left <= 0) break;
    out.set(r.d.id, r.whole + 1);
    left--;
  }
  return out;
}

export interface Allocation {
  /** Questions per domain id. */
  counts: Map<number, number>;
  /** What the weights alone would give (before any shortfall was filled). */
  target: Map<number, number>;
  /** Plain sentences about shortfalls, for the start screen. Empty when the weights were met. */
  notes: string[];
}

/**
 * How many questions to take from each domain: the apportionment, capped by what each domain has,
 * with any shortfall filled from the domains with questions to spare (apportioned by their
 * weights again, until nothing is short or nothing is spare).
 */
export function allocate(
  size: number,
  domains: readonly DomainWeight[],
  available: ReadonlyMap<number, number>,
): Allocation {
  const have = (id: number) => available.get(id) ?? 0;
  const poolSize = domains.reduce((s, d) => s + have(d.id), 0);
  const seats = Math.min(size, poolSize);
  const target = apportion(size, domains);
  const counts = new Map<number, number>();
  let short = 0;
  for (const [id, n] of apportion(seats, domains)) {
    counts.set(id, Math.min(n, have(id)));
    short += Math.max(0, n - have(id));
  }
  while (short > 0) {
    const spare = domains.filter((d) => have(d.id) > counts.get(d.id)!);
    if (spare.length === 0) break;
    let given = 0;
    for (const [id, n] of apportion(short, spare)) {
      const add = Math.min(n, have(id) - counts.get(id)!);
      counts.set(id, counts.get(id)! + add);
      given += add;
    }
    short -= given;
    if (given === 0) break;
  }
  const notes: string[] = [];
  if (poolSize < size) {
    notes.push(
      `Your question pool has ${poolSize} questions, fewer than ${size}: this exam will have ${poolSize}.`,
    );
  }
  for (const d of domains) {
    const want = target.get(d.id)!;
    if (have(d.id) < want) {
      notes.push(
        `Domain ${d.id} has ${have(d.id)} question${have(d.id) === 1 ? '' : 's'} in your pool, ` +
          `${want} by weight: the rest come from other domains.`,
      );
    }
  }
  return { counts, target, notes };
}

/** `k` questions of one domain, round-robin over its task statements (both orders random). */
function spreadOverTasks(questions: readonly Question[], k: number, rng: Rng): Question[] {
  const byTask = new Map<string, Question[]>();
  for (const q of questions) {
    const list = byTask.get(q.task) ?? [];
    list.push(q);
    byTask.set(q.task, list);
  }
  const tasks = shuffle([...byTask.keys()].sort(), rng).map((t) => shuffle(byTask.get(t)!, rng));
  const out: Question[] = [];
  for (let i = 0; out.length < k; i++) {
    let took = false;
    for (const list of tasks) {
      if (out.length >= k) break;
      if (i < list.length) {
        out.push(list[i]!);
        took = true;
      }
    }
    if (!took) break;
  }
  return out;
}

type Unit = Question[];
interface Placement {
  allocation: Allocation;
  units: Unit[];
  /** Seats per domain still open for single questions. */
  left: Map<number, number>;
}

/** `counts` plus the questions of `units`, per domain (a new map). */
function withQuestionsOf(counts: ReadonlyMap<number, number>, units: readonly Unit[]) {
  const out = new Map(counts);
  for (const q of units.flat()) out.set(q.domain, (out.get(q.domain) ?? 0) + 1);
  return out;
}

/**
 * Apportions the seats over `available`, then takes sets from `candidates` in order, each as a
 * unit, while every question of the set fits its domain's open seats (at most `maxUnits`).
 */
function placeUnits(
  size: number,
  domains: readonly DomainWeight[],
  available: ReadonlyMap<number, number>,
  candidates: readonly Unit[],
  maxUnits: number,
): Placement {
  const allocation = allocate(size, domains, available);
  const left = new Map(allocation.counts);
  const units: Unit[] = [];
  for (const set of candidates) {
    if (units.length >= maxUnits) break;
    const need = new Map<number, number>();
    for (const q of set) need.set(q.domain, (need.get(q.domain) ?? 0) + 1);
    if ([...need].some(([d, n]) => (left.get(d) ?? 0) < n)) continue;
    for (const [d, n] of need) left.set(d, left.get(d)! - n);
    units.push(set);
  }
  return { allocation, units, left };
}

/**
 * The second pass of `drawExam`: seats apportioned over the single questions and the sets
 * `chosen` (plus further sets, in shuffled order, while the exam would otherwise be short), until
 * every set kept fits its domains' seats. Single questions then fill exactly the open seats.
 */
function refit(
  size: number,
  domains: readonly DomainWeight[],
  singleCounts: ReadonlyMap<number, number>,
  shuffledSets: readonly Unit[],
  chosen: readonly Unit[],
): Placement {
  let units = [...chosen];
  const singlesTotal = [...singleCounts.values()].reduce((a, b) => a + b, 0);
  for (const set of shuffledSets) {
    if (singlesTotal + units.flat().length >= size) break;
    if (!units.includes(set)) units.push(set);
  }
  for (;;) {
    const placed = placeUnits(
      size,
      domains,
      withQuestionsOf(singleCounts, units),
      units,
      units.length,
    );
    if (placed.units.length === units.length) return placed;
    units = placed.units;
  }
}

export interface DrawnExam {
  /** Question ids in exam order (domains mixed). */
  questionIds: string[];
  allocation: Allocation;
}

/**
 * Draws a mock exam from `pool`: counts per domain from `allocate`, questions spread over task
 * statements, then the whole exam shuffled so domains are mixed, as on the real exam. Duplicate
 * ids in the pool are taken once.
 */
export function drawExam(
  pool: readonly Question[],
  domains: readonly DomainWeight[],
  seed: number,
  size = EXAM_QUESTIONS,
  casesPerExam = CASES_PER_EXAM,
): DrawnExam {
  const rng = createRng(seed);
  const seen = new Set<string>();
  const byDomain = new Map<number, Question[]>(domains.map((d) => [d.id, []]));
  const sets = new Map<string, Question[]>();
  for (const q of pool) {
    if (seen.has(q.id) || !byDomain.has(q.domain)) continue;
    seen.add(q.id);
    if (q.caseId) sets.set(q.caseId, [...(sets.get(q.caseId) ?? []), q]);
    else byDomain.get(q.domain)!.push(q);
  }
  const singleCounts = new Map([...byDomain].map(([id, qs]) => [id, qs.length]));
  const shuffledSets = shuffle([...sets.values()], rng);
  let { allocation, units, left } = placeUnits(
    size,
    domains,
    withQuestionsOf(singleCounts, [...sets.values()]),
    shuffledSets,
    casesPerExam,
  );
  if (domains.some((d) => left.get(d.id)! > singleCounts.get(d.id)!)) {
    // The seats counted the questions of sets this exam does not draw, so a domain whose pool is
    // mostly case studies would leave seats empty. Count only what the exam can hold: the single
    // questions and the sets drawn (more sets only if the pool is otherwise too small), and
    // apportion again, dropping a set that no longer fits.
    ({ allocation, units, left } = refit(size, domains, singleCounts, shuffledSets, units));
  }
  const singles = domains.flatMap((d) =>
    spreadOverTasks(
      byDomain.get(d.id)!,
      Math.min(left.get(d.id)!, byDomain.get(d.id)!.length),
      rng,
    ),
  );
  // Shuffle the units (a set stays together, in its own order) among the single questions.
  const order = shuffle([...singles.map((q) => [q]), ...units], rng);
  return { questionIds: order.flat().map((q) => q.id), allocation };
}

/**
 * The scaled-score ESTIMATE for `correct` of `total`: a straight line from 0% = 100 to
 * 72% = 700, and from 72% = 700 to 100% = 1000, rounded to a whole number. This is a community
 * assumption, not AWS's method: AWS does not publish how raw scores map to the 100-1000 scale.
 */
export function scaledEstimate(correct: number, total: number): number {
  if (total <= 0) return SCALED_MIN;
  const f = Math.min(1, Math.max(0, correct / total));
  const p = ESTIMATE_PASS_FRACTION;
  const raw =
    f <= p
      ? SCALED_MIN + (f / p) * (PASS_SCORE - SCALED_MIN)
      : PASS_SCORE + ((f - p) / (1 - p)) * (SCALED_MAX - PASS_SCORE);
  return Math.min(SCALED_MAX, Math.max(SCALED_MIN, Math.round(raw)));
}

/** Pass or fail against 700, on the rounded estimate (as shown). */
export function passes(scaled: number): boolean {
  return scaled >= PASS_SCORE;
}

export interface ExamResult {
  correct: number;
  total: number;
  scaled: number;
  passed: boolean;
  byDomain: Record<string, { correct: number; total: number }>;
}

/** Whether the learner answered a question: a complete response was saved for it. */
export function isAnswered(q: Question, r: Response | undefined): boolean {
  return r !== undefined && isComplete(q, r);
}

/**
 * Scores a finished exam: every question counts (the mock has no unscored items), all-or-nothing,
 * an unanswered question is wrong. `byDomain` is keyed by domain number as a string, listing
 * every domain of `domains` (zero totals included).
 */
export function scoreExam(
  questions: readonly Question[],
  responses: Readonly<Record<string, Response>>,
  domains: readonly DomainWeight[],
): ExamResult {
  const byDomain: Record<string, { correct: number; total: number }> = {};
  for (const d of domains) byDomain[String(d.id)] = { correct: 0, total: 0 };
  let correct = 0;
  for (const q of questions) {
    const r = responses[q.id];
    const right = r !== undefined && isAnswered(q, r) && isCorrect(q, r);
    const row = (byDomain[String(q.domain)] ??= { correct: 0, total: 0 });
    row.total++;
    if (right) {
      row.correct++;
      correct++;
    }
  }
  const total = questions.length;
  const scaled = scaledEstimate(correct, total);
  return { correct, total, scaled, passed: passes(scaled), byDomain };
}

/** Milliseconds an exam took: from its start to its submission, at most to its deadline. */
export function timeUsedMs(e: {
  startedAt: string;
  deadline: string;
  finishedAt: string | null;
}): number {
  const end = Math.min(Date.parse(e.finishedAt ?? e.deadline), Date.parse(e.deadline));
  return Math.max(0, end - Date.parse(e.startedAt));
}

/** How many of an exam's questions have a complete saved answer (a deleted question has none). */
export function answeredCount(
  e: { questionIds: readonly string[]; responses: Readonly<Record<string, Response | undefined>> },
  byId: ReadonlyMap<string, Question>,
): number {
  return e.questionIds.filter((id) => {
    const q = byId.get(id);
    return q !== undefined && isAnswered(q, e.responses[id]);
  }).length;
}

/** Milliseconds left before `deadline` at `now` (never negative). */
export function timeLeftMs(deadline: string, now: number): number {
  return Math.max(0, Date.parse(deadline) - now);
}

/** A countdown as h:mm:ss (or m:ss under an hour). */
export function formatClock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(sec)}` : `${m}:${pad(sec)}`;
}
