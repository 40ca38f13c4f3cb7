/**
 * A note's Markdown source with its chunks painted over it: alternating tints per chunk, a label
 * where each starts (number and tokens), the overlap marked. Text only: never parsed as HTML.
 */
import { memo, useMemo } from 'react';
import type { Chunk } from '../../../lib/rag/chunking';
import { chunkSegments } from '../../../lib/rag/chunk-view';

function label(chunk: Chunk | undefined): string {
  if (!chunk) return '';
  return `#${chunk.index + 1} · ${chunk.tokens} tok`;
}

export const ChunkedText = memo(function ChunkedText({
  body,
  chunks,
}: {
  body: string;
  chunks: readonly Chunk[];
}) {
  const segments = useMemo(() => chunkSegments(body.length, chunks), [body, chunks]);
  return (
    <div className="kb-chunked-text" tabIndex={0} aria-label="Note text with chunk boundaries">
      {segments.map((s) => {
        const text = body.slice(s.start, s.end);
        if (s.kind === 'gap')
          return (
            <span key={s.start} className="kb-gap">
              {text}
            </span>
          );
        const starts = s.first
          ? chunks.filter((c) => c.start === s.start).map((c) => label(c))
          : [];
        const badge = starts.map((l) => (
          <span key={l} className="kb-chunk-label">
            {l}
          </span>
        ));
        if (s.kind === 'overlap')
          return (
            <mark
              key={s.start}
              className="kb-overlap"
              title={`In chunks ${s.chunks.map((i) => `#${(chunks[i]?.index ?? i) + 1}`).join(' and ')}`}
            >
              {badge}
              {text}
            </mark>
          );
        return (
          <span key={s.start} className={`kb-chunk kb-c${s.chunk % 2}`}>
            {badge}
            {text}
          </span>
        );
      })}
    </div>
  );
});
