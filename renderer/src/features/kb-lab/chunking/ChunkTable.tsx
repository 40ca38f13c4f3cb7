/** Each chunk of a note as numbers: where it starts and ends (characters), its tokens and overlap. */
import { useState } from 'react';
import { formatCount } from '../../../lib/format';
import type { Chunk } from '../../../lib/rag/chunking';

export function ChunkTable({ chunks }: { chunks: readonly Chunk[] }) {
  // Rows are drawn only while open: tiny chunks can number thousands in one note.
  const [open, setOpen] = useState(false);
  return (
    <details className="kb-chunk-table" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Start and end of each chunk</summary>
      {open ? (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Chunk</th>
                <th scope="col">Starts at character</th>
                <th scope="col">Ends at character</th>
                <th scope="col">Tokens</th>
                <th scope="col">Repeated from the one before</th>
              </tr>
            </thead>
            <tbody>
              {chunks.map((c) => (
                <tr key={c.id}>
                  <td>#{c.index + 1}</td>
                  <td>{formatCount(c.start)}</td>
                  <td>{formatCount(c.end)}</td>
                  <td>{formatCount(c.tokens)}</td>
                  <td>{c.overlapTokens > 0 ? `${formatCount(c.overlapTokens)} tokens` : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </details>
  );
}
