/** The small model trained on the notes: any prompt, its next-word distribution, step by step. */
import { useId, useMemo, useState } from 'react';
import { formatCount } from '../../lib/format';
import { logitsFromDistribution } from '../../lib/ngram';
import { notesModel, TRAINING_WORDS } from './ngram-model';
import type { LabSettings } from './settings';
import { Stepper } from './Stepper';
import { useNotesModelReady } from './use-notes-model';

export function NgramSource({ settings }: { settings: LabSettings }) {
  const [prompt, setPrompt] = useState('Amazon Bedrock is a');
  const [appended, setAppended] = useState<string[]>([]);
  const ready = useNotesModelReady();
  const promptId = useId();

  const candidates = useMemo(() => {
    if (!ready) return null;
    const context = [prompt, ...appended].join(' ');
    const dist = notesModel().nextDistribution(context);
    return logitsFromDistribution(dist, dist.length);
  }, [ready, prompt, appended]);

  return (
    <>
      <div className="card source-card">
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
          trained in your browser on Stratum’s {formatCount(TRAINING_WORDS())}-word notes. It gives
          every word of its vocabulary a probability; unknown words fall back to shorter contexts. A
          foundation model does the same job, predicting a distribution over its vocabulary, with a
          neural network trained on trillions of tokens.
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
