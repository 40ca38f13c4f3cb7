import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { ForwardView } from './ForwardView';
import { ImagesView } from './ImagesView';
import { ParticlesView } from './ParticlesView';
import { ReverseView } from './ReverseView';
import { TrainedView } from './trained/TrainedView';
import './diffusion-lab.css';

type View = 'forward' | 'reverse' | 'trained' | 'particles' | 'bedrock';
const VIEWS: { id: View; label: string }[] = [
  { id: 'forward', label: 'Adding noise' },
  { id: 'reverse', label: 'Removing noise' },
  { id: 'trained', label: 'A trained network' },
  { id: 'particles', label: 'Samples in 2-D' },
  { id: 'bedrock', label: 'Images on Bedrock' },
];

export default function DiffusionLab() {
  const [view, setView] = useState<View>('forward');
  return (
    <section className="screen lab diffusion-lab">
      <header className="screen-header">
        <ScreenHeading>Diffusion lab</ScreenHeading>
        <p className="lede">
          How diffusion models make images: training adds noise step by step; generation removes it
          step by step, guided by a prompt. Everything here runs the real maths live, on this
          computer.
        </p>
      </header>
      <TabStrip tabs={VIEWS} current={view} onSelect={setView} label="Diffusion views" />
      {view === 'forward' ? <ForwardView /> : null}
      {view === 'reverse' ? <ReverseView /> : null}
      {view === 'trained' ? <TrainedView /> : null}
      {view === 'particles' ? <ParticlesView /> : null}
      {view === 'bedrock' ? <ImagesView /> : null}
    </section>
  );
}
