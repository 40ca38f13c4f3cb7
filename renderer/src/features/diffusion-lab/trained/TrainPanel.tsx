/**
 * Train your own: a few hundred steps in a background worker with the loss curve drawn as it
 * goes, a Cancel that keeps the weights so far, and the result saved in this computer's
 * database and selected. Damaged saved models are named, not loaded.
 */
import { useState } from 'react';
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import type { SkippedModel } from '../../../db/diffusion-models';
import { formatCount, formatDuration, plural } from '../../../lib/format';
import { DEFAULT_TRAIN, LOSS_WINDOW as WINDOW } from '../../../lib/denoiser-train';
import { LossChart } from './LossChart';
import { DEFAULT_TRAIN_SETTINGS, useNetTraining, type TrainSettings } from './use-net-training';

const MAX_SEED = 2 ** 31 - 1;

export function TrainPanel({
  onSaved,
  skipped,
}: {
  onSaved: (id: string) => void;
  skipped: readonly SkippedModel[];
}) {
  const [s, setS] = useState<TrainSettings>(DEFAULT_TRAIN_SETTINGS);
  const training = useNetTraining(onSaved);
  const { progress, running } = training;
  const set = (patch: Partial<TrainSettings>) => setS((old) => ({ ...old, ...patch }));
  return (
    <section className="card train-panel" aria-labelledby="train-title">
      <h3 id="train-title">Train your own</h3>
      <p className="small">
        Trains the same network on the same {formatCount(4096)} pictures, {DEFAULT_TRAIN.batch} at a
        time, in a background worker. A few hundred steps from scratch give blurry blobs; the
        shipped weights had thousands. Continuing from the shipped weights shows fine-tuning.
      </p>
      <div className="train-fields">
        <IntegerField
          label="Training steps"
          value={s.steps}
          min={10}
          max={3000}
          onChange={(steps) => set({ steps })}
        />
        <SelectField
          label="Start from"
          value={s.start}
          options={[
            { value: 'fresh', label: 'Random weights' },
            { value: 'shipped', label: 'The shipped weights' },
          ]}
          onChange={(start) => set({ start })}
        />
        <IntegerField
          label="Training seed"
          value={s.seed}
          min={0}
          max={MAX_SEED}
          onChange={(seed) => set({ seed })}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void training.start(s)}
          disabled={running}
        >
          {running ? 'Training…' : `Train for ${plural(s.steps, 'step')}`}
        </button>
        {running ? (
          <button type="button" onClick={training.cancel}>
            Cancel training
          </button>
        ) : null}
        {progress ? (
          <span className="muted small" data-testid="train-progress" aria-live="polite">
            Step {formatCount(progress.step)} of {formatCount(progress.steps)} ·{' '}
            {formatDuration(progress.ms)}
          </span>
        ) : null}
      </div>
      {progress ? (
        <LossChart
          curve={progress.curve}
          window={WINDOW}
          totalSteps={progress.steps}
          label={`Training loss over ${plural(progress.step, 'step')}`}
        />
      ) : null}
      {training.message ? (
        <p className="status status-ok" role="status">
          {training.message}
        </p>
      ) : null}
      {training.error ? (
        <p className="status status-error" role="alert">
          {training.error}
        </p>
      ) : null}
      {skipped.length > 0 ? (
        <p className="status status-warn" role="note">
          {plural(skipped.length, 'saved model')} could not be read and{' '}
          {skipped.length === 1 ? 'was' : 'were'} skipped:{' '}
          {skipped.map((m) => `${m.id} (${m.problem})`).join('; ')}.
        </p>
      ) : null}
    </section>
  );
}
