/** What the knowledge base sent back: Retrieve's chunks, or RetrieveAndGenerate's cited answer. */
import type {
  RetrieveAndGenerateOutput,
  RetrievedChunk,
} from '../../../../../shared/knowledge-bases';
import { formatDuration, plural } from '../../../lib/format';
import { spanSegments } from '../../../lib/rag/citations';
import { MetadataList, SourceCard } from '../answer/SourceCard';
import type { ManagedResult } from './use-managed-kb';

function ChunkList({ chunks, label }: { chunks: readonly RetrievedChunk[]; label: string }) {
  return (
    <ol className="source-list" aria-label={label}>
      {chunks.map((c, i) => (
        <SourceCard
          key={i}
          number={i + 1}
          source={
            <code className="source-uri">
              {c.sourceUri ?? c.locationType ?? 'source not given'}
            </code>
          }
          score={c.score}
          scoreLabel="score"
          text={c.text}
          details={<MetadataList metadata={c.metadata} />}
        />
      ))}
    </ol>
  );
}

function GeneratedAnswer({ value }: { value: RetrieveAndGenerateOutput }) {
  const segments = spanSegments(value.text, value.citations);
  return (
    <>
      <h3>Answer</h3>
      <p className="managed-answer" data-testid="managed-answer">
        {segments.map((s, i) =>
          s.citation === null ? (
            <span key={i}>{s.text}</span>
          ) : (
            <mark key={i} className="cited-span">
              {s.text}
              <sup>[{s.citation + 1}]</sup>
            </mark>
          ),
        )}
      </p>
      <h3>Citations</h3>
      {value.citations.length === 0 ? (
        <p className="muted">The knowledge base cited nothing for this answer.</p>
      ) : (
        <ol className="managed-citations">
          {value.citations.map((c, i) => (
            <li key={i}>
              <p>
                <strong>[{i + 1}]</strong> supports “{c.text || value.text.slice(c.start, c.end)}”
                with {plural(c.references.length, 'reference')}:
              </p>
              <ChunkList chunks={c.references} label={`References of citation ${i + 1}`} />
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function ManagedResults({ result }: { result: ManagedResult }) {
  const v = result.value;
  return (
    <div className="card">
      <h2>{result.kind === 'retrieve' ? 'Retrieve' : 'Retrieve and generate'}</h2>
      <p className="muted small">
        {result.kind === 'retrieve'
          ? `${plural(result.value.results.length, 'chunk')} in ${formatDuration(v.latencyMs)}.`
          : `Session ${result.value.sessionId} · ${formatDuration(v.latencyMs)}.`}
        {v.guardrailAction ? ` Guardrail action: ${v.guardrailAction}.` : ''}
      </p>
      {result.kind === 'retrieve' ? (
        result.value.results.length === 0 ? (
          <p>The knowledge base found no chunks for this question.</p>
        ) : (
          <>
            <p className="muted small">
              Each chunk&rsquo;s text as the knowledge base returns it (as it was embedded).
            </p>
            <ChunkList chunks={result.value.results} label="Retrieved chunks" />
          </>
        )
      ) : (
        <GeneratedAnswer value={result.value} />
      )}
    </div>
  );
}
