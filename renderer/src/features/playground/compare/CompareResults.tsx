/**
 * The running or last batch: the wall-clock summary and the columns, in a results region that
 * scrolls into view when Run is pressed (its key is the batch id, so a delta never scrolls).
 */
import { Link } from 'wouter';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatDuration, plural } from '../../../lib/format';
import { useBatch, type Batch, type CompareStore } from './compare-store';
import { CompareColumn } from './CompareColumn';

function wallText(batch: Batch): string {
  if (batch.wallMs === null) {
    const each = batch.runsPerColumn > 1 ? `, ${batch.runsPerColumn} runs each` : '';
    return `Running ${batch.columns.length} columns at the same time${each}…`;
  }
  const columnMs = batch.results.map((col) => col.reduce((s, r) => s + (r?.totalMs ?? 0), 0));
  const sequentialMs = columnMs.reduce((sum, ms) => sum + ms, 0);
  const slowestMs = Math.max(0, ...columnMs);
  return `All columns finished in ${formatDuration(batch.wallMs)}. They ran at the same time: the slowest column took ${formatDuration(slowestMs)}, and one after another they would have taken about ${formatDuration(sequentialMs)}.`;
}

export function CompareResults({ store }: { store: CompareStore }) {
  const batch = useBatch(store);
  if (!batch) {
    return (
      <p className="empty">No comparison yet. Pick the columns, write a prompt and press Run.</p>
    );
  }
  const finished = batch.wallMs !== null;
  return (
    <ResultsRegion
      label="Compare results"
      revealKey={batch.id}
      announce={
        finished
          ? `${plural(batch.columns.length, 'column')} finished.`
          : `Running ${plural(batch.columns.length, 'column')}.`
      }
    >
      <p className="small compare-wall" data-testid="compare-wall">
        {wallText(batch)}
      </p>
      <div className={`compare-grid compare-grid-${batch.columns.length}`}>
        {batch.columns.map((spec, c) => (
          <CompareColumn key={c} spec={spec} slots={batch.results[c] ?? []} mode={batch.mode} />
        ))}
      </div>
      {batch.runsPerColumn > 1 && finished ? (
        <p className="muted small">
          Why do the runs differ? With a temperature above 0 the model samples each next token from
          its probability distribution, so the same prompt can give different answers. Even at
          temperature 0 the answers can occasionally differ. Distinct replies are counted ignoring
          case and spacing; the mean word difference compares every pair of replies (0: the same
          words, 1: no word in common). The <Link href="/token-lab">Token lab</Link> shows the
          sampling step by step.
        </p>
      ) : null}
    </ResultsRegion>
  );
}
