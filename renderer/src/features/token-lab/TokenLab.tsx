import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { logitsFromDistribution } from '../../lib/ngram';
import {
  greedyIndex,
  pipeline,
  PIPELINE_ORDER,
  sampleIndex,
  type Candidate,
  type PipelineResult,
} from '../../lib/sampling';
import { createRng, type Rng } from '../../../../shared/random';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { Controls } from './Controls';
import { LiveExperiment } from './LiveExperiment';
import { notesModel, TRAINING_WORDS } from './ngram-model';
import { PipelineTable } from './PipelineTable';
import { RepeatedSampling } from './RepeatedSampling';
import { SCENARIOS, type ScenarioStep } from './scenarios';
import { loadLabSettings, saveLabSettings, type LabSettings } from './settings';
import './token-lab.css';

type Source = 'curated' | 'ngram' | 'live';

const SOURCES: { id: Source; label: string }[] = [
  { id: 'curated', label: 'Illustrative examples' },
  { id: 'ngram', label: 'A small model trained on the notes' },
  { id: 'live', label: 'A real model on Bedrock' },
];

function useSettings(): [LabSettings, (s: LabSettings) => void] {
  const [settings, setSettings] = useState(loadLabSettings);
  useEffect(() => saveLabSettings(settings), [settings]);
  return [settings, setSettings];
}

/** Walks an illustrative scenario along the tokens appended so far. */
function scenarioStep(root: ScenarioStep, path: readonly string[]): ScenarioStep | null {
  let step: ScenarioStep | undefined = root;
  for (const token of path) step = step?.next?.[token];
  return step ?? null;
}

function Stepper({
  prompt,
  appended,
  candidates,
  settings,
  onStep,
  onRewind,
  endMessage,
}: {
  prompt: string;
  appended: string[];
  candidates: Candidate[] | null;
  settings: LabSettings;
  onStep: (token: string) => void;
  onRewind: () => void;
  endMessage: string;
}) {
  const result = useMemo(
    () => (candidates ? pipeline(candidates, settings) : null),
    [candidates, settings],
  );
  // A choice belongs to one distribution: new candidates or settings make it stale.
  const [choice, setChoice] = useState<{
    for: PipelineResult;
    index: number;
    how: 'sampled' | 'greedy';
  } | null>(null);
  const rng = useRef<{ seed: number; rng: Rng } | null>(null);
  const chosen = choice && choice.for === result ? choice.index : null;
  const how = choice?.how ?? null;
  const setChosen = (index: number, kind: 'sampled' | 'greedy') =>
    result && setChoice({ for: result, index, how: kind });

  const nextRng = (): Rng => {
    if (rng.current?.seed !== settings.seed)
      rng.current = { seed: settings.seed, rng: createRng(settings.seed) };
    return rng.current.rng;
  };

  return (
    <>
      <section className="card" aria-labelledby="step-heading">
        <h2 id="step-heading">One step of generation</h2>
        <p className="lab-text" data-testid="lab-text">
          <span>{prompt}</span>
          {appended.map((t, i) => (
            <span key={i} className="appended">
              {' '}
              {t}
            </span>
          ))}
          <span className="caret" aria-hidden="true">
            ▍
          </span>
        </p>
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={!result}
            onClick={() => {
              if (!result) return;
              setChosen(sampleIndex(result.final, nextRng().next()), 'sampled');
            }}
          >
            Sample
          </button>
          <button
            type="button"
            disabled={!result}
            onClick={() => {
              if (!result) return;
              setChosen(greedyIndex(result.final), 'greedy');
            }}
          >
            Greedy
          </button>
          <button
            type="button"
            disabled={chosen === null || !candidates}
            onClick={() => candidates && chosen !== null && onStep(candidates[chosen]!.token)}
          >
            Step (append{chosen !== null && candidates ? ` “${candidates[chosen]!.token}”` : ''})
          </button>
          <button type="button" disabled={appended.length === 0} onClick={onRewind}>
            Rewind
          </button>
          <span role="status" className="muted">
            {chosen !== null && candidates
              ? `${how === 'greedy' ? 'Greedy picked' : 'Sampled'} “${candidates[chosen]!.token}” (${((result?.final[chosen] ?? 0) * 100).toFixed(2)}%).`
              : ''}
          </span>
        </div>
        <p className="muted small">
          Order: {PIPELINE_ORDER}. Temperature 0 is greedy: all probability goes to the top token.
        </p>
      </section>
      {candidates && result ? (
        <section className="card">
          <PipelineTable
            candidates={candidates}
            result={result}
            chosen={chosen}
            settings={settings}
          />
        </section>
      ) : (
        <p className="status status-idle">{endMessage}</p>
      )}
      {candidates ? <RepeatedSampling candidates={candidates} settings={settings} /> : null}
    </>
  );
}

