/** The warning at the top of the log when this month's spend nears or passes the budget. */
import type { InvocationRecord } from '../../../../shared/invocations';
import { useSettings } from '../../app/settings-context';
import { formatUsd } from '../../lib/format';
import { budgetStatus, monthToDateCost } from '../../lib/metrics';

export function BudgetBanner({
  records,
  now,
}: {
  records: readonly InvocationRecord[];
  now: Date;
}) {
  const { state } = useSettings();
  const status = budgetStatus(
    monthToDateCost(records, now),
    state?.settings.monthlyBudgetUsd ?? null,
  );
  if (!status || status.level === 'under') return null;
  const percent = Math.floor(status.share * 100);
  return (
    <div
      className={`status ${status.level === 'exceeded' ? 'status-error' : 'status-warn'}`}
      role="alert"
      data-testid="budget-warning"
    >
      <div>
        <strong>
          {status.level === 'exceeded' ? 'Monthly budget reached' : 'Close to your monthly budget'}
        </strong>
        <p>
          The estimated cost of this month’s Bedrock calls from Stratum is{' '}
          {formatUsd(status.spentUsd)}, {percent}% of your {formatUsd(status.budgetUsd)} budget.
        </p>
        <p className="muted">
          Estimates use the catalog’s on-demand list prices; your AWS bill is the authority.
        </p>
      </div>
    </div>
  );
}
