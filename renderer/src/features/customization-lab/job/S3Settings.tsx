/** Where the job's files go and which role Bedrock uses: kept across reloads (job-form-store). */
import { IntegerField } from '../../../components/fields';
import { POLL_SECONDS, setJobForm, type JobForm } from './job-form-store';
import { TextField } from '../../../components/TextField';

export function S3Settings({ form }: { form: JobForm }) {
  return (
    <section className="card cl-job-s3" aria-labelledby="cl-job-s3-h">
      <h2 id="cl-job-s3-h">1. Your S3 location and service role</h2>
      <p className="hint">
        Stratum uploads train.jsonl and validation.jsonl under the prefix, and Bedrock writes the
        job&apos;s output (metrics included) to output/ beside them. Kept on this computer for next
        time; nothing is sent until you confirm.
      </p>
      <div className="cl-job-grid">
        <TextField
          label="S3 bucket"
          value={form.bucket}
          placeholder="my-training-bucket"
          onChange={(bucket) => setJobForm({ bucket })}
          hint="In the Region chosen in Settings."
        />
        <TextField
          label="Key prefix"
          value={form.prefix}
          onChange={(prefix) => setJobForm({ prefix })}
          hint="A folder in the bucket, e.g. stratum/run-1."
        />
        <TextField
          label="Service role ARN"
          value={form.roleArn}
          placeholder="arn:aws:iam::123456789012:role/BedrockCustomization"
          onChange={(roleArn) => setJobForm({ roleArn })}
          hint="A role that trusts bedrock.amazonaws.com and may read the data and write output/; you need iam:PassRole on it."
        />
        <IntegerField
          label="Check jobs every"
          unit=" seconds"
          min={POLL_SECONDS.min}
          max={POLL_SECONDS.max}
          value={form.pollSeconds}
          onChange={(pollSeconds) => setJobForm({ pollSeconds })}
        />
      </div>
    </section>
  );
}
