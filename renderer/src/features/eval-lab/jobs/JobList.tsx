import { formatDateTime } from '../../../lib/format';
import { pollJob, refreshJobs, stopJob, useJobs } from './jobs-store';

/** The account's evaluation jobs in the region: status, Check status, Stop. */
export function JobList() {
  const s = useJobs();
  return (
    <section className="card" aria-labelledby="joblist-heading">
      <h3 id="joblist-heading">Your evaluation jobs</h3>
      <div className="actions">
        <button type="button" onClick={() => void refreshJobs()}>
          Refresh list
        </button>
      </div>
      {s.listed && s.jobs.length === 0 ? (
        <p className="hint">No evaluation jobs in this region yet.</p>
      ) : null}
      <ul className="job-list">
        {s.jobs.map((j) => {
          const detail = s.details[j.jobArn];
          const running = j.status === 'InProgress';
          return (
            <li key={j.jobArn} className="job" aria-label={j.jobName}>
              <p>
                <strong>{j.jobName}</strong>{' '}
                <span className={`job-status job-status-${j.status.toLowerCase()}`}>
                  {j.status}
                </span>
              </p>
              <p className="hint">{`${j.taskTypes.join(', ')} · ${j.modelIdentifiers.join(', ')} · created ${formatDateTime(j.creationTime)}`}</p>
              {detail?.status === 'Completed' && detail.outputS3Uri ? (
                <p>{`The report is in ${detail.outputS3Uri} (and in the Bedrock console, Evaluations).`}</p>
              ) : null}
              {detail && detail.failureMessages.length > 0 ? (
                <p className="error">{detail.failureMessages.join(' ')}</p>
              ) : null}
              <div className="actions">
                <button type="button" onClick={() => void pollJob(j.jobArn)}>
                  Check status
                </button>
                {running ? (
                  <button type="button" onClick={() => void stopJob(j.jobArn)}>
                    Stop job
                  </button>
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
