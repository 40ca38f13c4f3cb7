/** Choose an embedding model, see the estimated cost of embedding the current chunks, build. */
import { useState } from 'react';
import { CATALOG } from '../../../../../shared/catalog';
import { SelectField } from '../../../components/choice-fields';
import { formatCount, formatDate, formatUsdOrUnknown, plural } from '../../../lib/format';
import { describeChunking } from '../../../lib/rag/content-hash';
import { startIndex } from '../index-store';
import type { KbCorpus } from '../retrieval-api';
import { EMBEDDING_CHOICES, estimateEmbedding, pricePer1k, tooLongFor } from './embedding-models';

export function BuildForm({
  corpus,
  running,
  draftInvalid,
}: {
  corpus: KbCorpus;
  running: boolean;
  draftInvalid: boolean;
}) {
  const [choiceId, setChoiceId] = useState(EMBEDDING_CHOICES[0]!.id);
  const choice = EMBEDDING_CHOICES.find((c) => c.id === choiceId) ?? EMBEDDING_CHOICES[0]!;
  const chunks = corpus.chunkSet.chunks;
  const estimate = estimateEmbedding(chunks, choice.modelId);
  const price = pricePer1k(choice.modelId);
  const tooLong = tooLongFor(choice.modelId, chunks);
  return (
    <section className="card" aria-labelledby="kb-build-heading">
      <h2 id="kb-build-heading">Build a vector index</h2>
      <p className="muted small">
        Chunking: {describeChunking(corpus.chunkSet.config)} ({plural(chunks.length, 'chunk')}
        {draftInvalid ? '; the Chunking tab has an unfinished change, not used here' : ''}).
      </p>
      <SelectField
        label="Embedding model"
        value={choice.id}
        options={EMBEDDING_CHOICES.map((c) => ({ value: c.id, label: c.label }))}
        onChange={setChoiceId}
      />
      <p className="kb-estimate" data-testid="kb-estimate">
        Estimated cost before you start: <strong>{formatUsdOrUnknown(estimate.usd)}</strong> for
        about {formatCount(estimate.tokens)} tokens
        {price !== null
          ? ` at ${formatUsdOrUnknown(price)} per 1,000 input tokens (catalog prices checked ${formatDate(CATALOG.pricesCheckedOn)})`
          : ''}
        . Stratum counts tokens its own way; Bedrock bills the model’s count, shown after the run.
      </p>
      {tooLong.length > 0 ? (
        <p className="status status-warn" role="alert">
          {plural(tooLong.length, 'chunk')} longer than the 2,048 characters Cohere Embed v3 takes
          per text. Choose smaller chunks on the Chunking tab, or a Titan model.
        </p>
      ) : null}
      <button
        type="button"
        className="primary"
        disabled={running || chunks.length === 0 || tooLong.length > 0}
        onClick={() => void startIndex(choice.modelId, choice.dimensions)}
      >
        Build index of {plural(chunks.length, 'chunk')}
      </button>
    </section>
  );
}
