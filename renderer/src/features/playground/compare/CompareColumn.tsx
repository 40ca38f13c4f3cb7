/** One Compare column: its model and temperature, a summary of its runs, and the runs. */
import { memo } from 'react';
import { formatUsd, plural } from '../../../lib/format';
import { modelLabel, replyDiversity, sumCosts } from '../../../lib/metrics';
import type { ColumnSpec, Mode } from './compare-form';
import type { Slot } from './compare-store';
import { CompareRun } from './CompareRun';

/** "5 of 5 runs finished · 3 distinct replies · mean word difference 0.42 · $0.000012 in all". */
function columnSummary(slots: readonly Slot[]): string {
  const finished = slots.filter((s) => s?.status === 'complete');
  const diversity = finished.length > 1 ? replyDiversity(finished.map((s) => s!.text)) : null;
  const cost = sumCosts(slots.filter((s) => s?.usage).map((s) => s!.costUsd));
  const parts = [`${finished.length} of ${plural(slots.length, 'run')} finished`];
  if (diversity) {
    parts.push(
      plural(diversity.distinct, 'distinct reply', 'distinct replies'),
      `mean word difference ${diversity.meanDistance?.toFixed(2) ?? '–'}`,
    );
  }
  if (cost.usd > 0) parts.push(`${formatUsd(cost.usd)} in all`);
  return parts.join(' · ');
}

export const CompareColumn = memo(function CompareColumn({
  spec,
  slots,
  mode,
}: {
  spec: ColumnSpec;
  slots: readonly Slot[];
  mode: Mode;
}) {
  const title = mode === 'models' ? modelLabel(spec.modelId) : `Temperature ${spec.temperature}`;
  return (
    <section className="card compare-column" data-testid="compare-column" aria-label={title}>
      <h3 className="compare-column-title">{title}</h3>
      <p className="muted small compare-column-sub">
        <code>{spec.modelId}</code> · temperature {spec.temperature}
      </p>
      {slots.length > 1 ? (
        <p className="small compare-summary" data-testid="compare-summary">
          {columnSummary(slots)}
        </p>
      ) : null}
      {slots.map((slot, i) => (
        <CompareRun key={i} slot={slot} index={i} of={slots.length} />
      ))}
    </section>
  );
});
