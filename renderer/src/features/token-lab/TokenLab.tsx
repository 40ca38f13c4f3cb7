/**
 * The token lab: where next-token probabilities come from (illustrative tables, a small model
 * trained on the notes, or a real model on Bedrock) and how sampling settings reshape them.
 * A container: each source is its own part, the settings live in `useLabSettings`.
 */
import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { Controls } from './Controls';
import { CuratedSource } from './CuratedSource';
import { LiveExperiment } from './LiveExperiment';
import { NgramSource } from './NgramSource';
import { useLabSettings } from './settings';
import './token-lab.css';

type Source = 'curated' | 'ngram' | 'live';

const SOURCES: { id: Source; label: string }[] = [
  { id: 'curated', label: 'Illustrative examples' },
  { id: 'ngram', label: 'A small model trained on the notes' },
  { id: 'live', label: 'A real model on Bedrock' },
];

export default function TokenLab() {
  const [source, setSource] = useState<Source>('curated');
  const [settings, setSettings] = useLabSettings();
  return (
    <section className="screen lab token-lab">
      <header className="screen-header">
        <ScreenHeading>Token lab</ScreenHeading>
        <p className="lede">
          How a language model picks its next word: scores become probabilities, temperature
          reshapes them, top-k and top-p cut the tail, and one token is drawn.
        </p>
      </header>
      <TabStrip
        tabs={SOURCES}
        current={source}
        onSelect={setSource}
        label="Where the probabilities come from"
      />
      {source === 'live' ? (
        <LiveExperiment />
      ) : (
        <div className="lab-grid">
          <aside className="card lab-side" aria-label="Sampling settings">
            <h2>Settings</h2>
            <Controls value={settings} onChange={setSettings} />
          </aside>
          <div className="lab-main">
            {source === 'curated' ? (
              <CuratedSource settings={settings} />
            ) : (
              <NgramSource settings={settings} />
            )}
          </div>
        </div>
      )}
    </section>
  );
}
