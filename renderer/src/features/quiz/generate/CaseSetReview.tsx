/**
 * Generated case-study sets waiting for review: the scenario, each question with its
 * needs-the-scenario check, the decisions on flagged questions, Save (as one of the learner's
 * case studies) and Discard with Undo.
 */
import { useState } from 'react';
import { QuestionRejected } from '../../../db/questions';
import { plural } from '../../../lib/format';
import { messageOf } from '../generation-store';
import { CaseSetQuestion } from './CaseSetQuestion';
import {
  decide,
  discardCase,
  saveCase,
  saveProblems,
  useCaseSets,
  useCaseSetsNotice,
  type PendingCase,
} from './case-sets';
import '../case-sets.css';

interface Status {
  text: string;
  undo?: () => void;
  error?: boolean;
}

export function CaseSetReview() {
  const sets = useCaseSets();
  const [status, setStatus] = useState<Status | null>(null);
  const notice = useCaseSetsNotice();
  if (sets.length === 0 && !status && !notice) return null;
  const save = async (p: PendingCase) => {
    try {
      const n = await saveCase(p.set.id);
      setStatus({
        text: `Case study “${p.set.title}” saved with ${plural(n, 'question')}. Find it in My questions; practise it in Quick practice (type “Case study”).`,
      });
    } catch (error) {
      const why = error instanceof QuestionRejected ? error.problems.join(' ') : messageOf(error);
      setStatus({ text: `The case study was not saved: ${why}`, error: true });
    }
  };
  return (
    <section className="card gen-cases" aria-label="Case study sets to review">
      <h2>Case study sets to review</h2>
      <p className="small muted">
        Kept until you save or discard them, also across a reload or restart.
      </p>
      {notice ? (
        <p role="status" className="status status-error small">
          {notice}
        </p>
      ) : null}
      {status ? (
        <p
          role="status"
          className={status.error ? 'status status-error small' : 'status status-idle small'}
          data-testid="gen-case-status"
        >
          <span>
            {status.text}{' '}
            {status.undo ? (
              <button
                type="button"
                className="link"
                onClick={() => {
                  status.undo?.();
                  setStatus({ text: 'The set is back.' });
                }}
              >
                Undo
              </button>
            ) : null}
          </span>
        </p>
      ) : null}
      {sets.map((p) => (
        <CaseSet
          key={p.set.id}
          p={p}
          onSave={() => void save(p)}
          onDiscard={() =>
            setStatus({
              text: `Discarded the case study “${p.set.title}”.`,
              undo: discardCase(p.set.id),
            })
          }
        />
      ))}
    </section>
  );
}

function CaseSet({
  p,
  onSave,
  onDiscard,
}: {
  p: PendingCase;
  onSave: () => void;
  onDiscard: () => void;
}) {
  const problems = saveProblems(p);
  return (
    <article className="gen-case" aria-label={`Case study: ${p.set.title}`} data-testid="gen-case">
      <p className="case-kicker">Case study · Task {p.set.task}</p>
      <h3>{p.set.title}</h3>
      <div className="gen-case-scenario" data-testid="gen-case-scenario">
        {p.set.scenario.split(/\n{2,}/).map((para, i) => (
          <p key={i}>{para}</p>
        ))}
      </div>
      <ol className="gen-items">
        {p.set.items.map((item, i) => (
          <CaseSetQuestion
            key={item.question.id}
            item={item}
            position={i + 1}
            decision={p.decisions[item.question.id] ?? 'accepted'}
            onDecide={(d) => decide(p.set.id, item.question.id, d)}
          />
        ))}
      </ol>
      {problems.length > 0 ? <p className="small muted">{problems.join(' ')}</p> : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          aria-label={`Save case study “${p.set.title}”`}
          disabled={problems.length > 0}
          onClick={onSave}
        >
          Save case study
        </button>
        <button
          type="button"
          className="link"
          aria-label={`Discard set “${p.set.title}”`}
          onClick={onDiscard}
        >
          Discard set
        </button>
      </div>
    </article>
  );
}
