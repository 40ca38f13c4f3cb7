/**
 * Reads and computes Home's dashboard at `now` over `bank` (the starter questions) and `notes`:
 * today's plan (reviews due today as Stats counts them; what is ready now from the same queue and
 * limits as Spaced review), what can be continued (a practice or review session, a mock exam in
 * progress, the note last opened and not yet read), and lib/dashboard's figures. No build-time imports here, so bench/ can time it in Chromium.
 */
import type { Question } from '../../../../shared/questions';
import { cachedAttempts } from '../../db/attempts';
import { allExams } from '../../db/exams';
import { allProgress } from '../../db/note-progress';
import { readStudyPrefs } from '../../db/prefs';
import { cachedQuestionRows, mergePool } from '../../db/questions';
import { allCards, readDueQueue } from '../../db/review';
import { peekSession } from '../../db/sessions';
import { dashboard } from '../../lib/dashboard';
import { reviewsDue, todayPlan } from '../../lib/due-today';
import { interleaveByDomain } from '../../lib/review';
import { localDay, type NoteFacts } from '../../lib/stats';

export type DashboardNote = NoteFacts & { domain: number };

export async function loadDashboard(
  now: Date,
  bank: readonly Question[],
  notes: readonly DashboardNote[],
) {
  const [rows, attempts, exams, progress, prefs, practice, review] = await Promise.all([
    cachedQuestionRows(),
    cachedAttempts(),
    allExams(),
    allProgress(),
    readStudyPrefs(),
    peekSession('practice'),
    peekSession('review'),
  ]);
  const pool = mergePool(bank, rows);
  const [queue, cards] = await Promise.all([
    readDueQueue(interleaveByDomain(pool), now, prefs),
    allCards(),
  ]);
  const poolIds = new Set(pool.map((q) => q.id));
  const readNotes = new Set([...progress.values()].filter((p) => p.read).map((p) => p.noteId));
  const lastOpened = [...progress.values()]
    .filter((p) => p.lastOpenedAt !== null && !p.read)
    .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''))[0];
  const note = lastOpened ? notes.find((n) => n.id === lastOpened.noteId) : undefined;
  return {
    due: todayPlan(reviewsDue(cards, now, localDay, poolIds), queue),
    practice,
    review: review && review.queue.length > 0 ? review : null,
    exam: exams.find((e) => e.finishedAt === null) ?? null,
    note: note ? { id: note.id, title: note.title } : null,
    prefs,
    ...dashboard({
      attempts,
      exams,
      questions: pool,
      notes,
      readNotes,
      examDate: prefs.examDate,
      today: localDay(now),
    }),
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;
