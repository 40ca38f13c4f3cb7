/** A live run's replies as a histogram of first words, with what was counted and what it cost. */
import type { TokenExperiment } from '../../db/schema';
import { formatCount, formatUsdOrUnknown, plural } from '../../lib/format';
import { tally } from '../../lib/next-word';
import { Histogram } from './Histogram';

export function LiveResults({ experiment }: { experiment: TokenExperiment }) {
  const replies = experiment.replies.filter((r): r is string => r !== null);
  const t = tally(replies);
  const labels = t.words.map((w) => w.word);
  const counts = t.words.map((w) => w.count);
  if (t.multiple.length > 0) {
    labels.push('(more than one word)');
    counts.push(t.multiple.length);
  }
  if (t.empty > 0) {
    labels.push('(empty reply)');
    counts.push(t.empty);
  }
  return (
    <div data-testid="live-results">
      <Histogram
        labels={labels}
        expected={null}
        counts={counts}
        n={t.total}
        rows={15}
        title={`First word of ${t.total} replies from ${experiment.modelId}`}
      />
      <p className="muted small">
        {plural(t.words.length, 'distinct single word')} ·{' '}
        {plural(t.multiple.length, 'reply', 'replies')} with more than one word · {t.empty} empty ·
        95% Wilson intervals shown as thin lines. Temperature {experiment.settings.temperature},
        top-p {experiment.settings.topP}. Tokens used: {formatCount(experiment.usage.inputTokens)}{' '}
        in, {formatCount(experiment.usage.outputTokens)} out; cost about{' '}
        {formatUsdOrUnknown(experiment.costUsd, 'unknown (no price in the catalog)')}.
      </p>
      {t.multiple.length > 0 ? (
        <details className="small">
          <summary>Replies with more than one word ({t.multiple.length})</summary>
          <ul>
            {t.multiple.slice(0, 50).map((r, i) => (
              <li key={i}>
                <code>{r}</code>
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
