/**
 * The mock exam: 65 questions drawn by the exam guide's domain weights, a 90-minute countdown
 * (the deadline is stored, so a reload resumes and time runs out even while the app is closed),
 * flags, a question navigator, a review screen before submitting, and a result with an estimated
 * scaled score. No feedback until the exam is submitted. Keyboard: N / P next and previous,
 * F flag, R review screen, arrow keys in the navigator.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';
import type { ExamSession } from '../../db/schema';
import {
  allExams,
  discardExam,
  restoreDiscardedExam,
  saveProgress,
  startExam,
  submitExam,
} from '../../db/exams';
import { useQuestionPool } from '../../db/questions';
import {
  allocate,
  drawExam,
  EXAM_MINUTES,
  EXAM_QUESTIONS,
  formatClock,
  isAnswered,
  minutesUsed,
  PASS_SCORE,
  timeLeftMs,
} from '../../lib/mock-exam';
import { emptyResponse, type Response } from '../../lib/scoring';
import { BANK } from './bank';
import { ExamResult, EstimateCaveat } from './ExamResult';
import { QuestionView } from './QuestionView';
import { isTypingTarget, useNow } from './use-now';

const DOMAINS = EXAM_GUIDE.domains;

type Stage =
  | { kind: 'start' }
  | { kind: 'exam'; session: ExamSession }
  | { kind: 'result'; session: ExamSession; notice: string | null };

export function ExamView() {
  const pool = useQuestionPool(BANK);
  const exams = useLiveQuery(allExams, []);
  const [stage, setStage] = useState<Stage>({ kind: 'start' });
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map((pool ?? []).map((q) => [q.id, q])), [pool]);
  const expiring = useRef(false);

  const unfinished = exams?.find((e) => e.finishedAt === null) ?? null;

  // An exam whose time ran out while the app was closed is submitted with what was saved.
  useEffect(() => {
    if (!pool || !unfinished || expiring.current || stage.kind !== 'start') return;
    if (timeLeftMs(unfinished.deadline, Date.now()) > 0) return;
    expiring.current = true;
    void submitExam(unfinished, pool, DOMAINS, new Date(unfinished.deadline))
      .then((done) =>
        setStage({
          kind: 'result',
          session: done,
          notice:
            'Time ran out on your last mock exam while it was not open, so it was submitted with the answers saved until then.',
        }),
      )
      .catch((e: unknown) => setError(`Could not submit the expired exam: ${message(e)}`))
      .finally(() => {
        expiring.current = false;
      });
  }, [pool, unfinished, stage.kind]);

  if (!pool || !exams) return <p className="loading">Loading mock exams…</p>;

  if (stage.kind === 'exam') {
    return (
      <ExamRunner
        initial={stage.session}
        byId={byId}
        pool={pool}
        onSubmitted={(session, notice) => setStage({ kind: 'result', session, notice })}
      />
    );
  }
  if (stage.kind === 'result') {
    return (
      <ExamResult
        session={stage.session}
        byId={byId}
        notice={stage.notice}
        onBack={() => setStage({ kind: 'start' })}
      />
    );
  }

  const begin = async () => {
    setError(null);
    try {
      const seed = crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
      const { questionIds } = drawExam(pool, DOMAINS, seed);
      if (questionIds.length === 0) return;
      const session = await startExam(questionIds, new Date());
      setStage({ kind: 'exam', session });
    } catch (e) {
      setError(`Could not start the exam: ${message(e)}. Reload the app and try again.`);
    }
  };

  return (
    <ExamStart
      pool={pool}
      byId={byId}
      exams={exams}
      unfinished={unfinished}
      error={error}
      onStart={() => void begin()}
      onResume={(session) => setStage({ kind: 'exam', session })}
      onOpen={(session) => setStage({ kind: 'result', session, notice: null })}
    />
  );
}

/** Questions of `session` with a complete saved answer. */
function answeredCount(session: ExamSession, byId: ReadonlyMap<string, Question>): number {
  return session.questionIds.filter((id) => {
    const q = byId.get(id);
    return q !== undefined && isAnswered(q, session.responses[id]);
  }).length;
}

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

