/**
 * The Practice screen: one place for every way to practise, as tabs with their own address
 * (#/practice/<view>) so other screens can link straight to, say, the due reviews.
 */
import { ScreenHeading } from '../../components/ScreenHeading';
import { RoutedTabs, type RoutedView } from '../../components/Tabs';
import { GenerateView } from './GenerateView';
import { ExamView } from './ExamView';
import { ManageView } from './ManageView';
import { QuickPractice } from './QuickPractice';
import { ReviewView } from './ReviewView';
import { StatsView } from './StatsView';

const VIEWS: readonly RoutedView[] = [
  { id: 'practice', label: 'Quick practice', Component: QuickPractice },
  { id: 'review', label: 'Spaced review', Component: ReviewView },
  { id: 'exam', label: 'Mock exam', Component: ExamView },
  { id: 'generate', label: 'Generate with Bedrock', Component: GenerateView },
  { id: 'manage', label: 'My questions', Component: ManageView },
  { id: 'stats', label: 'Stats', Component: StatsView },
];

export default function QuizScreen() {
  return (
    <section className="screen quiz-screen">
      <header className="screen-header">
        <ScreenHeading>Practice</ScreenHeading>
      </header>
      <RoutedTabs base="/practice" views={VIEWS} label="Practice modes" />
    </section>
  );
}
