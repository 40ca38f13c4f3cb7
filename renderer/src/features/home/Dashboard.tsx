/**
 * Home's study dashboard (a lazy chunk: Home paints first): today's reviews and what to continue,
 * the plan to the exam date, the last mock estimate, and the weakest task statements.
 */
import { MockCard } from './MockCard';
import { PlanCard } from './PlanCard';
import { TodayCard } from './TodayCard';
import { useDashboard } from './use-dashboard';
import { WeakCard } from './WeakCard';
import './home.css';

export default function Dashboard() {
  const data = useDashboard();
  if (!data) return <section className="card dashboard-loading" aria-busy="true" />;
  return (
    <div className="grid dashboard">
      <div className="stack">
        <TodayCard data={data} />
        <PlanCard data={data} />
      </div>
      <div className="stack">
        <MockCard mock={data.mock} />
        <WeakCard weak={data.weak} answered={data.answeredQuestions} />
      </div>
    </div>
  );
}
