/**
 * The state of My questions' list: the filters (search, show, domain, type), how many rows are
 * shown, and what follows from them and the stored rows and reports.
 */
import { useMemo, useState } from 'react';
import { poolEntries, type PoolEntry } from '../../../db/questions';
import type { QuestionReport, QuestionRow } from '../../../db/schema';
import { BANK } from '../bank';
import { matchesType } from '../filters';

/** Rows shown at first, and added by "Show more". */
export const PAGE = 50;

export interface ListFilters {
  query: string;
  show: string;
  domain: string;
  type: string;
}

function matches(e: PoolEntry, f: ListFilters, reported: ReadonlyMap<string, number>): boolean {
  const q = f.query.trim().toLowerCase();
  return (
    (f.show === 'deleted' ? e.deleted : !e.deleted) &&
    (!f.show ||
      f.show === 'deleted' ||
      (f.show === 'reported' ? reported.has(e.question.id) : e.source === f.show)) &&
    (!f.domain || e.question.domain === Number(f.domain)) &&
    matchesType(e.question, f.type) &&
    (!q ||
      e.question.stem.toLowerCase().includes(q) ||
      e.question.id.includes(q) ||
      e.question.tags.some((t) => t.toLowerCase().includes(q)))
  );
}

export function useQuestionList(
  rows: QuestionRow[] | undefined,
  reports: QuestionReport[] | undefined,
) {
  const [filters, setFilters] = useState<ListFilters>({
    query: '',
    show: '',
    domain: '',
    type: '',
  });
  const [limit, setLimit] = useState(PAGE);
  const entries = useMemo(() => poolEntries(BANK, rows ?? []), [rows]);
  const reportCount = useMemo(() => {
    const m = new Map<string, number>();
    for (const r of reports ?? [])
      if (!r.resolved) m.set(r.questionId, (m.get(r.questionId) ?? 0) + 1);
    return m;
  }, [reports]);
  const stems = useMemo(
    () => new Map(entries.map((e) => [e.question.id, e.question.stem])),
    [entries],
  );
  const liveStems = useMemo(
    () => entries.filter((e) => !e.deleted).map((e) => e.question.stem),
    [entries],
  );
  const shown = entries.filter((e) => matches(e, filters, reportCount));
  const counts = {
    own: entries.filter((e) => e.source === 'own' && !e.deleted).length,
    edited: entries.filter((e) => e.source === 'edited' && !e.deleted).length,
    deleted: entries.filter((e) => e.deleted).length,
  };
  return {
    filters,
    /** Changes one filter; a new search starts again at the first page. */
    setFilter: (patch: Partial<ListFilters>) => {
      setFilters((f) => ({ ...f, ...patch }));
      if (patch.query !== undefined) setLimit(PAGE);
    },
    limit,
    showMore: () => setLimit((l) => l + PAGE),
    entries,
    shown,
    counts,
    reportCount,
    stems,
    liveStems,
  };
}

export type QuestionList = ReturnType<typeof useQuestionList>;
