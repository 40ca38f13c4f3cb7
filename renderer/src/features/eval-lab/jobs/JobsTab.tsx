import { useSettings } from '../../../app/settings-context';
import { RunChooser } from '../RunChooser';
import { useCurrentRun } from '../runs-store';
import { DatasetExport } from './DatasetExport';
import { JobList } from './JobList';
import { JobPlanForm } from './JobPlanForm';
import { RequestPreview } from './RequestPreview';
import { useJobs } from './jobs-store';
import { useJobPolling } from './use-job-polling';
import './jobs.css';

/** Evaluation jobs on Bedrock: the managed path for the same dataset, from export to report. */
export function JobsTab() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const run = useCurrentRun();
  const { fields, error } = useJobs();
  useJobPolling();
  return (
    <div className="jobs-tab">
      <section className="card" aria-labelledby="jobs-heading">
        <h2 id="jobs-heading">Evaluation jobs on Bedrock</h2>
        <p className="hint">
          The managed path: Bedrock reads the dataset from S3, calls the models, scores them and
          writes a report to S3, using a service role you create. Stratum builds the request from a
          run; starting it needs the S3 locations and the role.
        </p>
        <RunChooser purpose="turn it into a Bedrock job" />
      </section>
      {error ? (
        <p className="error" role="alert">
          {`${error.message} ${error.remedy ?? ''}`}
        </p>
      ) : null}
      {run ? (
        <>
          <DatasetExport run={run} />
          <JobPlanForm fields={fields} />
          <RequestPreview run={run} region={region} />
        </>
      ) : null}
      <JobList />
    </div>
  );
}
