/** Days until the exam (when the learner set its date) and what to cover each day to be ready. */
import { Link } from 'wouter';
import { formatDate, plural } from '../../lib/format';
import { dayAsLocalDate } from '../../lib/stats';
import type { DashboardData } from './use-dashboard';

export function PlanCard({ data }: { data: DashboardData }) {
  const { plan } = data;
  if (!plan) {
    return (
      <section className="card plan-card" aria-labelledby="plan-heading">
        <h2 id="plan-heading">Your exam date</h2>
        <p className="muted">
          Booked your exam? Set its date in <Link href="/settings">Settings → Study</Link> and Home
          will count down and plan how many new questions and notes to take on each day.
        </p>
      </section>
    );
  }
  const date = formatDate(dayAsLocalDate(plan.examDate));
  let headline: string;
  if (plan.daysLeft > 1) headline = `${plan.daysLeft} days until your exam (${date})`;
  else if (plan.daysLeft === 1) headline = `Your exam is tomorrow (${date})`;
  else headline = `Your exam date is ${date}`;
  const done = plan.unseenQuestions === 0 && plan.unreadNotes === 0;
  return (
    <section className="card plan-card" aria-labelledby="plan-heading">
      <h2 id="plan-heading">Plan</h2>
      <p className="plan-headline" data-testid="home-plan">
        {headline}
      </p>
      {plan.daysLeft === 0 ? (
        <p className="muted">
          No study days are left before it. Review what is due, and change the date in Settings if
          it moved.
        </p>
      ) : done ? (
        <p>Every question answered and every note read: keep up the daily reviews and mocks.</p>
      ) : (
        <p>
          To cover everything by {formatDate(dayAsLocalDate(plan.finishBy))}: about{' '}
          <strong>{plural(plan.questionsPerDay, 'new question')}</strong> and{' '}
          <strong>{plural(plan.notesPerDay, 'note')}</strong> a day ({plan.unseenQuestions} not
          answered yet, {plan.unreadNotes} unread).
          {plan.questionsPerDay > data.prefs.newPerDay
            ? ` That is more than the ${data.prefs.newPerDay} new a day spaced review brings: answer the rest in Quick practice, or raise the limit in Settings → Study.`
            : ''}
        </p>
      )}
    </section>
  );
}
