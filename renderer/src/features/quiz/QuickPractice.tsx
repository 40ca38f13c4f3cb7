/**
 * Quick practice: questions from the learner's pool (starter bank plus generated and imported
 * items), filtered by domain, task statement, type, origin or "missed last time", answered one at
 * a time with the explanation and why each wrong option is wrong. Every answer is recorded.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';
import { createRng, randomSeed, shuffle } from '../../../../shared/random';
import { allAttempts, missedIds, recordAttempt } from '../../db/attempts';
import { emptyResponse, isComplete, isCorrect, type Response } from '../../lib/scoring';
import { useQuestionPool } from '../../db/questions';
import { BANK } from './bank';
import { DomainFilter, TYPE_LABEL, TypeFilter } from './filters';
import { takePracticeIntent } from './practice-intent';
import { QuestionView } from './QuestionView';

interface Session {
  questions: Question[];
  index: number;
  response: Response;
  checked: boolean;
  results: boolean[];
}

export function QuickPractice() {
  const attempts = useLiveQuery(allAttempts, []);
  const all = useQuestionPool(BANK);
  const [intent] = useState(takePracticeIntent);
  const [origin, setOrigin] = useState('');
  const [domain, setDomain] = useState(intent?.domain ? String(intent.domain) : '');
  const [task, setTask] = useState(intent?.task ?? '');
  const [type, setType] = useState('');
  const [missedOnly, setMissedOnly] = useState(false);
  const [count, setCount] = useState(10);
  const [session, setSession] = useState<Session | null>(null);
  const ids = {
    task: useId(),
    origin: useId(),
    count: useId(),
  };
  const card = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);

  // Keyboard flow: after checking, focus the Next button (the answers are now read-only); on a
  // new question, focus its first control.
  useEffect(() => {
    if (!session) return;
    if (session.checked) nextButton.current?.focus();
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [session?.checked, session?.index]); // eslint-disable-line react-hooks/exhaustive-deps

  const missed = useMemo(() => missedIds(attempts ?? []), [attempts]);
  const pool = (all ?? []).filter(
    (q) =>
      (!domain || q.domain === Number(domain)) &&
      (!task || q.task === task) &&
      (!type || q.type === type) &&
      (!origin || q.origin.kind === origin) &&
      (!missedOnly || missed.has(q.id)),
  );
  const tasks = EXAM_GUIDE.domains.flatMap((d) =>
    domain && d.id !== Number(domain) ? [] : d.tasks,
  );

  const start = () => {
    const questions = shuffle(pool, createRng(randomSeed())).slice(0, count);
    const first = questions[0];
    if (!first) return;
    setSession({
      questions,
      index: 0,
      response: emptyResponse(first),
      checked: false,
      results: [],
    });
  };

  if (session) {
    const q = session.questions[session.index];
    if (!q) {
      const right = session.results.filter(Boolean).length;
      return (
        <section>
          <h2>Practice finished</h2>
          <p className="lede" data-testid="quiz-score">
            {right} of {session.results.length} correct (
            {Math.round((right / session.results.length) * 100)}%).
          </p>
          <ul className="links">
            {session.questions.map((x, i) => (
              <li key={x.id}>
                <span>
                  {session.results[i] ? '✓' : '✗'} {x.stem}
                </span>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="primary" onClick={() => setSession(null)}>
              New practice
            </button>
          </div>
        </section>
      );
    }
    const complete = isComplete(q, session.response);
    const check = () => {
      const correct = isCorrect(q, session.response);
      void recordAttempt(q.id, correct);
      setSession({ ...session, checked: true, results: [...session.results, correct] });
    };
    const next = () => {
      const n = session.questions[session.index + 1];
      setSession({
        ...session,
        index: session.index + 1,
        response: n ? emptyResponse(n) : session.response,
        checked: false,
      });
    };
    const last = session.results.at(-1);
    return (
      <section className="quiz">
        <header>
          <h2>
            Question {session.index + 1} of {session.questions.length}
          </h2>
          <p className="muted">
            Domain {q.domain} · Task {q.task} · {TYPE_LABEL[q.type]} · {q.difficulty}
          </p>
        </header>
        <div
          ref={card}
          className="card"
          onKeyDown={(e) => {
            if (
              e.key !== 'Enter' ||
              e.target instanceof HTMLSelectElement ||
              e.target instanceof HTMLButtonElement
            )
              return;
            e.preventDefault();
            if (session.checked) next();
            else if (complete) check();
          }}
        >
          <QuestionView
            q={q}
            response={session.response}
            onChange={(response) => setSession({ ...session, response })}
            checked={session.checked}
          />
          {session.checked ? (
            <p
              className={last ? 'status status-ok' : 'status status-error'}
              role="status"
              data-testid="quiz-feedback"
            >
              {last ? 'Correct.' : 'Not quite: see the explanation.'}
            </p>
          ) : null}
          <div className="actions">
            {session.checked ? (
              <button ref={nextButton} type="button" className="primary" onClick={next}>
                {session.index + 1 < session.questions.length ? 'Next question' : 'See results'}
              </button>
            ) : (
              <button type="button" className="primary" disabled={!complete} onClick={check}>
                Check answer
              </button>
            )}
            <button type="button" className="link" onClick={() => setSession(null)}>
              End practice
            </button>
            <span className="muted small">Enter checks and moves on.</span>
          </div>
        </div>
      </section>
    );
  }

  return (
    <section>
      <p className="muted">
        {all?.length ?? BANK.length} questions in the exam’s four formats, each explained, with why
        every wrong option is wrong and the note it comes from.
      </p>
      <div className="card">
        <div className="form-grid">
          <DomainFilter
            value={domain}
            onChange={(d) => {
              setDomain(d);
              setTask('');
            }}
          />
          <div className="field">
            <label htmlFor={ids.task}>Task statement</label>
            <select id={ids.task} value={task} onChange={(e) => setTask(e.target.value)}>
              <option value="">All</option>
              {tasks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.id} {t.title}
                </option>
              ))}
            </select>
          </div>
          <TypeFilter value={type} onChange={setType} />
          <div className="field">
            <label htmlFor={ids.origin}>Origin</label>
            <select id={ids.origin} value={origin} onChange={(e) => setOrigin(e.target.value)}>
              <option value="">All origins</option>
              <option value="bank">Starter bank</option>
              <option value="generated">Generated with Bedrock</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.count}>Questions</label>
            <select id={ids.count} value={count} onChange={(e) => setCount(Number(e.target.value))}>
              {[5, 10, 20, 50].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </div>
        </div>
        <label className="check">
          <input
            type="checkbox"
            checked={missedOnly}
            onChange={(e) => setMissedOnly(e.target.checked)}
          />
          Only questions I got wrong last time ({missed.size})
        </label>
        <div className="actions">
          <button type="button" className="primary" disabled={pool.length === 0} onClick={start}>
            Start {Math.min(count, pool.length)} questions
          </button>
          <span className="muted small">{pool.length} questions match.</span>
        </div>
        {pool.length === 0 ? (
          <p className="empty">
            No question matches these filters{missedOnly ? ': nothing missed yet' : ''}.
          </p>
        ) : null}
      </div>
    </section>
  );
}
