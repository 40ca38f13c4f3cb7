/**
 * The monthly budget the learner sets: what this month has cost so far, the budget, and a field
 * to change or remove it. Stratum warns at 80% and 100% (BudgetBanner); it never stops calls.
 */
import { useId, useState } from 'react';
import type { InvocationRecord } from '../../../../shared/invocations';
import { MonthlyBudgetUsd } from '../../../../shared/settings';
import { useSettings } from '../../app/settings-context';
import { NumberField } from '../../components/fields';
import { formatUsd } from '../../lib/format';
import { monthToDateCost } from '../../lib/metrics';

/** What the field offers when no budget is set. */
const SUGGESTED_BUDGET = 10;
/** The field's range: a budget must be more than 0 (MonthlyBudgetUsd). */
const BUDGET = { min: 0.000001, max: 1_000_000 } as const;

export function BudgetCard({ records, now }: { records: readonly InvocationRecord[]; now: Date }) {
  const { state, save } = useSettings();
  const budget = state?.settings.monthlyBudgetUsd ?? null;
  const [draft, setDraft] = useState(budget ?? SUGGESTED_BUDGET);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  // When the saved budget changes (loaded, saved here), the field follows it.
  const [shownBudget, setShownBudget] = useState(budget);
  if (shownBudget !== budget) {
    setShownBudget(budget);
    if (budget !== null) setDraft(budget);
  }
  const spent = monthToDateCost(records, now);

  const store = async (value: number | null) => {
    setOutcome(null);
    const parsed = MonthlyBudgetUsd.nullable().safeParse(value);
    if (!parsed.success) {
      setOutcome({ ok: false, text: parsed.error.issues[0]?.message ?? 'Enter an amount in USD.' });
      return;
    }
    const error = await save({ monthlyBudgetUsd: parsed.data });
    if (error)
      setOutcome({ ok: false, text: `${error.message}${error.remedy ? ` ${error.remedy}` : ''}` });
    else
      setOutcome({
        ok: true,
        text: value === null ? 'Budget removed.' : `Budget saved: ${formatUsd(value)} a month.`,
      });
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Monthly budget</h2>
      <p className="small">
        This month so far (your local calendar month):{' '}
        <strong data-testid="month-to-date">{formatUsd(spent)}</strong> estimated.{' '}
        {budget !== null ? `Budget: ${formatUsd(budget)}.` : 'No budget set.'} Stratum warns at 80%
        and at 100%; it does not stop calls. For alerts on your actual AWS bill, use AWS Budgets in
        the AWS console.
      </p>
      <form
        className="budget-form"
        onSubmit={(e) => {
          e.preventDefault();
          void store(draft);
        }}
      >
        <NumberField
          label="Budget in USD per month"
          value={draft}
          min={BUDGET.min}
          max={BUDGET.max}
          onChange={setDraft}
        />
        <button type="submit">Save budget</button>
        {budget !== null ? (
          <button type="button" className="link" onClick={() => void store(null)}>
            Remove the budget
          </button>
        ) : null}
      </form>
      {outcome ? (
        <p className={outcome.ok ? 'small muted' : 'field-error'} role="status">
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
