import type { JudgeMetric } from '../../../../../shared/eval-judge-contract';
import { METRIC_INFO, type ScoresEvent } from '../../../lib/eval/judge';
import { plural } from '../../../lib/format';

function clip(text: string, max = 140): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function ScoreRow({
  event,
  prompt,
  label,
  metrics,
}: {
  event: ScoresEvent;
  prompt: string;
  label: string;
  metrics: readonly JudgeMetric[];
}) {
  return (
    <tr>
      <td className="prompt-cell">{clip(prompt)}</td>
      <td>{label}</td>
      {metrics.map((m) => {
        const s = event.scores.find((x) => x.metric === m);
        return <td key={m}>{s?.score ?? '–'}</td>;
      })}
      <td className="reasoning-cell">
        {event.problem ? (
          <p className="unscored">
            {`Unscored after ${plural(event.attempts, 'attempt')}: ${event.problem}.`}
          </p>
        ) : (
          <details>
            <summary>Reasoning{event.attempts > 1 ? ' (second attempt)' : ''}</summary>
            <dl>
              {event.scores.map((s) => (
                <div key={s.metric}>
                  <dt>{METRIC_INFO[s.metric].label}</dt>
                  <dd>{s.reasoning}</dd>
                </div>
              ))}
            </dl>
          </details>
        )}
      </td>
    </tr>
  );
}

/** Single mode: every response's scores, with the judge's reasoning under each row. */
export function ScoreTable({
  events,
  metrics,
  prompts,
  labels,
}: {
  events: readonly ScoresEvent[];
  metrics: readonly JudgeMetric[];
  prompts: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
}) {
  return (
    <div className="table-wrap">
      <table className="judge-scores">
        <caption>Judge scores (1 to 5) per response</caption>
        <thead>
          <tr>
            <th scope="col">Prompt</th>
            <th scope="col">Response from</th>
            {metrics.map((m) => (
              <th scope="col" key={m}>
                {METRIC_INFO[m].label}
              </th>
            ))}
            <th scope="col">Reasoning</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <ScoreRow
              key={`${e.itemId}\u0001${e.responseKey}`}
              event={e}
              prompt={prompts.get(e.itemId) ?? e.itemId}
              label={labels.get(e.responseKey) ?? e.responseKey}
              metrics={metrics}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}
