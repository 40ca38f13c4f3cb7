/** Failed calls by error code over the period; stopped calls are counted apart. */
import { errorTitle } from '../../components/ConnectionStatus';
import { formatCount, plural } from '../../lib/format';

export function LogErrors({
  errors,
  cancelled,
}: {
  errors: readonly { code: string; count: number }[];
  cancelled: number;
}) {
  return (
    <section className="card" aria-labelledby="log-errors-h">
      <h2 id="log-errors-h">Errors by type</h2>
      {errors.length === 0 ? (
        <p className="empty">No errors in this period.</p>
      ) : (
        <ul className="error-counts" data-testid="log-errors">
          {errors.map((e) => (
            <li key={e.code}>
              <span>
                <code>{e.code}</code> <span className="muted">{errorTitle(e.code)}</span>
              </span>
              <strong>{formatCount(e.count)}</strong>
            </li>
          ))}
        </ul>
      )}
      {cancelled > 0 ? (
        <p className="muted small">
          {plural(cancelled, 'call was', 'calls were')} stopped by you; stopped calls are not
          counted as errors.
        </p>
      ) : null}
    </section>
  );
}
