/** The most a run can cost, before it is sent, at the catalog's on-demand list prices. */
import { formatCount, formatUsd, plural } from '../../../lib/format';
import { estimateCompareCost, roughTokenCount } from '../../../lib/metrics';
import type { ColumnSpec, CompareForm } from './compare-form';

export function CompareEstimate({
  form,
  columns,
}: {
  form: CompareForm;
  columns: readonly ColumnSpec[];
}) {
  const inputTokens = roughTokenCount(form.system) + roughTokenCount(form.prompt);
  const once = estimateCompareCost(
    columns.map((c) => c.modelId),
    inputTokens,
    form.maxTokens,
    1,
  );
  return (
    <p className="small" data-testid="compare-estimate">
      Estimate: about {formatCount(inputTokens)} input tokens and at most{' '}
      {formatCount(form.maxTokens)} output tokens per call, so at most{' '}
      <strong>{formatUsd(once.maxUsd)}</strong> for one run of {columns.length} columns and{' '}
      <strong>{formatUsd(once.maxUsd * form.repeats)}</strong> for {plural(form.repeats, 'run')}, at
      on-demand list prices.
      {once.unpriced.length > 0 ? ` No price in the catalog for ${once.unpriced.join(', ')}.` : ''}
    </p>
  );
}
