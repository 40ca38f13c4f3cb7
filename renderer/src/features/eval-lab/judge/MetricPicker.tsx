import { useId } from 'react';
import {
  JUDGE_METRICS,
  MAX_RUBRIC_CHARS,
  BEDROCK_JUDGE_METRIC,
  type JudgeMetric,
} from '../../../../../shared/eval-judge-contract';
import { METRIC_INFO } from '../../../lib/eval/judge';
import { setMetric, type JudgeSettings } from './judge-store';

function MetricRow({
  metric,
  value,
}: {
  metric: JudgeMetric;
  value: JudgeSettings['metrics'][JudgeMetric];
}) {
  const id = useId();
  const info = METRIC_INFO[metric];
  return (
    <li className="metric-row">
      <label className="check">
        <input
          type="checkbox"
          checked={value.on}
          onChange={(e) => setMetric(metric, { on: e.target.checked })}
        />
        <span>
          <strong>{info.label}</strong> <code>{BEDROCK_JUDGE_METRIC[metric]}</code>
        </span>
      </label>
      <p className="hint">{info.explains}</p>
      {value.on ? (
        <div className="field">
          <label htmlFor={id}>{`${info.label} rubric`}</label>
          <textarea
            id={id}
            rows={2}
            maxLength={MAX_RUBRIC_CHARS}
            value={value.rubric}
            onChange={(e) => setMetric(metric, { rubric: e.target.value })}
          />
        </div>
      ) : null}
    </li>
  );
}

/** The judge's metrics, each with its rubric visible and editable while chosen. */
export function MetricPicker({ settings }: { settings: JudgeSettings }) {
  return (
    <fieldset className="metric-picker">
      <legend>Metrics (scored 1 to 5; Bedrock's names shown)</legend>
      <ul>
        {JUDGE_METRICS.map((m) => (
          <MetricRow key={m} metric={m} value={settings.metrics[m]} />
        ))}
      </ul>
    </fieldset>
  );
}
