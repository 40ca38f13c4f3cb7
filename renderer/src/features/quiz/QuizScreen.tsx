/**
 * The Practice screen: one place for every way to practise, as tabs with their own address
 * (#/practice/<view>) so other screens can link straight to, say, the due reviews.
 */
import { type ComponentType } from 'react';
import { useLocation, useParams } from 'wouter';
import { ScreenHeading } from '../../components/ScreenHeading';
import { GenerateView } from './GenerateView';
import { ExamView } from './ExamView';
import { ManageView } from './ManageView';
import { QuickPractice } from './QuickPractice';
import { ReviewView } from './ReviewView';
import { StatsView } from './StatsView';

interface View {
  id: string;
  label: string;
  Component: ComponentType;
}

const VIEWS: readonly View[] = [
  { id: 'practice', label: 'Quick practice', Component: QuickPractice },
  { id: 'review', label: 'Spaced review', Component: ReviewView },
  { id: 'exam', label: 'Mock exam', Component: ExamView },
  { id: 'generate', label: 'Generate with Bedrock', Component: GenerateView },
  { id: 'manage', label: 'My questions', Component: ManageView },
  { id: 'stats', label: 'Stats', Component: StatsView },
];

export default function QuizScreen() {
  const params = useParams<{ view?: string }>();
  const [, navigate] = useLocation();
  const current = VIEWS.find((v) => v.id === params.view) ?? VIEWS[0]!;
  const go = (id: string) => navigate(id === VIEWS[0]!.id ? '/practice' : `/practice/${id}`);
  return (
    <section className="screen quiz-screen">
      <header className="screen-header">
        <ScreenHeading>Practice</ScreenHeading>
      </header>
      <div
        className="tabs"
        role="tablist"
        aria-label="Practice modes"
        onKeyDown={(e) => {
          const i = VIEWS.indexOf(current);
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
          go(next.id);
          requestAnimationFrame(() =>
            document.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus(),
          );
        }}
      >
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            data-tab={v.id}
            tabIndex={current.id === v.id ? 0 : -1}
            aria-selected={current.id === v.id}
            className={current.id === v.id ? 'tab active' : 'tab'}
            onClick={() => go(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={current.label}>
        <current.Component key={current.id} />
      </div>
    </section>
  );
}
