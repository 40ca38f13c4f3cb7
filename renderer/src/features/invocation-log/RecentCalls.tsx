/** The recent calls card: filters, the table a page at a time, and clearing the log. */
import type { InvocationRecord } from '../../../../shared/invocations';
import { plural } from '../../lib/format';
import { CallFilters } from './CallFilters';
import { CallsTable } from './CallsTable';
import { PAGE } from './log-labels';
import { useCallFilters } from './use-call-filters';

export function RecentCalls({
  records,
  path,
  onClear,
}: {
  records: readonly InvocationRecord[];
  /** Where the log file is kept. */
  path: string;
  onClear: () => void;
}) {
  const { filter, change, models, operations, filtered, shown, showMore } = useCallFilters(records);
  return (
    <section className="card" aria-labelledby="log-recent-h">
      <h2 id="log-recent-h">Recent calls</h2>
      <CallFilters
        filter={filter}
        onChange={change}
        models={models}
        operations={operations}
        matching={filtered.length}
        total={records.length}
      />
      {filtered.length === 0 ? (
        <p className="empty">No calls match these filters.</p>
      ) : (
        <CallsTable records={filtered.slice(0, shown)} />
      )}
      {filtered.length > shown ? (
        <button type="button" onClick={showMore}>
          Show {plural(Math.min(PAGE, filtered.length - shown), 'more call', 'more calls')}
        </button>
      ) : null}
      <div className="actions">
        <button type="button" onClick={onClear}>
          Clear the log
        </button>
        <span className="muted small">
          The log is kept on this computer: <code>{path}</code>
        </span>
      </div>
    </section>
  );
}
