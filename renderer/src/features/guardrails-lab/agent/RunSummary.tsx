/** The run's status and totals: steps, tokens and cost as main summed them. */
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import type { AgentRunView } from './timeline';

const STATUS: Record<AgentRunView['status'], string> = {
  running: 'Running…',
  waiting: 'Waiting for you to run or decline the tool calls above.',
  done: 'Answered.',
  'step-limit': 'Ended at the step limit.',
  'cost-limit': 'Ended at the cost limit.',
  stopped: 'Stopped.',
  failed: 'Failed.',
};

export function RunSummary({ run }: { run: AgentRunView }) {
  const t = run.totals;
  return (
    <p className="agent-summary" role="status">
      <strong>{STATUS[run.status]}</strong>
      {t ? (
        <>
          {' '}
          {plural(t.steps, 'model turn')} · {formatCount(t.inputTokens)} input and{' '}
          {formatCount(t.outputTokens)} output tokens ·{' '}
          {formatUsdOrUnknown(t.costUsd, 'cost unknown')}
        </>
      ) : null}
    </p>
  );
}
