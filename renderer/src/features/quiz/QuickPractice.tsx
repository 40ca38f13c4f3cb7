/**
 * Quick practice: questions from the learner's pool (starter bank plus generated and imported
 * items), filtered by domain, task statement, type, origin or "missed last time", answered one at
 * a time with the explanation and why each wrong option is wrong. Every answer is recorded, and
 * the session is saved as it goes: leaving Practice or reloading resumes it.
 *
 * A container: the filters and the session live in hooks (practice/), the set-up, the question,
 * the "you have an unfinished session" choice and the summary are their own parts.
 */
import { useEffect, useMemo, useState } from 'react';
import { useQuestionPool } from '../../db/questions';
import { BANK } from './bank';
import { peekPracticeIntent } from './practice-intent';
import { PracticeFinished } from './practice/PracticeFinished';
import { PracticeQuestion } from './practice/PracticeQuestion';
import { PracticeSetup } from './practice/PracticeSetup';
import { UnfinishedChoice } from './practice/UnfinishedChoice';
import { usePracticeFilters } from './practice/use-practice-filters';
import { usePracticeSession, type Session } from './practice/use-practice-session';
import { SessionNotice } from './SessionNotice';

export function QuickPractice() {
  const all = useQuestionPool(BANK);
  const byId = useMemo(() => (all ? new Map(all.map((q) => [q.id, q])) : undefined), [all]);
  const [intent] = useState(peekPracticeIntent);
  const filters = usePracticeFilters(all);
  const practice = usePracticeSession(byId);
  const [choosing, setChoosing] = useState(intent !== null);
  /** Sessions started after this moment are the learner's new choice, never asked about. */
  const [mountedAt] = useState(() => new Date().toISOString());
  const [setAside, setSetAside] = useState<Session | null>(null);
  const { session } = practice;
  const retry = useMemo(
    () =>
      intent?.questionIds && byId ? intent.questionIds.flatMap((id) => byId.get(id) ?? []) : [],
    [intent, byId],
  );
  /** "Practise these" from another screen starts at once when nothing is unfinished. */
  const startRetry = () => {
    if (retry.length > 0) practice.start(retry, retry.length);
  };
  useEffect(() => {
    if (practice.loaded && retry.length > 0 && (!practice.session || practice.session.ended))
      startRetry();
    // Once, when the saved session has been read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [practice.loaded]);
  if (!practice.loaded) return <p className="loading">Loading your practice…</p>;
  const notice = setAside ? (
    <SessionNotice
      text="Your unfinished session was set aside."
      onDismiss={() => setSetAside(null)}
      undo={{
        label: 'Undo',
        run: () => {
          practice.restore(setAside);
          setSetAside(null);
        },
      }}
    />
  ) : practice.notice ? (
    <SessionNotice text={practice.notice} onDismiss={practice.dismissNotice} />
  ) : null;
  if (session && !session.ended && choosing && session.startedAt < mountedAt) {
    return (
      <UnfinishedChoice
        session={session}
        onContinue={() => setChoosing(false)}
        onStartNew={() => {
          setSetAside(session);
          practice.close();
          setChoosing(false);
          startRetry();
        }}
      />
    );
  }
  let body;
  if (session && !session.ended) body = <PracticeQuestion session={session} practice={practice} />;
  else if (session) body = <PracticeFinished session={session} practice={practice} />;
  else
    body = (
      <PracticeSetup
        poolSize={all?.length ?? BANK.length}
        filters={filters}
        onStart={(pool, count) => {
          setSetAside(null);
          practice.start(pool, count);
        }}
      />
    );
  return (
    <>
      {notice}
      {body}
    </>
  );
}
