/** One exam question with no feedback, and the buttons to move, flag and go to the review. */
import type { RefObject } from 'react';
import type { Question } from '../../../../../shared/questions';
import { KeysHelpButton } from '../../../components/KeysHelp';
import { useScreenKeys } from '../../../components/keys-help-store';
import { emptyResponse, type Response } from '../../../lib/scoring';
import { pickByKey, type OptionKeys } from '../question/answer-keys';
import { CaseLayout } from '../CaseLayout';
import { QuestionView } from '../QuestionView';
import { useDocumentKeys } from '../use-document-keys';

/** F is the exam's flag key, so option F is picked with its digit (6). */
const EXAM_OPTION_KEYS: OptionKeys = { letters: 'abcdeg', digits: true };

const EXAM_QUESTION_KEYS = {
  title: 'Mock exam question',
  keys: [
    { keys: 'A–E, G or 1–7', does: 'Choose an option (F is the flag key: use 6 for option F)' },
    { keys: 'Space', does: 'Choose the focused option, or move the focused ordering step' },
  ],
};

export function ExamQuestion({
  cardRef,
  q,
  response,
  onResponse,
  index,
  total,
  flagged,
  error,
  onGo,
  onFlag,
  onReview,
}: {
  cardRef: RefObject<HTMLDivElement | null>;
  /** Undefined when the question was deleted from the pool after the exam started. */
  q: Question | undefined;
  response: Response | undefined;
  onResponse: (r: Response) => void;
  index: number;
  total: number;
  flagged: boolean;
  error: string | null;
  onGo: (i: number) => void;
  onFlag: () => void;
  onReview: () => void;
}) {
  useScreenKeys(EXAM_QUESTION_KEYS);
  useDocumentKeys((e) => {
    if (q) pickByKey(e, q, response ?? emptyResponse(q), onResponse, EXAM_OPTION_KEYS);
  });
  return (
    <div className="card" ref={cardRef}>
      {q ? (
        <>
          <CaseLayout caseId={q.caseId}>
            <QuestionView
              key={q.id}
              q={q}
              response={response ?? emptyResponse(q)}
              onChange={onResponse}
              checked={false}
            />
          </CaseLayout>
          {q.type === 'ordering' && response === undefined ? (
            <p className="muted small">
              Move the steps into order. An order you have not touched is not counted as an answer:{' '}
              <button type="button" className="link" onClick={() => onResponse(emptyResponse(q))}>
                keep this order as my answer
              </button>
            </p>
          ) : null}
        </>
      ) : (
        <p className="status status-warn">
          This question was deleted from your pool after the exam started; it will not be scored.
        </p>
      )}
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions exam-actions">
        <button type="button" disabled={index === 0} onClick={() => onGo(index - 1)}>
          ← Previous
        </button>
        <button
          type="button"
          aria-pressed={flagged}
          className={flagged ? 'toggled' : ''}
          onClick={onFlag}
        >
          {flagged ? '⚑ Flagged' : '⚐ Flag for review'}
        </button>
        {index + 1 < total ? (
          <button type="button" className="primary" onClick={() => onGo(index + 1)}>
            Next →
          </button>
        ) : (
          <button type="button" className="primary" onClick={onReview}>
            Review answers
          </button>
        )}
        <button type="button" className="link" onClick={onReview}>
          Review and submit
        </button>
      </div>
      <p className="muted small exam-keys">
        Keys: <kbd>A</kbd>–<kbd>E</kbd> or <kbd>1</kbd>–<kbd>7</kbd> choose, <kbd>N</kbd> next,{' '}
        <kbd>P</kbd> previous, <kbd>F</kbd> flag, <kbd>R</kbd> review screen (not while a drop-down
        list has the focus); arrow keys move in the grid below. <KeysHelpButton />
      </p>
    </div>
  );
}
