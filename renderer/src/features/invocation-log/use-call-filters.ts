/** The recent-calls filters (feature, model, operation, status) and how many matching rows are shown. */
import { useMemo, useState } from 'react';
import type { InvocationFeature, InvocationRecord } from '../../../../shared/invocations';
import { byModel, modelKey } from '../../lib/metrics';
import { operationLabel, PAGE } from './log-labels';

export interface CallFilter {
  feature: '' | InvocationFeature;
  /** A model's key (its base id): every id it was called by matches. */
  model: string;
  status: '' | InvocationRecord['status'];
  /** An operation as the log labels it ('InvokeModel (embeddings)'), or '' for any. */
  operation: string;
}

export function useCallFilters(records: readonly InvocationRecord[]) {
  const [filter, setFilter] = useState<CallFilter>({
    feature: '',
    model: '',
    status: '',
    operation: '',
  });
  const [shown, setShown] = useState(PAGE);
  /** Each model once, by name, whichever ids its calls used. */
  const models = useMemo(
    () => byModel(records).map((m) => ({ key: m.modelId, label: m.label })),
    [records],
  );
  /** The operations the log holds, as labelled. */
  const operations = useMemo(
    () => [...new Set(records.map((r) => operationLabel(r.operation, r.feature)))].sort(),
    [records],
  );
  const filtered = useMemo(
    () =>
      records.filter(
        (r) =>
          (filter.feature === '' || r.feature === filter.feature) &&
          (filter.model === '' || modelKey(r.modelId) === filter.model) &&
          (filter.status === '' || r.status === filter.status) &&
          (filter.operation === '' || operationLabel(r.operation, r.feature) === filter.operation),
      ),
    [records, filter],
  );
  return {
    filter,
    change: (patch: Partial<CallFilter>) => setFilter((f) => ({ ...f, ...patch })),
    models,
    operations,
    filtered,
    shown,
    showMore: () => setShown((n) => n + PAGE),
  };
}
