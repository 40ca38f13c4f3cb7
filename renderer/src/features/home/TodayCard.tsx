/**
 * Home's first card: today's reviews and new questions (counted as Practice → Stats counts
 * reviews due today, lib/due-today) with one Study button (Anki's deck screen), and what can be
 * continued (a practice or review session, a mock exam in progress, the note being read).
 */
import { Link, useLocation } from 'wouter';
import { plural } from '../../lib/format';
import { requestReviewStart } from '../quiz/review-intent';
import type { DashboardData } from './use-dashboard';

function ContinueList({ data }: { data: DashboardData }) {
  const { practice, review, exam, note } = data;
  const items = [
    practice && {
      key: 'practice',
      href: '/practice/practice',
      label: 'Continue quick practice',
      detail: `Question ${Math.min(practice.index + 1, practice.questionIds.length)} of ${practice.questionIds.length}, ${practice.results.filter(Boolean).length} of ${practice.results.length} right so far`,
    },
    review && {
      key: 'review',
      href: '/practice/review',
      label: 'Continue spaced review',
      detail: `${plural(review.done.length, 'rating')} made, ${review.queue.length} left`,
    },
    exam && {
      key: 'exam',
      href: '/practice/exam',
      label: 'Continue the mock exam',
      detail: `${Object.keys(exam.responses).length} of ${exam.questionIds.length} answered; the clock keeps running`,
    },
    note && {
      key: 'note',
      href: `/notes/${note.id}`,
      label: `Continue reading: ${note.title}`,
      detail: 'Opened last and not yet marked read',
    },
  ].filter((x) => !!x);
  if (items.length === 0) return null;
  return (
    <>
      <h3>Continue where you left off</h3>
      <ul className="links" data-testid="home-continue">
        {items.map((i) => (
          <li key={i.key}>
            <Link href={i.href}>{i.label}</Link>
            <span className="muted">{i.detail}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** What is ready now and what comes later, in one muted line under the day's total. */
function ReadyNow({ data }: { data: DashboardData }) {
  const { due } = data;
  const { readyNow } = due;
  return (
    <p className="muted small" data-testid="home-ready">
      Ready now: {readyNow.learning} learning · {readyNow.review} review · {readyNow.fresh} new
      {due.laterToday > 0 ? `; ${due.laterToday} more due later today` : ''}
      {due.heldBack > 0 ? `; ${due.heldBack} held back by the daily review limit` : ''}. Up to{' '}
      {plural(data.prefs.newPerDay, 'new question')} a day (Settings → Study).
    </p>
  );
}

export function TodayCard({ data }: { data: DashboardData }) {
  const [, navigate] = useLocation();
  const { due } = data;
  return (
    <section className="card today-card" aria-labelledby="today-heading">
      <h2 id="today-heading">Today</h2>
      <div className="due-row">
        <p className="due-count" data-testid="home-due">
          <strong>{due.total}</strong> to study today: {plural(due.reviews, 'review')} due,{' '}
          {due.fresh} new
        </p>
        {due.readyNow.total > 0 ? (
          <button
            type="button"
            className="primary"
            onClick={() => {
              requestReviewStart();
              navigate('/practice/review');
            }}
          >
            Study
          </button>
        ) : (
          <Link className="button" href="/practice/practice">
            Quick practice
          </Link>
        )}
      </div>
      <ReadyNow data={data} />
      <ContinueList data={data} />
    </section>
  );
}
