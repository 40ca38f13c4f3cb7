/**
 * The Practice screen's statistics: what has been answered and how well, by exam domain and task
 * statement; a calendar of answers per day and the streak; reviews due over the next 30 days; the
 * weakest task statements with the notes that teach them; and the mock-exam history. Everything
 * is computed from IndexedDB (attempts, review cards, exams) by the pure functions of lib/stats.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { allAttempts } from '../../db/attempts';
import { allExams } from '../../db/exams';
import { useQuestionPool } from '../../db/questions';
import { allCards } from '../../db/review';
import {
  accuracy,
  dailyCounts,
  dayAsDate,
  dayOf,
  dueForecast,
  examHistory,
  heatmap,
  HEAT_LEVELS,
  notesForTask,
  ratio,
  streak,
  unpractisedTasks,
  weakestTasks,
  type Accuracy,
  type DayKey,
  type FinishedExam,
  type Forecast,
  type Heatmap,
  type NoteFacts,
  type QuestionFacts,
  type Streak,
  type Tally,
  type WeakArea,
} from '../../lib/stats';
import { wilsonInterval } from '../../../../shared/statistics';
import { CORPUS } from '../../content/corpus';
import { BANK } from './bank';
import { setPracticeIntent } from './practice-intent';
import { useNow } from './use-now';

/** Weeks shown in the calendar (about six months). */
const WEEKS = 26;
/** Days in the review forecast. */
const FORECAST_DAYS = 30;

const TASKS = EXAM_GUIDE.domains.flatMap((d) => d.tasks);
const TASK_TITLE = new Map(TASKS.map((t) => [t.id, t.title]));
const NOTES: NoteFacts[] = CORPUS.notes.map((n) => ({ id: n.id, title: n.title, tasks: n.tasks }));

