/** The account's customization jobs in the Region, newest first, with status and polling. */
import { plural } from '../../../lib/format';
import { JobItem } from './JobItem';
import { refreshJobs, type JobsState } from './jobs-store';

export function JobList({ state, region }: { state: JobsState; region: string }) {
  return (
    <section className="card cl-job-list" aria-labelledby="cl-job-list-h">
      <h2 id="cl-job-list-h">Your customization jobs</h2>
      <div className="actions">
        <button type="button" onClick={() => void refreshJobs()}>
          Refresh list
        </button>
        <span className="hint">
          {state.listed ? `${plural(state.jobs.length, 'job')} in ${region}.` : 'Listing…'}
        </span>
      </div>
      <ul className="cl-jobs">
        {state.jobs.map((j) => (
          <JobItem
            key={j.jobArn}
            job={j}
            {...(state.details[j.jobArn] ? { detail: state.details[j.jobArn] } : {})}
            {...(state.metrics[j.jobArn] ? { metrics: state.metrics[j.jobArn] } : {})}
            confirmingStop={state.stopping === j.jobArn}
          />
        ))}
      </ul>
    </section>
  );
}
