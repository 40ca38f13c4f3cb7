/**
 * The customization lab's Job on Bedrock tab (issue 17, part 5): upload a saved dataset to the
 * learner's S3 bucket and run a real model customization job, after a confirmation that shows the
 * estimated training cost; then follow it to its loss figures. A container for small parts.
 */
import { useSettings } from '../../../app/settings-context';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { useCustomDatasets } from '../../../db/custom-datasets';
import { Bucket, Prefix, requestProblems } from '../../../../../shared/customization-jobs-contract';
import { useCostInputs } from '../costs/costs-store';
import { HyperParameterFields } from './HyperParameterFields';
import { JobList } from './JobList';
import { JobSetup } from './JobSetup';
import { RequestPreview } from './RequestPreview';
import { S3Settings } from './S3Settings';
import { SendConfirmation, SendProgress } from './SendConfirmation';
import { estimateTraining } from './job-cost';
import { epochsOf, requestOf, useJobForm, type JobForm } from './job-form-store';
import { useJobsState } from './jobs-store';
import { usePreparedDataset, type Preparation } from './use-prepared-dataset';
import { useJobPolling } from './use-job-polling';
import './job.css';

/** What stops the request being sent, in the learner's words (the request's own checks last). */
function problemsOf(form: JobForm, prep: Preparation, request: unknown): string[] {
  const out: string[] = [];
  if (prep.status !== 'ready') out.push('Pick a saved dataset and wait for its check.');
  else {
    if (prep.prepared.split.training.length === 0)
      out.push('The dataset has no valid records for this model.');
    out.push(...prep.prepared.problems);
  }
  const bucket = Bucket.safeParse(form.bucket.trim());
  if (!bucket.success) out.push(`S3 bucket: ${bucket.error.issues[0]?.message ?? ''}`);
  const prefix = Prefix.safeParse(form.prefix.trim().replace(/^\/+|\/+$/g, ''));
  if (!prefix.success) out.push(`Key prefix: ${prefix.error.issues[0]?.message ?? ''}`);
  return [...out, ...requestProblems(request)];
}

export function JobTab() {
  const { state: settings } = useSettings();
  const region = settings?.settings.aws.region ?? 'us-east-1';
  const form = useJobForm();
  const jobs = useJobsState();
  const costs = useCostInputs();
  const rows = useCustomDatasets()?.rows ?? [];
  const row = rows.find((r) => r.id === form.datasetId) ?? null;
  const prep = usePreparedDataset(row, form.model, form.method, form.validationShare);
  useJobPolling(form.pollSeconds);
  const split = prep.status === 'ready' ? prep.prepared.split : null;
  const request = requestOf(form, Boolean(split && split.validation.length > 0));
  const problems = problemsOf(form, prep, request);
  const tokens = prep.status === 'ready' ? prep.prepared.trainingTokens : 0;
  const epochs = epochsOf(form);
  return (
    <div className="cl-job-tab">
      <S3Settings form={form} />
      <JobSetup form={form} rows={rows} prep={prep} />
      <HyperParameterFields form={form} />
      <RequestPreview request={request} problems={problems} phase={jobs.phase} />
      {jobs.phase === 'confirming' && split ? (
        <SendConfirmation
          plan={{
            bucket: form.bucket.trim(),
            prefix: form.prefix.trim().replace(/^\/+|\/+$/g, ''),
            trainingJsonl: split.trainingJsonl,
            validationJsonl: split.validationJsonl,
            request,
          }}
          region={region}
          estimate={estimateTraining(form.model, tokens, epochs, costs)}
          tokens={tokens}
          epochs={epochs}
        />
      ) : null}
      <SendProgress state={jobs} />
      {jobs.error ? (
        <p className="field-error cl-job-error" role="alert">
          {`${jobs.error.message} ${jobs.error.remedy ?? ''}`}
        </p>
      ) : null}
      <ResultsRegion
        label="Customization jobs"
        revealKey={jobs.startedArn}
        announce={jobs.startedArn ? 'The job was created; it is in the list below.' : null}
      >
        <JobList state={jobs} region={region} />
      </ResultsRegion>
    </div>
  );
}