const longDate = new Intl.DateTimeFormat(undefined, {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });
const examDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A local date key in words ("Mon, 30 Mar 2026" in the learner's locale). */
const dateText = (key: DayKey) => longDate.format(dayAsDate(key));
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const percent = (x: number | null) => (x === null ? '–' : `${Math.round(x * 100)}%`);

interface Data {
  acc: Accuracy;
  counts: Map<DayKey, number>;
  today: DayKey;
  streak: Streak;
  heat: Heatmap;
  forecast: Forecast;
  hasCards: boolean;
  weak: WeakArea[];
  unpractised: string[];
  exams: FinishedExam[];
  /** Mock exams started and not yet submitted. */
  unfinishedExams: number;
  totalAnswers: number;
}

export function StatsView() {
  const source = useLiveQuery(async () => {
    const [attempts, cards, exams] = await Promise.all([allAttempts(), allCards(), allExams()]);
    return { attempts, cards, exams };
  }, []);
  const pool = useQuestionPool(BANK);
  // Checked every minute, so the calendar and "due today" move on at local midnight.
  const today = dayOf()(new Date(useNow(60_000)));

  const data = useMemo((): Data | null => {
    if (!source || !pool) return null;
    const questions: QuestionFacts[] = pool;
    const day = dayOf();
    const acc = accuracy(source.attempts, questions);
    const counts = dailyCounts(source.attempts, day);
    const poolIds = new Set(pool.map((q) => q.id));
    return {
      acc,
      counts,
      today,
      streak: streak(counts, today),
      heat: heatmap(counts, today, WEEKS, 1),
      forecast: dueForecast(source.cards, today, day, FORECAST_DAYS, poolIds),
      hasCards: source.cards.some((c) => poolIds.has(c.questionId) && c.state !== 0),
      weak: weakestTasks(acc, questions, NOTES),
      unpractised: unpractisedTasks(
        acc,
        TASKS.map((t) => t.id),
      ),
      exams: examHistory(source.exams),
      unfinishedExams: source.exams.filter((e) => e.finishedAt === null).length,
      totalAnswers: source.attempts.length,
    };
  }, [source, pool, today]);

  if (!data) {
    return (
      <p className="loading" role="status">
        Loading your statistics…
      </p>
    );
  }
  if (data.totalAnswers === 0 && data.exams.length === 0 && data.unfinishedExams === 0)
    return <EmptyStats />;

  return (
    <div className="stats">
      <Summary data={data} />
      <DomainAccuracy acc={data.acc} />
      <TaskTable acc={data.acc} />
      <ActivityCalendar heat={data.heat} streak={data.streak} />
      <DueForecast forecast={data.forecast} hasCards={data.hasCards} />
      <WeakAreas weak={data.weak} unpractised={data.unpractised} />
      {data.exams.length > 0 || data.unfinishedExams > 0 ? (
        <ExamHistory exams={data.exams} unfinished={data.unfinishedExams} />
      ) : null}
    </div>
  );
}

function EmptyStats() {
  const heaviest = [...EXAM_GUIDE.domains].sort((a, b) => b.weight - a.weight)[0]!;
  return (
    <section className="card stats-empty" aria-labelledby="stats-empty-heading">
      <h2 id="stats-empty-heading">No answers yet</h2>
      <p>
        Your statistics appear here once you answer questions: accuracy by exam domain and task
        statement, a calendar of the days you practised, reviews coming due, and the task statements
        to work on next, with the notes that teach them.
      </p>
      <ol className="stats-steps">
        <li>
          Open <Link href="/practice">Quick practice</Link> and answer 10 questions from all
          domains, to see where you stand.
        </li>
        <li>
          Come back here: the weakest task statements link to the notes to read before trying again.
        </li>
        <li>
          Domain {heaviest.id}, {heaviest.title}, carries the most weight ({heaviest.weight}% of the
          scored content), so it is a good place to start if you are unsure.
        </li>
      </ol>
      <div className="actions">
        <Link href="/practice" className="button primary">
          Start quick practice
        </Link>
      </div>
    </section>
  );
}

function Summary({ data }: { data: Data }) {
  const { overall } = data.acc;
  const dueToday = data.forecast.days[0]?.count ?? 0;
  return (
    <section className="card" aria-labelledby="stats-summary-heading">
      <h2 id="stats-summary-heading">Summary</h2>
      <dl className="stats-summary">
        <div data-testid="stat-answers">
          <dt>Answers</dt>
          <dd>{data.totalAnswers}</dd>
          <small>
            on {plural(overall.questions, 'question')}
            {data.acc.orphanAnswers > 0 ? ` (and ${data.acc.orphanAnswers} to deleted ones)` : ''}
          </small>
        </div>
        <div data-testid="stat-accuracy">
          <dt>Accuracy</dt>
          <dd>{percent(ratio(overall.questionsCorrect, overall.questions))}</dd>
          <small>
            {overall.questionsCorrect} of {overall.questions} right on the latest answer
          </small>
        </div>
        <div data-testid="stat-streak">
          <dt>Streak</dt>
          <dd>{plural(data.streak.current, 'day')}</dd>
          <small>
            {data.streak.current > 0 && !data.streak.today
              ? 'answer today to keep it'
              : `longest ${plural(data.streak.longest, 'day')}`}
          </small>
        </div>
        <div data-testid="stat-due">
          <dt>Due today</dt>
          <dd>{dueToday}</dd>
          <small>
            {!data.hasCards
              ? 'nothing scheduled yet'
              : data.forecast.overdue > 0
                ? `reviews, ${data.forecast.overdue} overdue`
                : 'reviews in spaced review'}
          </small>
        </div>
      </dl>
      <p className="muted small">
        Accuracy counts your latest answer to each question: a question you missed and later got
        right counts as right, because that is what you know now. “All answers” below counts every
        attempt, repeats included, from quick practice, spaced review and mock exams.
      </p>
    </section>
  );
}

function tallyText(t: Tally) {
  return `${t.questionsCorrect} of ${plural(t.questions, 'question')} right`;
}

function DomainAccuracy({ acc }: { acc: Accuracy }) {
  return (
    <section className="card" aria-labelledby="stats-domains-heading">
      <h2 id="stats-domains-heading">Accuracy by domain</h2>
      <ul className="stats-domains">
        {EXAM_GUIDE.domains.map((d) => {
          const t = acc.byDomain.get(d.id);
          const share = t ? ratio(t.questionsCorrect, t.questions) : null;
          return (
            <li key={d.id} data-testid={`stats-domain-${d.id}`}>
              <div className="domain-label">
                <span>
                  {d.id}. {d.title} <span className="muted small">({d.weight}% of the exam)</span>
                </span>
                <span className="weight">{percent(share)}</span>
              </div>
              <div
                className="bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={share === null ? 0 : Math.round(share * 100)}
                aria-label={`Domain ${d.id} accuracy`}
                aria-valuetext={t ? `${percent(share)}: ${tallyText(t)}` : 'not practised yet'}
              >
                <span style={{ width: `${(share ?? 0) * 100}%` }} />
              </div>
              <p className="muted small">
                {t
                  ? `${tallyText(t)} · all answers: ${t.answersCorrect} of ${t.answers} (${percent(ratio(t.answersCorrect, t.answers))})`
                  : 'Not practised yet.'}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function TaskTable({ acc }: { acc: Accuracy }) {
  return (
    <section className="card" aria-labelledby="stats-tasks-heading">
      <h2 id="stats-tasks-heading">By task statement</h2>
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Task statement</th>
              <th scope="col" className="num">
                Questions
              </th>
              <th scope="col" className="num">
                Latest right
              </th>
              <th scope="col" className="num">
                All answers
              </th>
            </tr>
          </thead>
          <tbody>
            {TASKS.map((task) => {
              const t = acc.byTask.get(task.id);
              return (
                <tr key={task.id} data-testid={`stats-task-${task.id}`}>
                  <th scope="row">
                    <span className="task-id">{task.id}</span> {task.title}
                  </th>
                  <td className="num">{t?.questions ?? 0}</td>
                  <td className="num">
                    {t
                      ? `${t.questionsCorrect} (${percent(ratio(t.questionsCorrect, t.questions))})`
                      : '–'}
                  </td>
                  <td className="num">
                    {t
                      ? `${t.answersCorrect} of ${t.answers} (${percent(ratio(t.answersCorrect, t.answers))})`
                      : '–'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const WEEKDAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''];

function ActivityCalendar({ heat, streak: s }: { heat: Heatmap; streak: Streak }) {
  const busiest = heat.busiest;
  const legend = [
    'No answers',
    ...HEAT_LEVELS.map((t, i) => {
      const next = HEAT_LEVELS[i + 1];
      return next ? `${t}–${next - 1}` : `${t} or more`;
    }),
  ];
  return (
    <section className="card" aria-labelledby="stats-calendar-heading">
      <h2 id="stats-calendar-heading">Practice calendar</h2>
      <p data-testid="stats-calendar-summary">
        {plural(heat.total, 'answer')} on {plural(heat.activeDays, 'day')} in the last {WEEKS}{' '}
        weeks.
        {busiest
          ? ` Busiest day: ${dateText(busiest.date)} (${plural(busiest.count, 'answer')}).`
          : ''}{' '}
        Current streak: {plural(s.current, 'day')}; longest: {plural(s.longest, 'day')}.
      </p>
      <div className="heatmap-wrap">
        <div
          className="heatmap"
          role="group"
          aria-label={`Answers per day, ${WEEKS} weeks, one column per week from Monday to Sunday`}
          style={{ gridTemplateColumns: `auto repeat(${heat.weeks.length}, var(--heat-cell))` }}
        >
          <span className="heat-corner" aria-hidden="true" />
          {heat.weeks.map((_, w) => {
            const month = heat.months.find((m) => m.week === w);
            return (
              <span key={`m${w}`} className="heat-month" aria-hidden="true">
                {month ? monthName.format(dayAsDate(month.date)) : ''}
              </span>
            );
          })}
          {WEEKDAY_LABELS.map((label, row) => (
            <Row key={row} label={label} row={row} heat={heat} />
          ))}
        </div>
      </div>
      <div className="heat-legend" aria-hidden="true">
        <span className="muted small">Fewer</span>
        {legend.map((text, level) => (
          <span key={text} className={`heat-cell heat-${level}`} title={text} />
        ))}
        <span className="muted small">More</span>
      </div>
    </section>
  );
}

function Row({ label, row, heat }: { label: string; row: number; heat: Heatmap }) {
  return (
    <>
      <span className="heat-day muted small" aria-hidden="true">
        {label}
      </span>
      {heat.weeks.map((week) => {
        const cell = week[row]!;
        if (cell.future) return <span key={cell.date} className="heat-cell heat-future" />;
        const text = `${plural(cell.count, 'answer')} on ${dateText(cell.date)}`;
        return (
          <span
            key={cell.date}
            className={`heat-cell heat-${cell.level}`}
            role="img"
            aria-label={text}
            title={text}
            data-date={cell.date}
          />
        );
      })}
    </>
  );
}

function DueForecast({ forecast, hasCards }: { forecast: Forecast; hasCards: boolean }) {
  const total = forecast.days.reduce((s, d) => s + d.count, 0);
  const week = forecast.days.slice(0, 7).reduce((s, d) => s + d.count, 0);
  const max = Math.max(1, ...forecast.days.map((d) => d.count));
  return (
    <section className="card" aria-labelledby="stats-forecast-heading">
      <h2 id="stats-forecast-heading">Reviews due, next {FORECAST_DAYS} days</h2>
      {!hasCards ? (
        <p className="empty">
          Nothing is scheduled yet. A question joins the review schedule the first time you rate it
          in <Link href="/practice/review">Spaced review</Link>; its next review date then appears
          here.
        </p>
      ) : (
        <>
          <p data-testid="stats-forecast-summary">
            Today: {forecast.days[0]?.count ?? 0}
            {forecast.overdue > 0 ? ` (${forecast.overdue} overdue)` : ''} · next 7 days: {week} ·
            next {FORECAST_DAYS} days: {total}
            {forecast.later > 0 ? ` · later: ${forecast.later}` : ''}.
          </p>
          <ol className="forecast" aria-label="Reviews due per day">
            {forecast.days.map((d, i) => (
              <li key={d.date} title={`${plural(d.count, 'review')} due on ${dateText(d.date)}`}>
                <span className="sr-only">
                  {plural(d.count, 'review')} due on {dateText(d.date)}
                </span>
                <span className="forecast-count" aria-hidden="true">
                  {d.count > 0 ? d.count : ''}
                </span>
                <span
                  className="forecast-bar"
                  aria-hidden="true"
                  style={{ height: `${(d.count / max) * 100}%` }}
                />
                <span className="forecast-day muted" aria-hidden="true">
                  {i === 0 ? 'Today' : i % 7 === 0 ? shortDate.format(dayAsDate(d.date)) : ''}
                </span>
              </li>
            ))}
          </ol>
          {(forecast.days[0]?.count ?? 0) > 0 ? (
            <div className="actions">
              <Link href="/practice/review" className="button">
                Review now
              </Link>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}

function NoteLinks({ notes }: { notes: readonly NoteFacts[] }) {
  return (
    <ul className="stats-notes">
      {notes.map((n) => (
        <li key={n.id}>
          Read: <Link href={`/notes/${n.id}`}>{n.title}</Link>
        </li>
      ))}
    </ul>
  );
}

function WeakAreas({ weak, unpractised }: { weak: WeakArea[]; unpractised: string[] }) {
  return (
    <section className="card" aria-labelledby="stats-weak-heading">
      <h2 id="stats-weak-heading">Work on next</h2>
      <p className="muted small">
        Ranked by the lowest accuracy you could plausibly have on each task statement: the lower end
        of a 95% range around your latest-answer accuracy. With few answers the range is wide, so a
        task with one right answer still ranks here until you answer more.
      </p>
      {weak.length === 0 ? (
        <p className="empty">
          No weak task statement among those you have practised: each is likely above 70%.
        </p>
      ) : (
        <ol className="weak-list" data-testid="stats-weak">
          {weak.map((w) => {
            const range = wilsonInterval(w.tally.questionsCorrect, w.tally.questions);
            return (
              <li key={w.task} data-testid={`stats-weak-${w.task}`}>
                <div>
                  <strong>
                    {w.task} {TASK_TITLE.get(w.task)}
                  </strong>
                </div>
                <div className="muted small">
                  {tallyText(w.tally)} (
                  {percent(ratio(w.tally.questionsCorrect, w.tally.questions))}; likely between{' '}
                  {percent(range.low)} and {percent(range.high)})
                </div>
                <NoteLinks notes={w.notes} />
                <div className="small">
                  Then{' '}
                  <Link
                    href="/practice"
                    onClick={() => setPracticeIntent({ domain: Number(w.task[0]), task: w.task })}
                  >
                    practise task {w.task}
                  </Link>
                  .
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {unpractised.length > 0 ? (
        <>
          <h3>Not practised yet</h3>
          <ul className="unpractised">
            {unpractised.map((task) => {
              const note = notesForTask(task, NOTES, [], new Map(), 1)[0];
              return (
                <li key={task}>
                  <span>
                    {task} {TASK_TITLE.get(task)}
                  </span>
                  {note ? (
                    <span className="small">
                      {' '}
                      · Read: <Link href={`/notes/${note.id}`}>{note.title}</Link>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}

function ExamHistory({ exams, unfinished }: { exams: FinishedExam[]; unfinished: number }) {
  return (
    <section className="card" aria-labelledby="stats-exams-heading">
      <h2 id="stats-exams-heading">Mock exams</h2>
      {unfinished > 0 ? (
        <p>
          {unfinished === 1 ? 'A mock exam is' : `${unfinished} mock exams are`} in progress:{' '}
          <Link href="/practice/exam">resume it in Mock exam</Link>.
        </p>
      ) : null}
      {exams.length > 0 ? <ExamTable exams={exams} /> : null}
    </section>
  );
}

function ExamTable({ exams }: { exams: FinishedExam[] }) {
  return (
    <>
      <p className="muted small">
        The scaled score is an estimate on the exam’s {EXAM_GUIDE.exam.scaledScoreMin}–
        {EXAM_GUIDE.exam.scaledScoreMax} scale (pass mark {EXAM_GUIDE.exam.passingScore}), not an
        official score.
      </p>
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col" className="num">
                Right
              </th>
              <th scope="col" className="num">
                Estimate
              </th>
              <th scope="col">By domain</th>
            </tr>
          </thead>
          <tbody>
            {exams.map((e) => (
              <tr key={e.id}>
                <th scope="row">{examDate.format(new Date(e.finishedAt))}</th>
                <td className="num">
                  {e.result.correct} of {e.result.total} (
                  {percent(ratio(e.result.correct, e.result.total))})
                </td>
                <td className="num">
                  {e.result.scaled}{' '}
                  <span className={e.result.passed ? 'badge-ok' : 'badge-below'}>
                    {e.result.passed ? 'pass' : 'below pass'}
                  </span>
                </td>
                <td className="small">
                  {Object.entries(e.result.byDomain)
                    .filter(([, t]) => t.total > 0)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([d, t]) => `D${d} ${t.correct}/${t.total}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
