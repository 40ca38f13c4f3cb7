/** The toolbar above the recent calls: feature, model and status, and how many calls match. */
import { useId } from 'react';
import { formatCount, plural } from '../../../lib/format';
import { FEATURE_LABELS } from './log-labels';
import type { CallFilter } from './use-call-filters';

export function CallFilters({
  filter,
  onChange,
  models,
  matching,
  total,
}: {
  filter: CallFilter;
  onChange: (patch: Partial<CallFilter>) => void;
  models: readonly { key: string; label: string }[];
  matching: number;
  total: number;
}) {
  const ids = { feature: useId(), model: useId(), status: useId() };
  return (
    <div className="toolbar">
      <div className="field inline">
        <label htmlFor={ids.feature}>Feature</label>
        <select
          id={ids.feature}
          value={filter.feature}
          onChange={(e) => onChange({ feature: e.target.value as CallFilter['feature'] })}
        >
          <option value="">All features</option>
          {Object.entries(FEATURE_LABELS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={ids.model}>Model</label>
        <select
          id={ids.model}
          value={filter.model}
          onChange={(e) => onChange({ model: e.target.value })}
        >
          <option value="">All models</option>
          {models.map((m) => (
            <option key={m.key} value={m.key}>
              {m.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field inline">
        <label htmlFor={ids.status}>Status</label>
        <select
          id={ids.status}
          value={filter.status}
          onChange={(e) => onChange({ status: e.target.value as CallFilter['status'] })}
        >
          <option value="">Any status</option>
          <option value="ok">ok</option>
          <option value="error">error</option>
          <option value="cancelled">cancelled</option>
        </select>
      </div>
      <p className="small muted" data-testid="log-count">
        {formatCount(matching)} of {plural(total, 'call')}
      </p>
    </div>
  );
}
