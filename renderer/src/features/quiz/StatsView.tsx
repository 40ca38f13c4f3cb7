/**
 * The Practice screen's statistics: what has been answered and how well, by exam domain and task
 * statement; a calendar of answers per day and the streak; reviews due over the next 30 days; the
 * weakest task statements with the notes that teach them; and the mock-exam history. Everything
 * is computed from IndexedDB (attempts, review cards, exams) by the pure functions of lib/stats,
 * in ./stats/use-stats-data; each section is a named part in ./stats.
 */
import { ActivityCalendar } from './stats/ActivityCalendar';
import { DomainAccuracy } from './stats/DomainAccuracy';
import { DueForecast } from './stats/DueForecast';
import { EmptyStats } from './stats/EmptyStats';
import { ExamHistory } from './stats/ExamHistory';
import { Summary } from './stats/Summary';
import { TaskTable } from './stats/TaskTable';
import { useStatsData } from './stats/use-stats-data';
import { WeakAreas } from './stats/WeakAreas';
import './stats.css';

export function StatsView() {
  const data = useStatsData();
  if (!data) {
    return (
      <p className="loading" role="status">
        Loading your statistics…
      </p>
    );
  }
  if (data.totalAnswers === 0 && data.exams.length === 0 && data.unfinishedExams === 0)
    return (
      <div className="stats">
        <EmptyStats />
      </div>
    );

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
