/**
 * Home, the study dashboard: today's reviews with a Study button, what to continue, the plan to
 * the exam date, the last mock estimate and the weakest task statements; then reading progress,
 * the Bedrock connection, the exam at a glance and where everything is.
 */
import { lazy, Suspense } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ConnectionCard } from './ConnectionCard';
import { ExamCard } from './ExamCard';
import { NextSteps } from './NextSteps';

// The dashboard and the reading card read IndexedDB and the notes: lazy chunks, so Home's frame
// paints first and they fill in.
const Dashboard = lazy(() => import('./Dashboard'));
const ReadingProgress = lazy(() => import('../notes/ReadingProgress'));

export function Home() {
  return (
    <section className="screen">
      <header className="screen-header">
        <ScreenHeading>Welcome to Stratum</ScreenHeading>
        <p className="lede">
          Your study companion for the {EXAM_GUIDE.exam.name} exam ({EXAM_GUIDE.exam.code}).
        </p>
      </header>
      <Suspense fallback={<section className="card dashboard-loading" aria-busy="true" />}>
        <Dashboard />
      </Suspense>
      <div className="grid">
        <div className="stack">
          <Suspense fallback={<section className="card" aria-busy="true" />}>
            <ReadingProgress />
          </Suspense>
          <ConnectionCard />
        </div>
        <div className="stack">
          <NextSteps />
          <ExamCard />
        </div>
      </div>
    </section>
  );
}
