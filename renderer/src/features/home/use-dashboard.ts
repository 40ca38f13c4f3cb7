/**
 * Everything Home's dashboard shows, read live from IndexedDB: today's due reviews (the same queue
 * and limits as Spaced review), what can be continued (a practice or review session, a mock exam
 * in progress, the note last opened and not yet read), and the dashboard figures of
 * lib/dashboard. Undefined while loading.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { allAttempts } from '../../db/attempts';
import { allExams } from '../../db/exams';
import { allProgress } from '../../db/note-progress';
import { readStudyPrefs } from '../../db/prefs';
import { mergePool, questionRows } from '../../db/questions';
import { readDueQueue } from '../../db/review';
import { peekSession } from '../../db/sessions';
import { CORPUS } from '../../content/corpus';
import { dashboard } from '../../lib/dashboard';
import { interleaveByDomain } from '../../lib/review';
import { localDay } from '../../lib/stats';
import { BANK } from '../quiz/bank';
import { useNow } from '../quiz/use-now';

const NOTES = CORPUS.notes.map((n) => ({
  id: n.id,
  title: n.title,
  tasks: n.tasks,
  domain: n.domain,
}));

/** Reads and computes the dashboard at `now` (also what the bench times). */
export async function loadDashboard(now: Date) {
  const [rows, attempts, exams, progress, prefs, practice, review] = await Promise.all([
    questionRows(),
    allAttempts(),
    allExams(),
    allProgress(),
    readStudyPrefs(),
    peekSession('practice'),
    peekSession('review'),
  ]);
  const pool = mergePool(BANK, rows);
  const queue = await readDueQueue(interleaveByDomain(pool), now, prefs);
  const readNotes = new Set([...progress.values()].filter((p) => p.read).map((p) => p.noteId));
  const lastOpened = [...progress.values()]
    .filter((p) => p.lastOpenedAt !== null && !p.read)
    .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''))[0];
  const note = lastOpened ? CORPUS.noteById.get(lastOpened.noteId) : undefined;
  return {
    due: {
      total: queue.length,
      learning: queue.filter((i) => i.kind === 'learning').length,
      review: queue.filter((i) => i.kind === 'review').length,
      new: queue.filter((i) => i.kind === 'new').length,
    },
    practice,
    review: review && review.queue.length > 0 ? review : null,
    exam: exams.find((e) => e.finishedAt === null) ?? null,
    note: note ? { id: note.id, title: note.title } : null,
    prefs,
    ...dashboard({
      attempts,
      exams,
      questions: pool,
      notes: NOTES,
      readNotes,
      examDate: prefs.examDate,
      today: localDay(now),
    }),
  };
}

export type DashboardData = Awaited<ReturnType<typeof loadDashboard>>;

export function useDashboard(): DashboardData | undefined {
  const now = useNow(60_000);
  return useLiveQuery(() => loadDashboard(new Date(now)), [now]);
}
