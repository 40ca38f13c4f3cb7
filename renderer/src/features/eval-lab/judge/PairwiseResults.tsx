import {
  positionChecks,
  positionSummary,
  type PositionCheck,
  type VerdictEvent,
} from '../../../lib/eval/judge';
import { formatPercent, plural } from '../../../lib/format';

function Verdict({
  v,
  labels,
  title,
}: {
  v: VerdictEvent | null;
  labels: ReadonlyMap<string, string>;
  title: string;
}) {
  if (!v) return <div className="verdict pending">{`${title}: waiting…`}</div>;
  const name = (key: string | null) =>
    key === 'tie' ? 'a tie' : key ? (labels.get(key) ?? key) : '';
  return (
    <div className="verdict">
      <p>
        <strong>{title}</strong>
        {` (shown first: ${name(v.shownAsA)}): `}
        {v.problem ? (
          <span className="unscored">{`unscored, ${v.problem}`}</span>
        ) : (
          `prefers ${name(v.preferredKey)}`
        )}
      </p>
      {v.reasoning ? <p className="reasoning">{v.reasoning}</p> : null}
    </div>
  );
}

function CheckCard({
  c,
  prompt,
  labels,
}: {
  c: PositionCheck;
  prompt: string;
  labels: ReadonlyMap<string, string>;
}) {
  const badge =
    c.consistent === null ? null : c.consistent ? (
      <span className="badge ok">Same winner in both orders</span>
    ) : (
      <span className="badge warn">Winner changed with the order</span>
    );
  return (
    <li className="pair-card">
      <p className="prompt">{prompt}</p>
      {badge}
      <Verdict v={c.original} labels={labels} title="Original order" />
      <Verdict v={c.swapped} labels={labels} title="Swapped order" />
    </li>
  );
}

/** Pairwise mode: both verdicts per item and how often the winner survived the swap. */
export function PairwiseResults({
  verdicts,
  prompts,
  labels,
}: {
  verdicts: readonly VerdictEvent[];
  prompts: ReadonlyMap<string, string>;
  labels: ReadonlyMap<string, string>;
}) {
  const checks = positionChecks(verdicts);
  const s = positionSummary(checks);
  return (
    <div className="pairwise-results">
      <p className="position-summary" data-testid="position-summary">
        {s.compared === 0
          ? 'No item has both verdicts yet.'
          : `Agreement across orders: ${s.consistent} of ${plural(s.compared, 'item')} kept their winner when the order was swapped (${formatPercent(s.consistent / s.compared)}). The response shown first won ${s.firstShownWins} of ${plural(s.scoredVerdicts, 'verdict')}.`}
      </p>
      <p className="hint">
        A fair judge picks the same response whichever is shown first. A winner that follows the
        position is position bias: a reason Bedrock's judge jobs and careful studies swap or
        randomise the order.
      </p>
      <ul className="pair-list">
        {checks.map((c) => (
          <CheckCard
            key={c.itemId}
            c={c}
            prompt={prompts.get(c.itemId) ?? c.itemId}
            labels={labels}
          />
        ))}
      </ul>
    </div>
  );
}
