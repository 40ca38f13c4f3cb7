/** The four headline figures: answers, accuracy, streak, reviews due today. */
import { plural } from '../../../lib/format';
import { ratio } from '../../../lib/stats';
import { percent } from './common';
import type { StatsData } from './use-stats-data';

export function Summary({ data }: { data: StatsData }) {
  const { overall } = data.acc;
  const { dueToday, overdue } = data.due;
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
          <dt>Reviews due today</dt>
          <dd>{dueToday}</dd>
          <small>
            {!data.hasCards
              ? 'nothing scheduled yet'
              : overdue > 0
                ? `${overdue} overdue`
                : 'in spaced review'}
          </small>
        </div>
      </dl>
      <p className="muted small">
        Accuracy counts your latest answer to each question: a question you missed and later got
        right counts as right, because that is what you know now. “All answers” below counts every
        attempt, repeats included, from quick practice, spaced review and mock exams. A mock-exam
        question left unanswered is not an attempt: it counts only in that exam&rsquo;s result.
        Questions first answered in quick practice join spaced review, so they appear in
        &ldquo;Reviews due today&rdquo; too; Home adds the day&rsquo;s new questions to these.
      </p>
    </section>
  );
}
