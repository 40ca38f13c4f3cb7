/**
 * Step 4: the exact CreateModelCustomizationJob request (what the AWS SDK sends, POST
 * /model-customization-jobs), what is missing or out of range, and the button that asks for the
 * confirmation. Nothing is uploaded or sent from here.
 */
import type { CustomizationJobRequest } from '../../../../../shared/customization-jobs-contract';
import { askToSend, type JobsState } from './jobs-store';

export function RequestPreview({
  request,
  problems,
  phase,
}: {
  request: CustomizationJobRequest;
  problems: string[];
  phase: JobsState['phase'];
}) {
  return (
    <section className="card cl-job-request" aria-labelledby="cl-job-request-h">
      <h2 id="cl-job-request-h">4. The CreateModelCustomizationJob request</h2>
      <p className="hint">
        Sent as it is shown, after the two files are uploaded to the S3 URIs it names. Bedrock
        checks it again (the role, the S3 objects, your quotas).
      </p>
      <pre className="cl-job-json" tabIndex={0} aria-label="CreateModelCustomizationJob request">
        {JSON.stringify(request, null, 2)}
      </pre>
      {problems.length > 0 ? (
        <ul className="cl-job-problems" aria-label="To fix before sending">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        className="primary"
        disabled={problems.length > 0 || phase !== 'idle'}
        onClick={askToSend}
      >
        Upload and start the job…
      </button>
    </section>
  );
}
