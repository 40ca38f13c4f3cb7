/**
 * Mock-exam sessions in IndexedDB. A session is saved as it goes (every answer and flag), so a
 * reload resumes it with the same deadline; submitting writes the result and one exam attempt per
 * question in one transaction. Rows are validated on the way out: a bad row is skipped, not
 * deleted.
 */
import type { Question } from '../../../shared/questions';
import { getDb } from './db';
import { Attempt, ExamSession } from './schema';
import { EXAM_MINUTES, isAnswered, scoreExam, type DomainWeight } from '../lib/mock-exam';
import { isCorrect } from '../lib/scoring';

function valid(rows: readonly unknown[]): ExamSession[] {
  return rows.flatMap((row) => {
    const parsed = ExamSession.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Every exam, newest first. */
export async function allExams(): Promise<ExamSession[]> {
  return valid(await getDb().exams.orderBy('startedAt').reverse().toArray());
}

/** The exam in progress (not submitted), if any: the newest one. */
export async function unfinishedExam(): Promise<ExamSession | null> {
  return (await allExams()).find((e) => e.finishedAt === null) ?? null;
}

/** Starts an exam on `questionIds` at `now`, with a deadline `minutes` later. */
export async function startExam(
  questionIds: readonly string[],
  now: Date,
  minutes = EXAM_MINUTES,
): Promise<ExamSession> {
  const session = ExamSession.parse({
    id: crypto.randomUUID(),
    startedAt: now.toISOString(),
    deadline: new Date(now.getTime() + minutes * 60_000).toISOString(),
    finishedAt: null,
    questionIds: [...questionIds],
    responses: {},
    flagged: [],
    result: null,
  } satisfies ExamSession);
  await getDb().exams.put(session);
  return session;
}

/** Saves answers and flags of an unfinished exam (a submitted exam is never changed). */
export async function saveProgress(session: ExamSession): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.exams, async () => {
    const stored = ExamSession.safeParse(await db.exams.get(session.id));
    if (stored.success && stored.data.finishedAt !== null) return;
    await db.exams.put(ExamSession.parse({ ...session, finishedAt: null, result: null }));
  });
}

/**
 * Discards an unfinished exam: its row is deleted (nothing was recorded for it yet) and returned,
 * so the caller can offer Undo. A submitted exam is never discarded: returns null.
 */
export async function discardExam(id: string): Promise<ExamSession | null> {
  const db = getDb();
  return db.transaction('rw', db.exams, async () => {
    const stored = ExamSession.safeParse(await db.exams.get(id));
    if (!stored.success || stored.data.finishedAt !== null) return null;
    await db.exams.delete(id);
    return stored.data;
  });
}

/**
 * Undoes `discardExam`: puts the exam back as it was (its deadline kept running meanwhile). Refused
 * (false) when another exam has been started since, so there is never more than one in progress.
 */
export async function restoreDiscardedExam(session: ExamSession): Promise<boolean> {
  const db = getDb();
  return db.transaction('rw', db.exams, async () => {
    const others = valid(await db.exams.toArray());
    if (others.some((e) => e.finishedAt === null && e.id !== session.id)) return false;
    await db.exams.put(ExamSession.parse(session));
    return true;
  });
}

/**
 * Submits an exam at `now`: scores it against `questions` (those of the exam still in the pool),
 * stores the result, and records one attempt (mode 'exam') per ANSWERED question. A question left
 * unanswered scores as wrong in the exam's own result but is not an attempt: the learner never
 * answered it, so Stats and practice filters must not count it. Submitting twice changes nothing.
 */
export async function submitExam(
  session: ExamSession,
  questions: readonly Question[],
  domains: readonly DomainWeight[],
  now: Date,
): Promise<ExamSession> {
  const db = getDb();
  return db.transaction('rw', db.exams, db.attempts, async () => {
    const stored = ExamSession.safeParse(await db.exams.get(session.id));
    if (stored.success && stored.data.finishedAt !== null) return stored.data;
    const byId = new Map(questions.map((q) => [q.id, q]));
    const inExam = session.questionIds.flatMap((id) => {
      const q = byId.get(id);
      return q ? [q] : [];
    });
    const finishedAt = now.toISOString();
    const done = ExamSession.parse({
      ...session,
      finishedAt,
      result: inExam.length > 0 ? scoreExam(inExam, session.responses, domains) : null,
    } satisfies ExamSession);
    const attempts = inExam.flatMap((q) => {
      const r = session.responses[q.id];
      if (r === undefined || !isAnswered(q, r)) return [];
      return [
        Attempt.parse({
          id: crypto.randomUUID(),
          questionId: q.id,
          at: finishedAt,
          correct: isCorrect(q, r),
          mode: 'exam',
          examId: session.id,
          response: r,
        } satisfies Attempt),
      ];
    });
    await db.exams.put(done);
    await db.attempts.bulkPut(attempts);
    return done;
  });
}
