/**
 * The Practice screen: one place for every way to practise, as tabs with their own address
 * (#/practice/<view>) so other screens can link straight to, say, the due reviews. The Generate
 * tab shows how many generated items wait for review, e.g. "Generate with Bedrock (3)".
 */
import { useMemo } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { RoutedTabs, type RoutedView } from '../../components/Tabs';
import { GenerateView } from './GenerateView';
import { ExamView } from './ExamView';
import { usePendingCount } from './generation-store';
import { useLearnerCases } from './learner-cases';
import { ManageView } from './ManageView';
import { QuickPractice } from './QuickPractice';
import { ReviewView } from './ReviewView';
import { StatsView } from './StatsView';
import './practice.css';
import './stats.css';
import './review-exam.css';
import './generate-manage.css';

const VIEWS: readonly RoutedView[] = [
  { id: 'practice', label: 'Quick practice', Component: QuickPractice },
  { id: 'review', label: 'Spaced review', Component: ReviewView },
  { id: 'exam', label: 'Mock exam', Component: ExamView },
  { id: 'generate', label: 'Generate with Bedrock', Component: GenerateView },
  { id: 'manage', label: 'My questions', Component: ManageView },
  { id: 'stats', label: 'Stats', Component: StatsView },
];

export default function QuizScreen() {
  const waiting = usePendingCount();
  // Keeps the learner's own case studies live while the screen is open (scenarios, source checks).
  useLearnerCases();
  const views = useMemo(
    () =>
      waiting > 0
        ? VIEWS.map((v) => (v.id === 'generate' ? { ...v, label: `${v.label} (${waiting})` } : v))
        : VIEWS,
    [waiting],
  );
  return (
    <section className="screen quiz-screen">
      <header className="screen-header">
        <ScreenHeading>Practice</ScreenHeading>
      </header>
      <RoutedTabs base="/practice" views={views} label="Practice modes" />
    </section>
  );
}
