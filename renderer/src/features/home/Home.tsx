/** Home: reading progress, the Bedrock connection, the exam at a glance and where to go next. */
import { lazy, Suspense } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ConnectionCard } from './ConnectionCard';
import { ExamCard } from './ExamCard';
import { NextSteps } from './NextSteps';

// The notes corpus is a lazy chunk: Home paints first, then the reading card fills in.
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
      <div className="grid">
        <div className="stack">
          <Suspense fallback={<section className="card" aria-busy="true" />}>
            <ReadingProgress />
          </Suspense>
          <ConnectionCard />
        </div>
        <div className="stack">
          <ExamCard />
          <NextSteps />
        </div>
      </div>
    </section>
  );
}
