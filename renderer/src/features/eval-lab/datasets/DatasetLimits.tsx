/** The limits Bedrock states for a prompt dataset, and Stratum's own guards, labelled as such. */
import {
  BEDROCK_DATASET_EXTENSION,
  BEDROCK_MAX_PROMPTS_PER_JOB,
  STRATUM_DATASET_GUARDS,
} from '../../../../../shared/eval-dataset';
import { formatCount } from '../../../lib/format';

export function DatasetLimits() {
  return (
    <section className="card eval-limits" aria-labelledby="eval-limits-title">
      <h2 id="eval-limits-title">Limits</h2>
      <ul>
        <li>
          Bedrock reads a custom prompt dataset as JSON Lines ({BEDROCK_DATASET_EXTENSION}): one
          JSON object per line with <code>prompt</code> (required), <code>referenceResponse</code>{' '}
          and <code>category</code>.
        </li>
        <li>
          Bedrock: at most {formatCount(BEDROCK_MAX_PROMPTS_PER_JOB)} prompts in one automatic
          evaluation job.
        </li>
        <li>
          Stratum's own guards (not Bedrock's): the first{' '}
          {formatCount(STRATUM_DATASET_GUARDS.maxLines)} lines are read, and a line over{' '}
          {formatCount(STRATUM_DATASET_GUARDS.maxLineChars)} characters is refused.
        </li>
      </ul>
    </section>
  );
}
