/** Quick practice's set-up: the filters, how many questions, and Start. */
import type { Question } from '../../../../../shared/questions';
import { IntegerField } from '../../../components/fields';
import { plural } from '../../../lib/format';
import { DomainFilter, TypeFilter } from '../filters';
import { MAX_COUNT, type PracticeFilters } from './use-practice-filters';
import { SelectField } from '../../../components/choice-fields';

const ORIGINS = [
  { value: '', label: 'All origins' },
  { value: 'bank', label: 'Starter bank' },
  { value: 'generated', label: 'Generated with Bedrock' },
];

export function PracticeSetup({
  poolSize,
  filters,
  onStart,
}: {
  /** Every question in the learner's pool (before the filters). */
  poolSize: number;
  filters: PracticeFilters;
  onStart: (pool: readonly Question[], count: number) => void;
}) {
  const { values, set, pool, tasks, missedCount } = filters;
  const size = Math.min(values.count, pool.length);
  return (
    <section className="practice-setup">
      <p className="muted">
        {plural(poolSize, 'question')} in the exam’s five formats (multiple choice, multiple
        response, ordering, matching, and case studies: one scenario, several questions), each
        explained, with why every wrong option is wrong and the note it comes from.
      </p>
      <div className="card">
        <div className="form-grid">
          <DomainFilter value={values.domain} onChange={set.domain} />
          <SelectField
            label="Task statement"
            value={values.task}
            options={[
              { value: '', label: 'All' },
              ...tasks.map((t) => ({ value: t.id, label: `${t.id} ${t.title}` })),
            ]}
            onChange={set.task}
          />
          <TypeFilter value={values.type} onChange={set.type} />
          <SelectField
            label="Origin"
            value={values.origin}
            options={ORIGINS}
            onChange={set.origin}
          />
          <IntegerField
            label="Questions"
            min={1}
            max={MAX_COUNT}
            value={values.count}
            onChange={set.count}
          />
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={values.missedOnly}
            onChange={(e) => set.missedOnly(e.target.checked)}
          />
          Only questions I got wrong last time ({missedCount})
        </label>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={pool.length === 0}
            onClick={() => onStart(pool, values.count)}
          >
            Start {plural(size, 'question')}
          </button>
          <span className="muted small">
            {plural(pool.length, 'question')} {pool.length === 1 ? 'matches' : 'match'}.
          </span>
        </div>
        {pool.length === 0 ? (
          <p className="empty">
            No question matches these filters{values.missedOnly ? ': nothing missed yet' : ''}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
