import { JUDGE_MAX_TOKENS } from '../../../../../shared/eval-judge-contract';
import type { JudgeCostEstimate } from '../../../lib/eval/judge';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';

/** The most the judge calls about to be sent (a new judge run, or a Resume) can cost. */
export function JudgeEstimate({ estimate }: { estimate: JudgeCostEstimate }) {
  if (estimate.calls === 0) return null;
  return (
    <p className="small judge-estimate">
      {`At most ${formatUsdOrUnknown(estimate.usd, 'unknown (a judge model without a list price)')} for ${plural(estimate.calls, 'judge call')}: about ${formatCount(estimate.inputTokens)} input tokens (4 characters each) and every reply reaching ${formatCount(JUDGE_MAX_TOKENS)} tokens; most cost far less. A reply that breaks the schema is asked for once more (one more call, not counted here).`}
    </p>
  );
}
