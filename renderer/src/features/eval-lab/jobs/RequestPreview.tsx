import { EvaluationJobRequest } from '../../../../../shared/eval-jobs';
import type { EvalRunRow } from '../runs-store';
import { askToStart, cancelStart, confirmStart, requestFor, useJobs } from './jobs-store';

/** Step 3: the CreateEvaluationJob request, what is missing, and Start (after a confirmation). */
export function RequestPreview({ run, region }: { run: EvalRunRow; region: string }) {
  const s = useJobs();
  const request = requestFor(run, s.fields);
  const check = EvaluationJobRequest.safeParse(request);
  const problems = check.success
    ? []
    : check.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return (
    <section className="card" aria-labelledby="request-heading">
      <h3 id="request-heading">3. The CreateEvaluationJob request</h3>
      <p className="hint">
        What the AWS SDK sends (POST /evaluation-jobs). Bedrock runs the models itself, so the job
        is billed for its own model calls.
      </p>
      <pre className="request-json" aria-label="CreateEvaluationJob request">
        {JSON.stringify(request, null, 2)}
      </pre>
      {problems.length > 0 ? (
        <ul className="problems" aria-label="Missing or invalid">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={!check.success || s.starting || s.confirming}
          onClick={askToStart}
        >
          {s.starting ? 'Starting…' : 'Start this job on Bedrock'}
        </button>
      </div>
      {s.confirming ? (
        <div className="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{`Start "${request.jobName}" in ${region}? Bedrock will call ${request.inferenceConfig.models.length === 1 ? 'the model' : 'both models'} on every prompt and bill your account; the job takes minutes or longer.`}</p>
          <div className="actions">
            <button type="button" className="primary" onClick={() => void confirmStart(run)}>
              Yes, start the job
            </button>
            <button type="button" onClick={cancelStart}>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
