import { BEDROCK_JUDGE_METRIC, JUDGE_METRICS } from '../../../../../shared/eval-judge-contract';
import { TextField } from '../../../components/TextField';
import { setFields, type PlanFields } from './jobs-store';

/** Step 2: what the job needs that only the learner has (S3 locations, a service role). */
export function JobPlanForm({ fields }: { fields: PlanFields }) {
  const toggle = (m: (typeof JUDGE_METRICS)[number], on: boolean) =>
    setFields({
      judgeMetrics: on
        ? JUDGE_METRICS.filter((x) => x === m || fields.judgeMetrics.includes(x))
        : fields.judgeMetrics.filter((x) => x !== m),
    });
  return (
    <section className="card" aria-labelledby="plan-heading">
      <h3 id="plan-heading">2. The job</h3>
      <fieldset className="mode-choice">
        <legend>Kind of job</legend>
        <label className="check">
          <input
            type="radio"
            name="job-kind"
            checked={fields.kind === 'automatic'}
            onChange={() => setFields({ kind: 'automatic' })}
          />
          Automatic metrics (Bedrock computes Accuracy, Robustness, Toxicity)
        </label>
        <label className="check">
          <input
            type="radio"
            name="job-kind"
            checked={fields.kind === 'judge'}
            onChange={() => setFields({ kind: 'judge' })}
          />
          Model as a judge
        </label>
      </fieldset>
      {fields.kind === 'judge' ? (
        <fieldset className="judge-metrics">
          <legend>Judge metrics</legend>
          {JUDGE_METRICS.map((m) => (
            <label key={m} className="check">
              <input
                type="checkbox"
                checked={fields.judgeMetrics.includes(m)}
                onChange={(e) => toggle(m, e.target.checked)}
              />
              <code>{BEDROCK_JUDGE_METRIC[m]}</code>
            </label>
          ))}
        </fieldset>
      ) : null}
      {fields.kind === 'judge' ? (
        <TextField
          label="Evaluator model ID"
          value={fields.evaluatorModel}
          placeholder="anthropic.claude-3-5-sonnet-20240620-v1:0"
          onChange={(v) => setFields({ evaluatorModel: v.trim() })}
        />
      ) : null}
      <div className="plan-grid">
        <TextField
          label="Job name"
          value={fields.jobName}
          placeholder="(suggested from the run)"
          onChange={(v) => setFields({ jobName: v.trim() })}
        />
        <TextField
          label="Dataset S3 URI"
          value={fields.datasetS3Uri}
          placeholder="s3://my-bucket/eval/dataset.jsonl"
          onChange={(v) => setFields({ datasetS3Uri: v.trim() })}
        />
        <TextField
          label="Output S3 URI"
          value={fields.outputS3Uri}
          placeholder="s3://my-bucket/eval/output/"
          onChange={(v) => setFields({ outputS3Uri: v.trim() })}
        />
        <TextField
          label="Service role ARN"
          value={fields.roleArn}
          placeholder="arn:aws:iam::123456789012:role/BedrockEval"
          onChange={(v) => setFields({ roleArn: v.trim() })}
        />
      </div>
    </section>
  );
}
