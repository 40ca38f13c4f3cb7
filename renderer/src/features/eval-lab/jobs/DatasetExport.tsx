import { BEDROCK_MAX_PROMPTS_PER_JOB, toJsonLine } from '../../../../../shared/eval-dataset';
import { formatCount, plural } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { downloadText } from '../../../lib/download';

/** The run's items as Bedrock's prompt dataset (JSON Lines): prompt, referenceResponse, category. */
export function datasetLines(run: EvalRunRow): string[] {
  return run.items
    .filter((i) => !i.perturbation)
    .map((i) =>
      toJsonLine({
        prompt: i.prompt,
        ...(i.referenceResponse !== undefined ? { referenceResponse: i.referenceResponse } : {}),
        ...(i.category !== undefined ? { category: i.category } : {}),
      }),
    );
}

/** Step 1: the dataset file to upload to S3. */
export function DatasetExport({ run }: { run: EvalRunRow }) {
  const lines = datasetLines(run);
  const over = lines.length > BEDROCK_MAX_PROMPTS_PER_JOB;
  return (
    <section className="card" aria-labelledby="export-heading">
      <h3 id="export-heading">1. The dataset, as Bedrock reads it</h3>
      <p className="hint">
        {`One JSON object per line with prompt, referenceResponse and category: ${plural(lines.length, 'prompt')} (perturbed copies left out; Bedrock makes its own for robustness). A job takes at most ${formatCount(BEDROCK_MAX_PROMPTS_PER_JOB)}.`}
      </p>
      {over ? <p className="error">{`Too many prompts for one job: split the file.`}</p> : null}
      <pre className="jsonl-preview" aria-label="Dataset preview">
        {lines.slice(0, 3).join('\n')}
        {lines.length > 3 ? `\n… ${plural(lines.length - 3, 'more line')}` : ''}
      </pre>
      <div className="actions">
        <button
          type="button"
          onClick={() =>
            downloadText(`${run.dataset.id}.jsonl`, `${lines.join('\n')}\n`, 'application/jsonl')
          }
        >
          Download dataset (.jsonl)
        </button>
      </div>
      <p className="hint">
        Upload it to an S3 bucket in the same region, then give its s3:// URI below.
      </p>
    </section>
  );
}
