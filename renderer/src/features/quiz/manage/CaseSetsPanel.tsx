/**
 * My questions' case studies of the learner's own (generated or imported): each as a group with
 * its title, a scenario preview and its questions; a stored case that cannot be read is named in
 * a notice and left alone.
 */
import { useMemo } from 'react';
import type { PoolEntry } from '../../../db/questions';
import { plural } from '../../../lib/format';
import { useLearnerCases } from '../learner-cases';
import { CaseGroup } from './CaseGroup';
import type { Notice } from './notice';
import type { QuestionList } from './use-question-list';
import '../case-sets.css';

export function CaseSetsPanel({
  list,
  notify,
}: {
  list: QuestionList;
  notify: (n: Notice) => void;
}) {
  const load = useLearnerCases();
  const entries = list.entries;
  const byCase = useMemo(() => {
    const m = new Map<string, PoolEntry[]>();
    for (const e of entries) {
      const id = e.question.caseId;
      if (id) m.set(id, [...(m.get(id) ?? []), e]);
    }
    return m;
  }, [entries]);
  if (!load || (load.rows.length === 0 && load.skipped.length === 0)) return null;
  const first = load.skipped[0];
  return (
    <section className="card manage-cases" aria-label="Your case studies">
      <h2>Your case studies</h2>
      <p className="small muted">
        {plural(load.rows.filter((r) => !r.deleted).length, 'case study', 'case studies')} of your
        own. Deleting one deletes its questions too (Undo brings both back).
      </p>
      {first ? (
        <p className="status status-warn small" role="status" data-testid="cases-skipped">
          <span>
            {plural(load.skipped.length, 'stored case study', 'stored case studies')} could not be
            read and {load.skipped.length === 1 ? 'is' : 'are'} not shown (first: “{first.id}”,{' '}
            {first.problem}). {load.skipped.length === 1 ? 'It stays' : 'They stay'} on this
            computer; importing a backup that holds {load.skipped.length === 1 ? 'it' : 'them'}{' '}
            replaces {load.skipped.length === 1 ? 'it' : 'them'}.
          </span>
        </p>
      ) : null}
      <ul className="manage-list">
        {load.rows.map((row) => (
          <CaseGroup
            key={row.id}
            row={row}
            entries={byCase.get(row.id) ?? []}
            otherStems={list.liveStems}
            notify={notify}
          />
        ))}
      </ul>
    </section>
  );
}
