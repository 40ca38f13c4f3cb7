/**
 * The exam being taken: a question at a time or the review screen, with the clock, the keys
 * (N / P next and previous, F flag, R review screen, Esc back from it or from its confirmation)
 * and the navigator.
 */
import type { Question } from '../../../../../shared/questions';
import type { ExamSession } from '../../../db/schema';
import { isAnswered } from '../../../lib/mock-exam';
import type { Response } from '../../../lib/scoring';
import { useDocumentKeys } from '../use-document-keys';
import { isTypingTarget } from '../use-now';
import { ExamHeader } from './ExamHeader';
import { ExamQuestion } from './ExamQuestion';
import { ExamReviewScreen } from './ExamReviewScreen';
import { Navigator } from './Navigator';
import { useExamNavigation } from './use-exam-navigation';
import { useExamSession } from './use-exam-session';

export function ExamRunner({
  initial,
  byId,
  pool,
  onSubmitted,
}: {
  initial: ExamSession;
  byId: ReadonlyMap<string, Question>;
  pool: readonly Question[];
  onSubmitted: (s: ExamSession, notice: string | null) => void;
}) {
  const { session, error, update, submit } = useExamSession(initial, pool, onSubmitted);
  const nav = useExamNavigation(initial);
  const { index, reviewing } = nav;
  const total = session.questionIds.length;
  const id = session.questionIds[index]!;
  const isFlagged = session.flagged.includes(id);
  const answered = (qid: string) => {
    const question = byId.get(qid);
    return question !== undefined && isAnswered(question, session.responses[qid]);
  };
  const toggleFlag = () =>
    update({
      ...session,
      flagged: isFlagged ? session.flagged.filter((x) => x !== id) : [...session.flagged, id],
    });
  const setResponse = (r: Response) =>
    update({ ...session, responses: { ...session.responses, [id]: r } });

  // Keys (outside text fields and selects): N next, P previous, F flag, R review screen.
  useDocumentKeys((e) => {
    if (isTypingTarget(e)) return;
    const k = e.key.toLowerCase();
    // Esc closes the submit confirmation first (focus returns to Submit exam…), then leaves review.
    if (e.key === 'Escape' && reviewing) {
      e.preventDefault();
      if (nav.confirming) nav.setConfirming(false);
      else nav.go(index);
      return;
    }
    if (reviewing) return;
    if (k === 'n') nav.go(index + 1);
    else if (k === 'p') nav.go(index - 1);
    else if (k === 'f') toggleFlag();
    else if (k === 'r') nav.review();
    else return;
    e.preventDefault();
  });

  const header = (
    <ExamHeader
      headingRef={nav.refs.heading}
      title={reviewing ? 'Review your answers' : `Question ${index + 1} of ${total}`}
      deadline={session.deadline}
    />
  );
  const navigator = (
    <Navigator session={session} current={index} answered={answered} onGo={nav.go} />
  );

  if (reviewing) {
    return (
      <ExamReviewScreen
        header={header}
        session={session}
        index={index}
        answered={answered}
        error={error}
        confirming={nav.confirming}
        confirmRef={nav.refs.confirmButton}
        submitRef={nav.refs.submitButton}
        onConfirm={nav.setConfirming}
        onSubmit={() => submit(false)}
        onGo={nav.go}
        navigator={navigator}
      />
    );
  }
  return (
    <section className="exam">
      {header}
      <ExamQuestion
        cardRef={nav.refs.card}
        q={byId.get(id)}
        response={session.responses[id]}
        onResponse={setResponse}
        index={index}
        total={total}
        flagged={isFlagged}
        error={error}
        onGo={nav.go}
        onFlag={toggleFlag}
        onReview={nav.review}
      />
      <div className="card">
        <h3 className="exam-grid-title">Questions</h3>
        {navigator}
      </div>
    </section>
  );
}