function CuratedSource({ settings }: { settings: LabSettings }) {
  const [scenarioId, setScenarioId] = useState(SCENARIOS[0]!.id);
  const [path, setPath] = useState<string[]>([]);
  const selectId = useId();
  const scenario = SCENARIOS.find((s) => s.id === scenarioId) ?? SCENARIOS[0]!;
  const step = scenarioStep(scenario.root, path);
  return (
    <>
      <div className="card">
        <div className="field">
          <label htmlFor={selectId}>Example</label>
          <select
            id={selectId}
            value={scenarioId}
            onChange={(e) => {
              setScenarioId(e.target.value);
              setPath([]);
            }}
          >
            {SCENARIOS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.title}: “{s.prompt} …”
              </option>
            ))}
          </select>
        </div>
        <p className="status status-warn small" role="note">
          Illustrative numbers, chosen by hand to teach: not measured from a real model.{' '}
          {scenario.note}
        </p>
      </div>
      <Stepper
        prompt={scenario.prompt}
        appended={path}
        candidates={step?.candidates ?? null}
        settings={settings}
        onStep={(t) => setPath([...path, t])}
        onRewind={() => setPath(path.slice(0, -1))}
        endMessage="This illustrative example has no table after that word. Rewind, or switch to the small model to continue with any word."
      />
    </>
  );
}

function NgramSource({ settings }: { settings: LabSettings }) {
  const [prompt, setPrompt] = useState('Amazon Bedrock is a');
  const [appended, setAppended] = useState<string[]>([]);
  const [ready, setReady] = useState(false);
  const promptId = useId();

  // Training takes a moment: let "Training…" paint first.
  useEffect(() => {
    const t = setTimeout(() => {
      notesModel();
      setReady(true);
    }, 20);
    return () => clearTimeout(t);
  }, []);

  const candidates = useMemo(() => {
    if (!ready) return null;
    const context = [prompt, ...appended].join(' ');
    const dist = notesModel().nextDistribution(context);
    return logitsFromDistribution(dist, dist.length);
  }, [ready, prompt, appended]);

  return (
    <>
      <div className="card">
        <div className="field">
          <label htmlFor={promptId}>Prompt</label>
          <input
            id={promptId}
            value={prompt}
            onChange={(e) => {
              setPrompt(e.target.value);
              setAppended([]);
            }}
            placeholder="Type anything, in any language"
          />
        </div>
        <p className="muted small">
          A real (if tiny) language model: word trigrams with interpolated Kneser-Ney smoothing,
          trained in your browser on Stratum’s {TRAINING_WORDS().toLocaleString()}-word notes. It
          gives every word of its vocabulary a probability; unknown words fall back to shorter
          contexts. A foundation model does the same job, predicting a distribution over its
          vocabulary, with a neural network trained on trillions of tokens.
        </p>
      </div>
      {ready ? (
        <Stepper
          prompt={prompt}
          appended={appended}
          candidates={candidates}
          settings={settings}
          onStep={(t) => setAppended([...appended, t])}
          onRewind={() => setAppended(appended.slice(0, -1))}
          endMessage=""
        />
      ) : (
        <p className="loading" role="status">
          Training the model on the notes…
        </p>
      )}
    </>
  );
}

export default function TokenLab() {
  const [source, setSource] = useState<Source>('curated');
  const [settings, setSettings] = useSettings();
  return (
    <section className="screen lab">
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
