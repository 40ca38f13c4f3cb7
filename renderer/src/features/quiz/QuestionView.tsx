/**
 * One practice question of any type, with controls for the answer and, once checked, feedback:
 * each option labelled "Your answer" / "Correct answer" in words (not colour alone), why each
 * wrong option is wrong, ordering and matching answers beside the correct ones, then the
 * explanation and its source. The verdict itself is the screen's (above this, at the top).
 */
import { Link } from 'wouter';
import type { Question } from '../../../../shared/questions';
import { emptyResponse, type Response } from '../../lib/scoring';
import { ChoiceList } from './question/ChoiceList';
import { MatchingFeedback, MatchingList } from './question/MatchingList';
import { OrderingFeedback, OrderingList } from './question/OrderingList';

export function QuestionView({
  q,
  response,
  onChange,
  checked,
  keyOnly = false,
}: {
  q: Question;
  response: Response;
  onChange: (r: Response) => void;
  checked: boolean;
  /** A preview of the answer key (Generate, My questions): no "Your answer", only the key. */
  keyOnly?: boolean;
}) {
  return (
    <fieldset className="question quiz-question" disabled={checked}>
      <legend className="stem">{q.stem}</legend>
      {q.type === 'single' || q.type === 'multiple' ? (
        <ChoiceList
          q={q}
          response={keyOnly ? emptyResponse(q) : response}
          onChange={onChange}
          checked={checked}
        />
      ) : null}
      {q.type === 'ordering' && response.type === 'ordering' ? (
        checked ? (
          <OrderingFeedback q={q} order={keyOnly ? null : response.order} />
        ) : (
          <OrderingList q={q} order={response.order} onChange={onChange} />
        )
      ) : null}
      {q.type === 'matching' && response.type === 'matching' ? (
        checked ? (
          <MatchingFeedback q={q} pairs={keyOnly ? null : response.pairs} />
        ) : (
          <MatchingList q={q} pairs={response.pairs} onChange={onChange} />
        )
      ) : null}
      {checked ? (
        <div className="explanation">
          <h3 className="explanation-title">Why</h3>
          <p>{q.explanation}</p>
          <blockquote className="small">
            “{q.sourcePassage}” <Link href={`/notes/${q.sourceNoteId}`}>Read the note</Link>
          </blockquote>
        </div>
      ) : null}
    </fieldset>
  );
}
