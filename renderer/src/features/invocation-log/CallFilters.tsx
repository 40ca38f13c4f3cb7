/** The toolbar above the recent calls: feature, model, operation and status, and how many calls match. */
import type { InvocationFeature } from '../../../../shared/invocations';
import { SelectField, type Choice } from '../../components/choice-fields';
import { formatCount, plural } from '../../lib/format';
import { FEATURE_LABELS } from './log-labels';
import type { CallFilter } from './use-call-filters';

const FEATURES: Choice<CallFilter['feature']>[] = [
  { value: '', label: 'All features' },
  ...Object.entries(FEATURE_LABELS).map(([value, label]) => ({
    value: value as InvocationFeature,
    label,
  })),
];

const STATUSES: Choice<CallFilter['status']>[] = [
  { value: '', label: 'Any status' },
  { value: 'ok', label: 'ok' },
  { value: 'error', label: 'error' },
  { value: 'cancelled', label: 'cancelled' },
];

export function CallFilters({
  filter,
  onChange,
  models,
  operations,
  matching,
  total,
}: {
  filter: CallFilter;
  onChange: (patch: Partial<CallFilter>) => void;
  models: readonly { key: string; label: string }[];
  /** The operations in the log, as labelled. */
  operations: readonly string[];
  matching: number;
  total: number;
}) {
  return (
    <div className="toolbar">
      <SelectField
        inline
        label="Feature"
        value={filter.feature}
        options={FEATURES}
        onChange={(feature) => onChange({ feature })}
      />
      <SelectField
        inline
        label="Model"
        value={filter.model}
        options={[
          { value: '', label: 'All models' },
          ...models.map((m) => ({ value: m.key, label: m.label })),
        ]}
        onChange={(model) => onChange({ model })}
      />
      <SelectField
        inline
        label="Operation"
        value={filter.operation}
        options={[
          { value: '', label: 'All operations' },
          ...operations.map((o) => ({ value: o, label: o })),
        ]}
        onChange={(operation) => onChange({ operation })}
      />
      <SelectField
        inline
        label="Status"
        value={filter.status}
        options={STATUSES}
        onChange={(status) => onChange({ status })}
      />
      <p className="small muted" data-testid="log-count">
        {formatCount(matching)} of {plural(total, 'call')}
      </p>
    </div>
  );
}
