/** How many chunks, how big (in tokens), as numbers and a size histogram. */
import { formatCount, plural } from '../../../lib/format';
import { sizeHistogram } from '../../../lib/rag/chunk-view';
import { describeChunking } from '../../../lib/rag/content-hash';
import { median } from '../../../../../shared/statistics';
import type { KbCorpus } from '../retrieval-api';

export function ChunkSummary({ corpus }: { corpus: KbCorpus }) {
  const { chunks, parents, config } = corpus.chunkSet;
  const sizes = chunks.map((c) => c.tokens);
  const bins = sizeHistogram(sizes, 12);
  const most = bins.reduce((m, b) => Math.max(m, b.count), 1);
  // Loops, not Math.min(...sizes): tiny chunks can number more than a call takes arguments.
  const smallest = sizes.reduce((m, v) => Math.min(m, v), Infinity);
  const largest = sizes.reduce((m, v) => Math.max(m, v), 0);
  const total = sizes.reduce((s, x) => s + x, 0);
  const layer = parents.length > 0 ? 'child chunk' : 'chunk';
  const summary = `${plural(chunks.length, layer)} from ${plural(corpus.notes.length, 'note')}`;
  return (
    <section className="card kb-summary" aria-labelledby="kb-summary-heading">
      <h2 id="kb-summary-heading">The chunks</h2>
      <p className="muted small">{describeChunking(config)}</p>
      <dl className="kb-figures">
        <div>
          <dt>Chunks</dt>
          <dd data-testid="kb-chunk-count">{formatCount(chunks.length)}</dd>
        </div>
        {parents.length > 0 ? (
          <div>
            <dt>Parents</dt>
            <dd>{formatCount(parents.length)}</dd>
          </div>
        ) : null}
        <div>
          <dt>Tokens in all</dt>
          <dd>{formatCount(total)}</dd>
        </div>
        <div>
          <dt>Smallest / median / largest</dt>
          <dd>
            {sizes.length > 0
              ? `${formatCount(smallest)} / ${formatCount(median(sizes) ?? 0)} / ${formatCount(largest)}`
              : '–'}
          </dd>
        </div>
      </dl>
      <figure className="kb-histogram">
        <div
          className="kb-bars"
          role="img"
          aria-label={`Size histogram: ${summary}; ${bins
            .filter((b) => b.count > 0)
            .map((b) => `${b.count} of ${b.from} to ${b.to - 1} tokens`)
            .join(', ')}.`}
        >
          {bins.map((b) => (
            <div key={b.from} className="kb-bar" title={`${b.from}–${b.to - 1} tokens: ${b.count}`}>
              <span className="kb-bar-fill" style={{ height: `${(b.count / most) * 100}%` }} />
            </div>
          ))}
        </div>
        <figcaption className="muted small">
          Chunk sizes in tokens: 0 at the left, {formatCount(bins.at(-1)?.to ?? 0)} at the right;
          the tallest bar holds {plural(most, 'chunk')}.
        </figcaption>
      </figure>
    </section>
  );
}