function ExamStart({
  pool,
  byId,
  exams,
  unfinished,
  error,
  onStart,
  onResume,
  onOpen,
}: {
  pool: readonly Question[];
  byId: ReadonlyMap<string, Question>;
  exams: readonly ExamSession[];
  unfinished: ExamSession | null;
  error: string | null;
  onStart: () => void;
  onResume: (s: ExamSession) => void;
  onOpen: (s: ExamSession) => void;
}) {
  const now = useNow(1000);
  /** The exam just discarded, while its Undo is on offer (gone once another exam starts). */
  const [discarded, setDiscarded] = useState<ExamSession | null>(null);
  const available = useMemo(() => {
    const m = new Map<number, number>();
    for (const q of pool) m.set(q.domain, (m.get(q.domain) ?? 0) + 1);
    return m;
  }, [pool]);
  const plan = allocate(EXAM_QUESTIONS, DOMAINS, available);
  const size = [...plan.counts.values()].reduce((s, n) => s + n, 0);
  const finished = exams.filter((e) => e.finishedAt !== null);
  const left = unfinished ? timeLeftMs(unfinished.deadline, now) : 0;

  return (
    <section className="exam-start">
      <p className="muted">
        A timed practice exam in the format of {EXAM_GUIDE.exam.code}: {EXAM_QUESTIONS} questions
        drawn from your pool by the exam guide’s domain weights, {EXAM_MINUTES} minutes, and no
        feedback until you submit. Flag questions to come back to, review your answers before
        submitting, and resume after a reload (the clock keeps running).
      </p>
      {discarded && !unfinished ? (
        <p className="status" role="status" data-testid="exam-discarded">
          Mock exam discarded ({answeredCount(discarded, byId)} of {discarded.questionIds.length}{' '}
          answered); nothing from it was recorded.{' '}
          <button
            type="button"
            className="link"
            onClick={() => void restoreDiscardedExam(discarded).then(() => setDiscarded(null))}
          >
            Undo
          </button>
        </p>
      ) : null}
      {unfinished ? (
        <div className="status status-warn" data-testid="exam-in-progress">
          <div>
            <strong>You have a mock exam in progress.</strong>
            <p>
              {answeredCount(unfinished, byId)} of {unfinished.questionIds.length} answered,{' '}
              {formatClock(left)} left.
            </p>
            <div className="actions">
              <button type="button" className="primary" onClick={() => onResume(unfinished)}>
                Resume exam
              </button>
              <button
                type="button"
                onClick={() =>
                  void discardExam(unfinished.id).then((gone) => {
                    if (gone) setDiscarded(gone);
                  })
                }
              >
                Discard this exam
              </button>
            </div>
          </div>
        </div>
      ) : null}
      <div className="card">
        <h2>Questions by domain</h2>
        <table className="exam-plan">
          <thead>
            <tr>
              <th scope="col">Domain</th>
              <th scope="col" className="num">
                Weight
              </th>
              <th scope="col" className="num">
                In your pool
              </th>
              <th scope="col" className="num">
                In the exam
              </th>
            </tr>
          </thead>
          <tbody>
            {DOMAINS.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.id}. {d.title}
                </th>
                <td className="num">{d.weight}%</td>
                <td className="num">{available.get(d.id) ?? 0}</td>
                <td className="num">{plan.counts.get(d.id)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted small">
          Counts follow the weights with largest-remainder rounding (13, 15.6, 18.2, 9.1 and 9.1
          become 13, 16, 18, 9 and 9), spread over each domain’s task statements.
        </p>
        {plan.notes.map((n) => (
          <p key={n} className="status status-warn">
            {n}
          </p>
        ))}
        <EstimateCaveat />
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={size === 0 || unfinished !== null}
            onClick={() => {
              setDiscarded(null);
              onStart();
            }}
          >
            Start a {size}-question mock exam
          </button>
          {unfinished ? (
            <span className="muted small">Finish the exam in progress first.</span>
          ) : (
            <span className="muted small">
              In the exam: N next, P previous, F flag, R review screen; arrow keys move in the
              question grid.
            </span>
          )}
        </div>
        {size === 0 ? <p className="empty">Your question pool is empty.</p> : null}
      </div>
      <div className="card">
        <h2>Past mock exams</h2>
        {finished.length === 0 ? (
          <p className="empty">No mock exam submitted yet. Your results will be listed here.</p>
        ) : (
          <table className="exam-history">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col" className="num">
                  Correct
                </th>
                <th scope="col" className="num">
                  Estimated score
                </th>
                <th scope="col">Estimate vs {PASS_SCORE}</th>
                <th scope="col" className="num">
                  Time used
                </th>
                <th scope="col">
                  <span className="sr-only">Open</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {finished.map((e) => (
                <tr key={e.id}>
                  <td>{new Date(e.startedAt).toLocaleString()}</td>
                  <td className="num">
                    {e.result ? `${e.result.correct} / ${e.result.total}` : '—'}
                  </td>
                  <td className="num">{e.result?.scaled ?? '—'}</td>
                  <td>
                    {e.result ? (
                      <span className={e.result.passed ? 'badge badge-pass' : 'badge badge-fail'}>
                        {e.result.passed ? 'Pass' : 'Fail'} (estimate)
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td className="num">{minutesUsed(e)} min</td>
                  <td>
                    <button type="button" onClick={() => onOpen(e)}>
                      Review
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}

const GRID_COLUMNS = 13;

function ExamRunner({
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
  const [session, setSession] = useState(initial);
  const [index, setIndex] = useState(() => {
    const i = initial.questionIds.findIndex((id) => !(id in initial.responses));
    return i < 0 ? 0 : i;
  });
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submitting = useRef(false);
  const card = useRef<HTMLDivElement>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const submitButton = useRef<HTMLButtonElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const wasConfirming = useRef(false);
  const now = useNow(1000);
  const left = timeLeftMs(session.deadline, now);
  const total = session.questionIds.length;
  const id = session.questionIds[index]!;
  const q = byId.get(id);
  const flagged = new Set(session.flagged);
  const answered = (qid: string) => {
    const question = byId.get(qid);
    return question !== undefined && isAnswered(question, session.responses[qid]);
  };
  const unanswered = session.questionIds.filter((x) => !answered(x));

  const update = (next: ExamSession) => {
    setSession(next);
    saveProgress(next).catch((e: unknown) =>
      setError(
        `Your last answer could not be saved: ${message(e)}. Keep going; it is retried with your next change.`,
      ),
    );
  };

  const submit = async (auto: boolean) => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      const done = await submitExam(session, pool, DOMAINS, new Date());
      onSubmitted(
        done,
        auto ? 'Time is up: the exam was submitted automatically with your answers.' : null,
      );
    } catch (e) {
      submitting.current = false;
      setError(`Could not submit the exam: ${message(e)}. Your answers are saved; try again.`);
    }
  };

  // Time up: submit with what is answered (a timer to the stored deadline; the latest answers).
  const submitLatest = useRef(submit);
  useEffect(() => {
    submitLatest.current = submit;
  });
  useEffect(() => {
    const ms = timeLeftMs(session.deadline, Date.now());
    const timer = setTimeout(() => void submitLatest.current(true), ms);
    return () => clearTimeout(timer);
  }, [session.deadline]);

  const go = (i: number) => {
    setReviewing(false);
    setConfirming(false);
    setIndex(Math.max(0, Math.min(total - 1, i)));
  };
  const toggleFlag = () =>
    update({
      ...session,
      flagged: flagged.has(id) ? session.flagged.filter((x) => x !== id) : [...session.flagged, id],
    });

  // Focus: a question's first control when it changes (its heading when that control is a list,
  // where N, P, F and R would pick an option instead); the confirm button when it appears.
  useEffect(() => {
    const first = card.current?.querySelector<HTMLElement>(
      'input:not(:disabled), select, button:not(:disabled)',
    );
    if (reviewing || first instanceof HTMLSelectElement) heading.current?.focus();
    else first?.focus();
  }, [index, reviewing]);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
    else if (wasConfirming.current) submitButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  // Keys (outside text fields and selects): N next, P previous, F flag, R review screen.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    keys.current = (e: KeyboardEvent) => {
      if (isTypingTarget(e)) return;
      const k = e.key.toLowerCase();
      if (e.key === 'Escape' && reviewing) {
        e.preventDefault();
        go(index);
        return;
      }
      if (reviewing) return;
      if (k === 'n') go(index + 1);
      else if (k === 'p') go(index - 1);
      else if (k === 'f') toggleFlag();
      else if (k === 'r') setReviewing(true);
      else return;
      e.preventDefault();
    };
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);

  const response: Response | undefined = session.responses[id];
  const setResponse = (r: Response) =>
    update({ ...session, responses: { ...session.responses, [id]: r } });

  const header = (
    <header className="exam-header">
      <h2 ref={heading} tabIndex={-1}>
        {reviewing ? 'Review your answers' : `Question ${index + 1} of ${total}`}
      </h2>
      <p
        className={left < 5 * 60_000 ? 'exam-clock exam-clock-low' : 'exam-clock'}
        role="timer"
        aria-live="off"
        aria-label={`Time left ${formatClock(left)}`}
        data-testid="exam-clock"
      >
        <span className="muted small">Time left</span> {formatClock(left)}
      </p>
    </header>
  );
  const errorBox = error ? (
    <p className="status status-error" role="alert">
      {error}
    </p>
  ) : null;

  if (reviewing) {
    const flaggedIds = session.questionIds.filter((x) => flagged.has(x));
    const jumpList = (ids: readonly string[], none: string, label: string) =>
      ids.length === 0 ? (
        <p className="muted">{none}</p>
      ) : (
        <ul className="jump-list" aria-label={label}>
          {ids.map((x) => {
            const i = session.questionIds.indexOf(x);
            return (
              <li key={x}>
                <button type="button" onClick={() => go(i)}>
                  Question {i + 1}
                </button>
              </li>
            );
          })}
        </ul>
      );
    return (
      <section className="exam exam-review" data-testid="exam-review">
        {header}
        <div className="card">
          <p data-testid="exam-review-counts">
            {total - unanswered.length} of {total} answered · {unanswered.length} unanswered ·{' '}
            {flaggedIds.length} flagged
          </p>
          {errorBox}
          {confirming ? (
            <div className="status status-warn exam-confirm" role="alertdialog" aria-label="Submit">
              <div>
                <strong>Submit the exam?</strong>
                <p>
                  You cannot change answers afterwards.
                  {unanswered.length > 0
                    ? ` ${unanswered.length} unanswered question${unanswered.length === 1 ? '' : 's'} will count as wrong.`
                    : ''}
                </p>
                <div className="actions">
                  <button
                    ref={confirmButton}
                    type="button"
                    className="primary"
                    onClick={() => void submit(false)}
                  >
                    Submit now
                  </button>
                  <button type="button" onClick={() => setConfirming(false)}>
                    Keep working
                  </button>
                </div>
              </div>
            </div>
          ) : (
            <div className="actions">
              <button
                ref={submitButton}
                type="button"
                className="primary"
                onClick={() => setConfirming(true)}
              >
                Submit exam…
              </button>
              <button type="button" onClick={() => go(index)}>
                Back to question {index + 1}
              </button>
              <span className="muted small">Esc goes back to the question.</span>
            </div>
          )}
          <h3>Unanswered</h3>
          {jumpList(unanswered, 'Every question has an answer.', 'Unanswered questions')}
          <h3>Flagged for review</h3>
          {jumpList(flaggedIds, 'No question is flagged.', 'Flagged questions')}
          <h3>All questions</h3>
          <Navigator session={session} current={index} answered={answered} onGo={go} />
        </div>
      </section>
    );
  }

  return (
    <section className="exam">
      {header}
      <div className="card" ref={card}>
        {q ? (
          <>
            <QuestionView
              key={q.id}
              q={q}
              response={response ?? emptyResponse(q)}
              onChange={setResponse}
              checked={false}
            />
            {q.type === 'ordering' && response === undefined ? (
              <p className="muted small">
                Move the steps into order. An order you have not touched is not counted as an
                answer:{' '}
                <button
                  type="button"
                  className="link"
                  onClick={() => setResponse(emptyResponse(q))}
                >
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
        {errorBox}
        <div className="actions exam-actions">
          <button type="button" disabled={index === 0} onClick={() => go(index - 1)}>
            ← Previous
          </button>
          <button
            type="button"
            aria-pressed={flagged.has(id)}
            className={flagged.has(id) ? 'toggled' : ''}
            onClick={toggleFlag}
          >
            {flagged.has(id) ? '⚑ Flagged' : '⚐ Flag for review'}
          </button>
          {index + 1 < total ? (
            <button type="button" className="primary" onClick={() => go(index + 1)}>
              Next →
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => setReviewing(true)}>
              Review answers
            </button>
          )}
          <button type="button" className="link" onClick={() => setReviewing(true)}>
            Review and submit
          </button>
        </div>
        <p className="muted small exam-keys">
          Keys: <kbd>N</kbd> next, <kbd>P</kbd> previous, <kbd>F</kbd> flag, <kbd>R</kbd> review
          screen (not while a drop-down list has the focus); Space chooses the focused option; arrow
          keys move in the grid below.
        </p>
      </div>
      <div className="card">
        <h3 className="exam-grid-title">Questions</h3>
        <Navigator session={session} current={index} answered={answered} onGo={go} />
      </div>
    </section>
  );
}

/** The grid of question numbers: answered, flagged, current; arrow keys move, Enter jumps. */
function Navigator({
  session,
  current,
  answered,
  onGo,
}: {
  session: ExamSession;
  current: number;
  answered: (id: string) => boolean;
  onGo: (i: number) => void;
}) {
  const [focus, setFocus] = useState(current);
  const grid = useRef<HTMLDivElement>(null);
  const total = session.questionIds.length;
  const flagged = new Set(session.flagged);
  const move = (i: number) => {
    const j = Math.max(0, Math.min(total - 1, i));
    setFocus(j);
    grid.current?.querySelectorAll<HTMLButtonElement>('button')[j]?.focus();
  };
  const tabStop = focus >= 0 && focus < total ? focus : current;
  return (
    <div>
      <div
        ref={grid}
        className="exam-grid"
        role="group"
        aria-label="Question navigator"
        style={{ gridTemplateColumns: `repeat(${GRID_COLUMNS}, minmax(0, 1fr))` }}
        onKeyDown={(e) => {
          const step: Record<string, number> = {
            ArrowRight: 1,
            ArrowLeft: -1,
            ArrowDown: GRID_COLUMNS,
            ArrowUp: -GRID_COLUMNS,
          };
          if (e.key in step) move(focus + step[e.key]!);
          else if (e.key === 'Home') move(0);
          else if (e.key === 'End') move(total - 1);
          else return;
          e.preventDefault();
        }}
      >
        {session.questionIds.map((qid, i) => {
          const a = answered(qid);
          const f = flagged.has(qid);
          const cls = [
            'cell',
            a ? 'answered' : 'unanswered',
            f ? 'flagged' : '',
            i === current ? 'current' : '',
          ]
            .filter(Boolean)
            .join(' ');
          return (
            <button
              key={qid}
              type="button"
              className={cls}
              tabIndex={i === tabStop ? 0 : -1}
              aria-current={i === current ? 'step' : undefined}
              aria-label={`Question ${i + 1}, ${a ? 'answered' : 'unanswered'}${f ? ', flagged' : ''}`}
              onFocus={() => setFocus(i)}
              onClick={() => onGo(i)}
            >
              {i + 1}
              {f ? <span aria-hidden="true">⚑</span> : null}
            </button>
          );
        })}
      </div>
      <p className="muted small exam-legend">
        <span className="key answered" aria-hidden="true" /> answered{' '}
        <span className="key unanswered" aria-hidden="true" /> unanswered{' '}
        <span aria-hidden="true">⚑</span> flagged
      </p>
    </div>
  );
}
