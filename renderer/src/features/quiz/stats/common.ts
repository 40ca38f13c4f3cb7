/** What the Stats parts share: the exam's task statements, the notes, and a few short texts. */
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import { CORPUS } from '../../../content/corpus';
import { formatDate, formatPercent, plural } from '../../../lib/format';
import { dayAsLocalDate, type DayKey, type NoteFacts, type Tally } from '../../../lib/stats';

/** Weeks shown in the calendar (about six months). */
export const WEEKS = 26;
/** Days in the review forecast. */
export const FORECAST_DAYS = 30;

export const TASKS = EXAM_GUIDE.domains.flatMap((d) => d.tasks);
export const TASK_TITLE = new Map(TASKS.map((t) => [t.id, t.title]));
export const NOTES: NoteFacts[] = CORPUS.notes.map((n) => ({
  id: n.id,
  title: n.title,
  tasks: n.tasks,
}));

/** A local date key in words, in the learner's locale ("30 Mar 2026"). */
export const dateText = (key: DayKey) => formatDate(dayAsLocalDate(key));
/** A share as a whole percentage, or "–" when there is nothing to divide. */
export const percent = (x: number | null) => (x === null ? '–' : formatPercent(x, 0));

export function tallyText(t: Tally) {
  return `${t.questionsCorrect} of ${plural(t.questions, 'question')} right`;
}
