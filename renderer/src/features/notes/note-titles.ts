import { EXAM_GUIDE } from '../../../../shared/exam-guide';

/** A task statement's title by its id ("1.1"). */
export const taskTitle = new Map(
  EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])),
);
/** A domain's title by its number. */
export const domainTitle = new Map(EXAM_GUIDE.domains.map((d) => [d.id, d.title]));
