import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { ForwardView } from './ForwardView';
import { ImagesView } from './ImagesView';
import { ParticlesView } from './ParticlesView';
import { ReverseView } from './ReverseView';

type View = 'forward' | 'reverse' | 'particles' | 'bedrock';
const VIEWS: { id: View; label: string }[] = [
  { id: 'forward', label: 'Forward: adding noise' },
  { id: 'reverse', label: 'Reverse: removing noise' },
  { id: 'particles', label: 'New samples in 2-D' },
  { id: 'bedrock', label: 'Images on Bedrock' },
];

export default function DiffusionLab() {
  const [view, setView] = useState<View>('forward');
  return (
    <section className="screen lab">
      <header className="screen-header">
        <ScreenHeading>Diffusion lab</ScreenHeading>
        <p className="lede">
          How diffusion models make images: training adds noise step by step; generation removes it
          step by step, guided by a prompt. Everything here runs the real maths live, on this
          computer.
        </p>
      </header>
      <div
        className="tabs"
        role="tablist"
        aria-label="Diffusion views"
        onKeyDown={(e) => {
          const i = VIEWS.findIndex((x) => x.id === view);
          const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
          if (!step) return;
          const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
          setView(next.id);
          e.currentTarget.querySelector<HTMLElement>(`[data-tab="${next.id}"]`)?.focus();
        }}
      >
        {VIEWS.map((v) => (
          <button
            key={v.id}
            type="button"
            role="tab"
            data-tab={v.id}
            tabIndex={view === v.id ? 0 : -1}
            aria-selected={view === v.id}
            className={view === v.id ? 'tab active' : 'tab'}
            onClick={() => setView(v.id)}
          >
            {v.label}
          </button>
        ))}
      </div>
      {view === 'forward' ? <ForwardView /> : null}
      {view === 'reverse' ? <ReverseView /> : null}
      {view === 'particles' ? <ParticlesView /> : null}
      {view === 'bedrock' ? <ImagesView /> : null}
    </section>
  );
}
