/**
 * Row changes made by schema upgrades (db.ts). Each works on the raw rows of the transaction and
 * leaves rows it does not understand as they are.
 */
import type { Transaction } from 'dexie';

interface RawExam {
  id?: unknown;
  finishedAt?: unknown;
  responses?: unknown;
}
interface RawAttempt {
  mode?: unknown;
  examId?: unknown;
  questionId?: unknown;
}

/**
 * True when a stored exam response holds anything chosen. (lib/mock-exam isAnswered also needs the
 * question, to tell a complete answer from a partial one; an upgrade cannot count on the question
 * still existing, so a partial answer counts as answered here.)
 */
export function storedResponseAnswered(r: unknown): boolean {
  if (typeof r !== 'object' || r === null) return false;
  const x = r as Record<string, unknown>;
  if (x.type === 'single') return typeof x.choice === 'string';
  if (x.type === 'multiple') return Array.isArray(x.choices) && x.choices.length > 0;
  if (x.type === 'ordering') return Array.isArray(x.order) && x.order.length > 0;
  if (x.type === 'matching')
    return typeof x.pairs === 'object' && x.pairs !== null && Object.keys(x.pairs).length > 0;
  return false;
}

/**
 * v9: before v9 a submitted exam wrote a wrong exam attempt for every question left unanswered.
 * Those rows are marked `notAnswered` (and then never read as attempts); every row is kept.
 */
export async function markUnansweredExamRows(tx: Transaction): Promise<void> {
  const answered = new Map<string, Set<string>>();
  await tx
    .table('exams')
    .toCollection()
    .each((exam: RawExam) => {
      if (typeof exam.id !== 'string' || typeof exam.responses !== 'object' || !exam.responses)
        return;
      const ids = Object.entries(exam.responses as Record<string, unknown>)
        .filter(([, r]) => storedResponseAnswered(r))
        .map(([id]) => id);
      answered.set(exam.id, new Set(ids));
    });
  await tx
    .table('attempts')
    .where('mode')
    .equals('exam')
    .modify((row: RawAttempt & { notAnswered?: true }) => {
      if (typeof row.examId !== 'string' || typeof row.questionId !== 'string') return;
      const ids = answered.get(row.examId);
      if (ids && !ids.has(row.questionId)) row.notAnswered = true;
    });
}
