/**
 * The agent timeline: one card per step (a model turn, the tool calls it asked for side by side,
 * a Bedrock agent's trace step), then the answer and any notice. Shared by both agent tabs.
 */
import { formatCount, plural } from '../../../lib/format';
import { StepStatsLine } from './StepStatsLine';
import type { TimelineItem } from './timeline';
import { ToolRunCard } from './ToolRunCard';

function ModelCard({ item }: { item: Extract<TimelineItem, { kind: 'model' }> }) {
  const thinking = item.stats === null;
  return (
    <li className="agent-step is-model">
      <h3>
        Step {item.turn}: the model {thinking ? 'is thinking…' : 'answered'}
      </h3>
      {item.text ? <p className="agent-text">{item.text}</p> : null}
      {item.calls.length > 0 ? (
        <p>
          Asks for {plural(item.calls.length, 'tool call')}:{' '}
          {item.calls.map((c, i) => (
            <span key={`${c}-${i}`}>
              {i > 0 ? ', ' : null}
              <code>{c}</code>
            </span>
          ))}
        </p>
      ) : null}
      {item.stopReason ? (
        <p className="agent-step-stats">
          Stop reason <code>{item.stopReason}</code>
        </p>
      ) : null}
      {item.stats ? <StepStatsLine stats={item.stats} /> : null}
    </li>
  );
}

function ToolsCard({
  item,
  onConfirm,
}: {
  item: Extract<TimelineItem, { kind: 'tools' }>;
  onConfirm?: ((toolUseId: string, approve: boolean) => void) | undefined;
}) {
  const parallel = item.runs.length > 1;
  return (
    <li className="agent-step is-tools">
      <h3>
        Step {item.turn}: {parallel ? `${item.runs.length} tool calls, run together` : 'tool call'}
      </h3>
      <div className={parallel ? 'agent-tool-group is-parallel' : 'agent-tool-group'}>
        {item.runs.map((run) => (
          <ToolRunCard key={run.toolUseId} run={run} {...(onConfirm ? { onConfirm } : {})} />
        ))}
      </div>
    </li>
  );
}

/** Details longer than this fold away (an agent's prompt runs to thousands of characters). */
const LONG = 400;

function TraceCard({ item }: { item: Extract<TimelineItem, { kind: 'trace' }> }) {
  return (
    <li className="agent-step is-trace">
      <h3>
        {item.label} <span className="agent-stage">{item.stage}</span>
      </h3>
      {item.text ? <p className="agent-text">{item.text}</p> : null}
      {item.details.length > 0 ? (
        <dl className="agent-details">
          {item.details.map((d, i) => (
            <div key={`${d.name}-${i}`}>
              <dt>{d.name}</dt>
              <dd>
                {d.value.length > LONG ? (
                  <details>
                    <summary>Show all {formatCount(d.value.length)} characters</summary>
                    {d.value}
                  </details>
                ) : (
                  d.value
                )}
              </dd>
            </div>
          ))}
        </dl>
      ) : null}
      {item.stats ? <StepStatsLine stats={item.stats} /> : null}
    </li>
  );
}

export function Timeline({
  items,
  label,
  onConfirm,
}: {
  items: readonly TimelineItem[];
  label: string;
  onConfirm?: (toolUseId: string, approve: boolean) => void;
}) {
  return (
    <ol className="agent-timeline" aria-label={label}>
      {items.map((item) => {
        switch (item.kind) {
          case 'model':
            return <ModelCard key={item.key} item={item} />;
          case 'tools':
            return <ToolsCard key={item.key} item={item} onConfirm={onConfirm} />;
          case 'trace':
            return <TraceCard key={item.key} item={item} />;
          case 'answer':
            return (
              <li key={item.key} className="agent-step is-answer">
                <h3>Final answer</h3>
                <p className="agent-text">{item.text}</p>
              </li>
            );
          case 'notice':
            return (
              <li key={item.key} className={`agent-step is-notice is-${item.tone}`} role="status">
                <p>{item.text}</p>
              </li>
            );
        }
      })}
    </ol>
  );
}
