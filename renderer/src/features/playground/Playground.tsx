/**
 * The Playground screen: hands-on work with Bedrock models, as tabs with their own address
 * (#/playground/<view>). Each view is its own component; this container only switches between
 * them and keeps the tab strip keyboard-operable (arrow keys move between tabs).
 */
import { type ComponentType } from 'react';
import { useLocation, useParams } from 'wouter';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ChatView } from './ChatView';
import { CompareView } from './CompareView';
import { LogView } from './LogView';

interface View {
  id: string;
  label: string;
  Component: ComponentType;
}

/** The Playground's tabs, in order. The first one is shown at /playground. */
const VIEWS: readonly View[] = [
  { id: 'chat', label: 'Chat', Component: ChatView },
  { id: 'compare', label: 'Compare', Component: CompareView },
  { id: 'log', label: 'Invocation log', Component: LogView },
];

export default function Playground() {
  const params = useParams<{ view?: string }>();
  const [, navigate] = useLocation();
  const current = VIEWS.find((v) => v.id === params.view) ?? VIEWS[0]!;
  const go = (id: string) => navigate(id === VIEWS[0]!.id ? '/playground' : `/playground/${id}`);
  return (
    <section className="screen playground-screen">
      <header className="screen-header">
        <ScreenHeading>Playground</ScreenHeading>
      </header>
      <div
        className="tabs"
        role="tablist"
        aria-label="Playground views"
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
