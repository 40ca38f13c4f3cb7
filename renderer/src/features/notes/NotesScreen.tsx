/**
 * Notes: the tree of notes by exam domain, the open note (or the notes' start page) and the
 * note's table of contents. A container: the parts live in their own files.
 */
import { Link, useParams } from 'wouter';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CORPUS } from '../../content/corpus';
import { NotesHome } from './NotesHome';
import { NoteTree } from './NoteTree';
import { NoteView } from './NoteView';
import { useProgress } from './progress';
import { Toc } from './Toc';
import './notes.css';

export default function NotesScreen() {
  const params = useParams<{ id?: string }>();
  const progress = useProgress();
  const note = params.id ? CORPUS.noteById.get(params.id) : undefined;
  return (
    <div className="notes-layout">
      <NoteTree current={note?.id ?? null} progress={progress} />
      <div className="notes-main">
        {params.id && !note ? (
          <section>
            <ScreenHeading>Note not found</ScreenHeading>
            <p>
              There is no note called “{params.id}”. <Link href="/notes">Back to all notes</Link>.
            </p>
          </section>
        ) : note ? (
          <NoteView key={note.id} note={note} progress={progress?.get(note.id)} />
        ) : (
          <NotesHome progress={progress} />
        )}
      </div>
      {note ? <Toc note={note} /> : <span />}
    </div>
  );
}
