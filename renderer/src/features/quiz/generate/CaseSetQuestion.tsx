/** One question of a generated case set: its facts, the needs-the-scenario check and the decision. */
import { useState } from 'react';
import type { CaseSetItem } from '../../../../../shared/question-generation';
import { AnswerPreview } from '../AnswerPreview';
import { TYPE_LABEL } from '../filters';
import type { Decision } from './case-sets';

export function CaseSetQuestion({
  item,
  position,
  decision,
  onDecide,
}: {
  item: CaseSetItem;
  position: number;
  decision: Decision;
  onDecide: (d: Decision) => void;
}) {
  const [preview, setPreview] = useState(false);
  const q = item.question;
  const flagged = item.scenarioCheck?.needsScenario === false;
  return (
    <li className="gen-item" data-testid="gen-case-question">
      <p className="gen-stem">
        <span className="muted">Question {position}. </span>
        {q.stem}
      </p>
      <p className="muted small">
        {TYPE_LABEL[q.type]} · {q.difficulty} · Task {q.task}
        {decision === 'rejected' ? ' · rejected: not saved with the set' : ''}
        {flagged && decision === 'accepted' ? ' · accepted anyway' : ''}
      </p>
      <ScenarioCheckNote item={item} />
      {item.blindCheck ? (
        <p className="small muted">
          {item.blindCheck.agrees
            ? 'Blind check (with the scenario) agrees with the answer key.'
            : `Blind check (with the scenario) disagrees: the model chose ${item.blindCheck.chosen.map((c) => c.toUpperCase()).join(', ') || 'nothing'}. Check the answer.`}
        </p>
      ) : item.blindCheckProblem ? (
        <p className="small muted">{item.blindCheckProblem}</p>
      ) : null}
      {preview ? <AnswerPreview q={q} /> : null}
      <div className="actions">
        <button
          type="button"
          aria-label={`${preview ? 'Hide answer' : 'Preview with answer'} (question ${position})`}
          onClick={() => setPreview(!preview)}
        >
          {preview ? 'Hide answer' : 'Preview with answer'}
        </button>
        {flagged ? (
          <>
            <button
              type="button"
              aria-pressed={decision === 'accepted'}
              aria-label={`Accept anyway (question ${position})`}
              onClick={() => onDecide('accepted')}
            >
              Accept anyway
            </button>
            <button
              type="button"
              aria-pressed={decision === 'rejected'}
              aria-label={`Reject (question ${position})`}
              onClick={() => onDecide('rejected')}
            >
              Reject
            </button>
          </>
        ) : null}
      </div>
    </li>
  );
}

function ScenarioCheckNote({ item }: { item: CaseSetItem }) {
  const check = item.scenarioCheck;
  if (check && !check.needsScenario) {
    return (
      <p className="status status-warn small" data-testid="scenario-flag">
        <span>
          <strong>Does not need the scenario: </strong>asked without it, the model still chose the
          right answer ({check.chosen.map((c) => c.toUpperCase()).join(', ')}). On the exam every
          question of a case study depends on its scenario. Accept it anyway or reject it.
        </span>
      </p>
    );
  }
  if (check)
    return (
      <p className="small muted">
        Needs the scenario: asked without it, the model chose{' '}
        {check.chosen.map((c) => c.toUpperCase()).join(', ') || 'nothing'}, not the answer.
      </p>
    );
  return item.scenarioCheckProblem ? (
    <p className="small muted">{item.scenarioCheckProblem}</p>
  ) : null;
}
