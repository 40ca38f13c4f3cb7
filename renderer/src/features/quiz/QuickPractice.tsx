/**
 * Quick practice: questions from the learner's pool (starter bank plus generated and imported
 * items), filtered by domain, task statement, type, origin or "missed last time", answered one at
 * a time with the explanation and why each wrong option is wrong. Every answer is recorded.
 *
 * A container: the filters and the session live in hooks (practice/), the set-up, the question
 * and the result are their own parts.
 */
import { useQuestionPool } from '../../db/questions';
import { BANK } from './bank';
import { PracticeFinished } from './practice/PracticeFinished';
import { PracticeQuestion } from './practice/PracticeQuestion';
import { PracticeSetup } from './practice/PracticeSetup';
import { usePracticeFilters } from './practice/use-practice-filters';
import { usePracticeSession } from './practice/use-practice-session';

export function QuickPractice() {
  const all = useQuestionPool(BANK);
  const filters = usePracticeFilters(all);
  const practice = usePracticeSession();
  const { session } = practice;
  if (session) {
    return session.index < session.questions.length ? (
      <PracticeQuestion session={session} practice={practice} />
    ) : (
      <PracticeFinished session={session} onNew={practice.end} />
    );
  }
  return (
    <PracticeSetup
      poolSize={all?.length ?? BANK.length}
      filters={filters}
      onStart={practice.start}
    />
  );
}
