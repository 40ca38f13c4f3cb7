/** One tool call: its name, input, and its result, error or the learner's pending choice. */
import type { TimelineToolRun } from './timeline';
import { formatDuration } from '../../../lib/format';

const STATUS: Record<TimelineToolRun['status'], string> = {
  pending: 'Waiting for you',
  success: 'Result',
  error: 'Error returned to the model',
  declined: 'Declined',
};

export function ToolRunCard({
  run,
  onConfirm,
}: {
  run: TimelineToolRun;
  onConfirm?: (toolUseId: string, approve: boolean) => void;
}) {
  return (
    <article className={`agent-tool-run is-${run.status}`} aria-label={`Tool call ${run.name}`}>
      <h4>
        <code>{run.name}</code>
        <span className="agent-tool-status">{STATUS[run.status]}</span>
      </h4>
      <p className="agent-label">Input</p>
      <pre className="agent-json">{run.input}</pre>
      {run.output !== null ? (
        <>
          <p className="agent-label">
            Output{run.durationMs !== null ? ` (${formatDuration(run.durationMs)})` : ''}
          </p>
          <pre className="agent-json">{run.output}</pre>
        </>
      ) : null}
      {run.error !== null ? <p className="agent-tool-error">{run.error}</p> : null}
      {run.status === 'pending' && onConfirm ? (
        <div className="actions">
          <button type="button" className="primary" onClick={() => onConfirm(run.toolUseId, true)}>
            Run {run.name}
          </button>
          <button type="button" onClick={() => onConfirm(run.toolUseId, false)}>
            Decline {run.name}
          </button>
        </div>
      ) : null}
    </article>
  );
}
