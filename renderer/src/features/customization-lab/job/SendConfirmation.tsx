/**
 * The confirmation before anything is sent: where the files go, the job, and the estimated
 * training cost from the learner's own price (or why it is unknown). Then the upload's progress.
 */
import { useEffect, useRef } from 'react';
import { formatCount, formatUsd, plural } from '../../../lib/format';
import type { CustomizationJobRequest } from '../../../../../shared/customization-jobs-contract';
import type { TrainingEstimate } from './job-cost';
import { freshNames } from './job-form-store';
import { cancelSend, confirmSend, type JobsState, type SendPlan } from './jobs-store';

function CostLine({
  estimate,
  tokens,
  epochs,
}: {
  estimate: TrainingEstimate;
  tokens: number;
  epochs: number;
}) {
  if (!estimate.known)
    return (
      <p className="cl-job-cost-unknown">{`Estimated training cost: unknown. ${estimate.reason}`}</p>
    );
  return (
    <p className="cl-job-cost">
      {`Estimated training cost: ${formatUsd(estimate.usd)} (${formatCount(tokens)} tokens × ${plural(epochs, 'epoch')} × ${formatUsd(estimate.usdPer1k)} per 1,000 tokens, the price you entered on the Costs tab; tokens are estimated). Storing the custom model and serving it are billed separately.`}
    </p>
  );
}

export function SendConfirmation({
  plan,
  region,
  estimate,
  tokens,
  epochs,
}: {
  plan: SendPlan;
  region: string;
  estimate: TrainingEstimate;
  tokens: number;
  epochs: number;
}) {
  const request: CustomizationJobRequest = plan.request;
  const box = useRef<HTMLDivElement>(null);
  // The question appears below the button that asked for it: bring it into view and focus.
  useEffect(() => {
    box.current?.scrollIntoView({ block: 'nearest' });
    box.current?.focus();
  }, []);
  const files = plan.validationJsonl ? 'train.jsonl and validation.jsonl' : 'train.jsonl';
  return (
    <div
      ref={box}
      tabIndex={-1}
      className="cl-job-confirm"
      role="alertdialog"
      aria-labelledby="cl-job-confirm-text"
    >
      <p id="cl-job-confirm-text">
        {`Upload ${files} to s3://${plan.bucket}/${plan.prefix ? `${plan.prefix}/` : ''} and start "${request.jobName}" on ${request.baseModelIdentifier} in ${region}? The job runs in your AWS account, which is billed for it.`}
      </p>
      <CostLine estimate={estimate} tokens={tokens} epochs={epochs} />
      <div className="actions">
        <button
          type="button"
          className="primary"
          onClick={() => void confirmSend(plan, freshNames)}
        >
          Yes, upload and start
        </button>
        <button type="button" onClick={cancelSend}>
          Cancel
        </button>
      </div>
    </div>
  );
}

export function SendProgress({ state }: { state: JobsState }) {
  if (state.phase === 'creating') return <p role="status">Creating the job on Bedrock…</p>;
  const p = state.progress;
  if (state.phase !== 'uploading' || !p) return null;
  return (
    <div className="cl-job-progress" role="status">
      <label>
        {`Uploading ${p.file}: ${formatCount(p.doneBytes)} of ${formatCount(p.totalBytes)} bytes sent`}
        <progress value={p.doneBytes} max={Math.max(1, p.totalBytes)} />
      </label>
    </div>
  );
}
