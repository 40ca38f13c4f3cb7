/** The words beside an option once an answer is checked: "Your answer", "Correct answer". */
export function AnswerTags({ yours, correct }: { yours: boolean; correct: boolean }) {
  if (!yours && !correct) return null;
  return (
    <span className="answer-tags">
      {yours ? (
        <span className={correct ? 'answer-tag tag-yours-right' : 'answer-tag tag-yours-wrong'}>
          <span aria-hidden="true">{correct ? '✓ ' : '✗ '}</span>Your answer
        </span>
      ) : null}
      {correct ? (
        <span className="answer-tag tag-correct">
          {yours ? null : <span aria-hidden="true">✓ </span>}Correct answer
        </span>
      ) : null}
    </span>
  );
}

/** The row's class: its state once checked, or whether it is chosen before that. */
export function rowClass(checked: boolean, yours: boolean, correct: boolean): string {
  if (!checked) return yours ? 'chosen' : '';
  if (correct) return yours ? 'right yours' : 'right';
  return yours ? 'wrong yours' : '';
}
