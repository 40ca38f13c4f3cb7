/** One note with its chunk boundaries drawn in its text: where each chunk starts and ends, overlap marked. */
import { useMemo, useState } from 'react';
import { SelectField } from '../../../components/choice-fields';
import { formatCount, plural } from '../../../lib/format';
import type { KbCorpus } from '../retrieval-api';
import { ChunkedText } from './ChunkedText';
import { ChunkTable } from './ChunkTable';

type Layer = 'children' | 'parents';

export function NoteChunks({ corpus }: { corpus: KbCorpus }) {
  const [noteId, setNoteId] = useState(
    // The RAG note by default: the one about what this lab shows.
    () => (corpus.noteById.get('rag-and-knowledge-bases') ?? corpus.notes[0])?.id ?? '',
  );
  const [layer, setLayer] = useState<Layer>('children');
  const note = corpus.noteById.get(noteId) ?? corpus.notes[0];
  const hierarchical = corpus.chunkSet.parents.length > 0;
  const chunks = useMemo(() => {
    const from =
      hierarchical && layer === 'parents' ? corpus.chunkSet.parents : corpus.chunkSet.chunks;
    return from.filter((c) => c.noteId === note?.id);
  }, [corpus, note, layer, hierarchical]);
  if (!note) return null;
  const overlapping = chunks.filter((c) => c.overlapTokens > 0).length;
  return (
    <section className="card kb-note-chunks" aria-labelledby="kb-note-chunks-heading">
      <h2 id="kb-note-chunks-heading">Where the chunks fall in a note</h2>
      <div className="toolbar">
        <SelectField
          label="Note"
          inline
          value={note.id}
          options={corpus.notes.map((n) => ({ value: n.id, label: n.title }))}
          onChange={setNoteId}
        />
        {hierarchical ? (
          <SelectField<Layer>
            label="Layer"
            inline
            value={layer}
            options={[
              { value: 'children', label: 'Child chunks (searched)' },
              { value: 'parents', label: 'Parent chunks (returned)' },
            ]}
            onChange={setLayer}
          />
        ) : null}
      </div>
      <p className="muted small" data-testid="kb-note-chunk-count">
        {plural(chunks.length, 'chunk')} in this note ({formatCount(note.wordCount)} words)
        {overlapping > 0
          ? `; ${plural(overlapping, 'chunk')} ${overlapping === 1 ? 'repeats' : 'repeat'} the end of the one before`
          : ''}
        .
      </p>
      <p className="kb-legend small">
        <span className="kb-chunk kb-c0">chunk</span>{' '}
        <span className="kb-chunk kb-c1">next chunk</span>{' '}
        <mark className="kb-overlap">overlap (in both)</mark>{' '}
        <span className="kb-gap-key">not in any chunk</span>
      </p>
      <p className="muted small">
        The note&rsquo;s text as it is chunked and embedded (Markdown, so **bold** and table pipes
        show).
      </p>
      <ChunkedText body={note.body} chunks={chunks} />
      <ChunkTable chunks={chunks} />
    </section>
  );
}
