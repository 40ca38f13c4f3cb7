/** What the checks say about the draft: passes, or the problems to fix; a similar question; a save error. */
import { plural } from '../../../lib/format';
import type { QuestionDraft } from './use-question-draft';

export function EditorChecks({ d, problemsId }: { d: QuestionDraft; problemsId: string }) {
  const { check, duplicate, saveError } = d;
  return (
    <>
      {check.ok ? (
        <p className="status status-ok small" id={problemsId}>
          Passes every check.
        </p>
      ) : (
        <div className="status status-error small" id={problemsId} data-testid="editor-problems">
          <div>
            <strong>{plural(check.problems.length, 'problem')} to fix before saving</strong>
            <ul>
              {check.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {duplicate ? (
        <p className="status status-warn small">
          <span>
            <strong>Similar question: </strong>“{duplicate.stem}” (
            {Math.round(duplicate.similarity * 100)}% of word triples shared).
          </span>
        </p>
      ) : null}
      {saveError ? (
        <p className="status status-error small" role="alert">
          {saveError}
        </p>
      ) : null}
    </>
  );
}
