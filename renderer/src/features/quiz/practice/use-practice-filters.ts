/**
 * Quick practice's filters (domain, task statement, type, origin, missed last time) and how many
 * questions to ask, with the questions they select. A filter handed over by another view (Stats'
 * "practise task 3.2") is taken once, when the view mounts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import type { Question } from '../../../../../shared/questions';
import { allAttempts, missedIds } from '../../../db/attempts';
import { takePracticeIntent } from '../practice-intent';

/** The most questions one practice asks. */
export const MAX_COUNT = 100;

export function usePracticeFilters(all: readonly Question[] | undefined) {
  const attempts = useLiveQuery(allAttempts, []);
  const [intent] = useState(takePracticeIntent);
  const [domain, setDomainOnly] = useState(intent?.domain ? String(intent.domain) : '');
  const [task, setTask] = useState(intent?.task ?? '');
  const [type, setType] = useState('');
  const [origin, setOrigin] = useState('');
  const [missedOnly, setMissedOnly] = useState(false);
  const [count, setCount] = useState(10);
  const missed = useMemo(() => missedIds(attempts ?? []), [attempts]);
  const pool = (all ?? []).filter(
    (q) =>
      (!domain || q.domain === Number(domain)) &&
      (!task || q.task === task) &&
      (!type || q.type === type) &&
      (!origin || q.origin.kind === origin) &&
      (!missedOnly || missed.has(q.id)),
  );
  const tasks = EXAM_GUIDE.domains.flatMap((d) =>
    domain && d.id !== Number(domain) ? [] : d.tasks,
  );
  return {
    values: { domain, task, type, origin, missedOnly, count },
    set: {
      /** A new domain clears the task statement (it belonged to the old one). */
      domain: (d: string) => {
        setDomainOnly(d);
        setTask('');
      },
      task: setTask,
      type: setType,
      origin: setOrigin,
      missedOnly: setMissedOnly,
      count: setCount,
    },
    pool,
    tasks,
    missedCount: missed.size,
  };
}

export type PracticeFilters = ReturnType<typeof usePracticeFilters>;
