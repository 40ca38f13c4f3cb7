/** One customization job: status, its stages, failure message, loss figures and chart, Stop. */
import { formatDateTime } from '../../../lib/format';
import type {
  CustomizationJobDetail,
  CustomizationJobSummary,
  JobMetrics,
} from '../../../../../shared/customization-jobs-contract';
import { LossChart } from './LossChart';
import { askToStop, confirmStop, pollJob } from './jobs-store';

function Stages({ detail }: { detail: CustomizationJobDetail }) {
  const s = detail.stages;
  const rows: [string, string | null][] = [
    ['Validation', s.validation],
    ['Data processing', s.dataProcessing],
    ['Training', s.training],
  ];
  return (
    <ol className="cl-job-stages" aria-label="Stages">
      {rows.map(([label, status]) => (
        <li key={label} className={`cl-stage cl-stage-${(status ?? 'none').toLowerCase()}`}>
          {`${label}: ${status ?? 'not reported'}`}
        </li>
      ))}
    </ol>
  );
}

function Metrics({ detail, metrics }: { detail: CustomizationJobDetail; metrics?: JobMetrics }) {
  const figures = [
    detail.trainingLoss !== null ? `training loss ${detail.trainingLoss.toFixed(4)}` : null,
    detail.validationLoss !== null ? `validation loss ${detail.validationLoss.toFixed(4)}` : null,
  ].filter(Boolean);
  return (
    <>
      {figures.length ? (
        <p className="cl-job-figures">{`Final figures from Bedrock: ${figures.join(', ')}.`}</p>
      ) : null}
      {metrics && (metrics.training.length > 0 || metrics.validation.length > 0) ? (
        <LossChart metrics={metrics} />
      ) : null}
      {metrics?.notes.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    </>
  );
}

export function JobItem({
  job,
  detail,
  metrics,
  confirmingStop,
}: {
  job: CustomizationJobSummary;
  detail?: CustomizationJobDetail;
  metrics?: JobMetrics;
  confirmingStop: boolean;
}) {
  const running = job.status === 'InProgress';
  return (
    <li className="cl-job" aria-label={job.jobName}>
      <p>
        <strong>{job.jobName}</strong>{' '}
        <span className={`job-status cl-job-status-${job.status.toLowerCase()}`}>{job.status}</span>
      </p>
      <p className="hint">{`${job.customModelName ?? ''} · ${job.baseModelArn.split('/').pop() ?? ''} · created ${formatDateTime(job.creationTime)}`}</p>
      {detail ? <Stages detail={detail} /> : null}
      {detail?.failureMessage ? (
        <p className="field-error">{`Bedrock says the job failed: ${detail.failureMessage}`}</p>
      ) : null}
      {detail?.status === 'Completed' ? (
        <Metrics detail={detail} {...(metrics ? { metrics } : {})} />
      ) : null}
      <div className="actions">
        <button type="button" onClick={() => void pollJob(job.jobArn)}>
          Check status
        </button>
        {running && !confirmingStop ? (
          <button type="button" onClick={() => askToStop(job.jobArn)}>
            Stop job…
          </button>
        ) : null}
      </div>
      {running && confirmingStop ? (
        <div className="cl-job-confirm" role="alertdialog" aria-label={`Stop ${job.jobName}`}>
          <p>{`Stop "${job.jobName}"? Training stops and no custom model is made; what it has already trained is billed.`}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void confirmStop(job.jobArn)}>
              Yes, stop the job
            </button>
            <button type="button" onClick={() => askToStop(null)}>
              Keep it running
            </button>
          </div>
        </div>
      ) : null}
    </li>
  );
}
