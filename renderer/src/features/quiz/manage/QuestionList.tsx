/** My questions' list card: the filters, the count, the matching questions and "Show more". */
import { SearchField, SelectField } from '../../../components/choice-fields';
import { plural } from '../../../lib/format';
import { DomainFilter, TypeFilter } from '../filters';
import { EntryRow } from './EntryRow';
import type { Notice } from './notice';
import { PAGE, type QuestionList as List } from './use-question-list';

const SHOW = [
  { value: '', label: 'All questions' },
  { value: 'bank', label: 'Starter bank (unchanged)' },
  { value: 'edited', label: 'Edited by me' },
  { value: 'own', label: 'Generated or imported' },
  { value: 'reported', label: 'Reported' },
  { value: 'deleted', label: 'Deleted' },
];

export function QuestionList({
  list,
  loading,
  notify,
}: {
  list: List;
  loading: boolean;
  notify: (n: Notice) => void;
}) {
  const { filters, setFilter, shown, limit } = list;
  return (
    <section className="card" aria-label="Questions">
      <div className="form-grid">
        <SearchField
          label="Search"
          value={filters.query}
          placeholder="Words of the question, id or tag"
          onChange={(query) => setFilter({ query })}
        />
        <SelectField
          label="Show"
          value={filters.show}
          options={SHOW}
          onChange={(show) => setFilter({ show })}
        />
        <DomainFilter value={filters.domain} onChange={(domain) => setFilter({ domain })} />
        <TypeFilter value={filters.type} onChange={(type) => setFilter({ type })} />
      </div>
      <p className="muted small" data-testid="manage-count">
        {loading
          ? 'Loading…'
          : `${plural(shown.length, 'question')} ${shown.length === 1 ? 'matches' : 'match'}.`}
      </p>
      {!loading && shown.length === 0 ? (
        <p className="empty">
          {filters.show === 'deleted'
            ? 'Nothing deleted.'
            : filters.show === 'own'
              ? 'No questions of your own yet: generate some with Bedrock or import a backup.'
              : 'No question matches these filters.'}
        </p>
      ) : null}
      <ul className="manage-list">
        {shown.slice(0, limit).map((e) => (
          <EntryRow
            key={e.question.id}
            entry={e}
            reports={list.reportCount.get(e.question.id) ?? 0}
            otherStems={list.liveStems.filter((s) => s !== e.question.stem)}
            notify={notify}
          />
        ))}
      </ul>
      {shown.length > limit ? (
        <div className="actions">
          <button type="button" onClick={list.showMore}>
            Show {Math.min(PAGE, shown.length - limit)} more
          </button>
          <span className="muted small">
            Showing {limit} of {plural(shown.length, 'question')}.
          </span>
        </div>
      ) : null}
    </section>
  );
}
