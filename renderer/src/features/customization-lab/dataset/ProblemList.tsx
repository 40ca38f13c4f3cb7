/** Every problem with its line number and field, each with a button that opens the line to fix it. */
import type { DatasetProblem, DatasetReport } from '../../../../../shared/customization';
import { formatCount, plural } from '../../../lib/format';
import { editLine } from './dataset-store';

/** Problems listed at most (a broken 50 MB file can have one on every line). */
const SHOWN = 100;

function Item({ problem }: { problem: DatasetProblem }) {
  const where = problem.line === null ? 'File' : `Line ${problem.line}`;
  return (
    <li>
      <span className="cl-where">{where}</span>
      {problem.path ? <code className="cl-path">{problem.path}</code> : null}
      <span className="cl-message">{problem.message}</span>
      {problem.line !== null ? (
        <button type="button" className="link" onClick={() => editLine(problem.line)}>
          Fix line {problem.line}
        </button>
      ) : null}
    </li>
  );
}

export function ProblemList({ report }: { report: DatasetReport }) {
  const { problems, warnings } = report;
  if (problems.length === 0 && warnings.length === 0) return null;
  return (
    <section className="card cl-problems" aria-labelledby="cl-problems-h">
      <h2 id="cl-problems-h">{plural(problems.length, 'problem')}</h2>
      {problems.length > 0 ? (
        <ul className="cl-problem-list" aria-label="Problems">
          {problems.slice(0, SHOWN).map((p, i) => (
            <Item key={`${p.line}-${p.path}-${i}`} problem={p} />
          ))}
        </ul>
      ) : null}
      {problems.length > SHOWN ? (
        <p className="hint">
          The first {SHOWN} are listed; {formatCount(problems.length - SHOWN)} more follow the same
          way. Fix the file where it was made and import it again.
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <details>
          <summary>{plural(warnings.length, 'warning')} (the export leaves these keys out)</summary>
          <ul className="cl-problem-list">
            {warnings.slice(0, SHOWN).map((p, i) => (
              <Item key={`${p.line}-${p.path}-${i}`} problem={p} />
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
