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
import { matchesType } from '../filters';
import { takePracticeIntent } from '../practice-intent';

/** The most questions one practice asks. */
export const MAX_COUNT = 100;

export interface FilterValues {
  /** A domain number as text; '' is all domains (and likewise for the others). */
  domain: string;
  task: string;
  type: string;
  origin: string;
  missedOnly: boolean;
  /** How many questions to ask (at most the ones that match). */
  count: number;
}

function initialValues(): FilterValues {
  const intent = takePracticeIntent();
  return {
    domain: intent?.domain ? String(intent.domain) : '',
    task: intent?.task ?? '',
    type: '',
    origin: '',
    missedOnly: false,
    count: 10,
  };
}

export function usePracticeFilters(all: readonly Question[] | undefined) {
  const attempts = useLiveQuery(allAttempts, []);
  const [values, setValues] = useState(initialValues);
  const missed = useMemo(() => missedIds(attempts ?? []), [attempts]);
  const { domain, task, type, origin, missedOnly } = values;
  const pool = (all ?? []).filter(
    (q) =>
      (!domain || q.domain === Number(domain)) &&
      (!task || q.task === task) &&
      matchesType(q, type) &&
      (!origin || q.origin.kind === origin) &&
      (!missedOnly || missed.has(q.id)),
  );
  const tasks = EXAM_GUIDE.domains.flatMap((d) =>
    domain && d.id !== Number(domain) ? [] : d.tasks,
  );
  const set =
    <K extends keyof FilterValues>(key: K) =>
    (value: FilterValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));
  return {
    values,
    set: {
      /** A new domain clears the task statement (it belonged to the old one). */
      domain: (d: string) => setValues((v) => ({ ...v, domain: d, task: '' })),
      task: set('task'),
      type: set('type'),
      origin: set('origin'),
      missedOnly: set('missedOnly'),
      count: set('count'),
    },
    pool,
    tasks,
    missedCount: missed.size,
  };
}

export type PracticeFilters = ReturnType<typeof usePracticeFilters>;
