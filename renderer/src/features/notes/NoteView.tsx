import { useEffect } from 'react';
import { Link } from 'wouter';
import { isExamWide, type Note } from '../../../../shared/notes';
import { AVAILABLE_LABS } from '../../app/labs';
import { modKey } from '../../app/platform';
import { ScreenHeading } from '../../components/ScreenHeading';
import { formatDate } from '../../lib/format';
import { CORPUS } from '../../content/corpus';
import { markOpened } from '../../db/note-progress';
import type { NoteProgress } from '../../db/schema';
import { KeyTerms } from './KeyTerms';
import { Markdown } from './Markdown';
import { NoteActions } from './NoteActions';
import { domainTitle } from './note-titles';
import { PrevNext } from './PrevNext';
import { useNoteKeys } from './use-note-keys';
import { usePassageTarget } from './use-passage-target';

/** A calendar day written YYYY-MM-DD, read as that day where the learner is (not UTC midnight). */
const day = (iso: string) => formatDate(`${iso}T00:00`);

/** One note: where it sits in the exam, its actions, key terms, body, labs and neighbours. */
export function NoteView({ note, progress }: { note: Note; progress?: NoteProgress }) {
  const index = CORPUS.notes.indexOf(note);
  const prev = CORPUS.notes[index - 1];
  const next = CORPUS.notes[index + 1];
  useNoteKeys(prev, next);

  useEffect(() => {
    void markOpened(note.id);
    document.querySelector('.content')?.scrollTo({ top: 0 });
  }, [note.id]);
  const passage = usePassageTarget(note);

  const minutes = Math.max(1, Math.round(note.wordCount / 220));
  const labs = (note.labs ?? []).flatMap((id) => AVAILABLE_LABS[id] ?? []);

  return (
    <article className="note" aria-labelledby="note-title">
      <p className="breadcrumb">
        {isExamWide(note)
          ? 'The whole exam · every domain'
          : `Domain ${note.domain}: ${domainTitle.get(note.domain) ?? ''} · Task ${note.tasks.join(', ')}`}
      </p>
      <ScreenHeading id="note-title">{note.title}</ScreenHeading>
      <p className="lede">{note.summary}</p>
      <div className="note-meta">
        <span className="muted small">
          {minutes} min read · reviewed {day(note.lastReviewed)}
          {note.asOf ? ` · facts as of ${day(note.asOf)}` : ''}
        </span>
        <NoteActions
          noteId={note.id}
          read={progress?.read ?? false}
          bookmarked={progress?.bookmarked ?? false}
        />
      </div>
      <KeyTerms terms={note.keyTerms} />
      <div className="prose">
        <Markdown passage={passage}>{note.body}</Markdown>
      </div>
      {labs.length > 0 ? (
        <aside className="card try-it" aria-label="Try it">
          <strong>Try it:</strong>{' '}
          {labs.map((lab) => (
            <Link key={lab.path} href={lab.path} className="button">
              {lab.label}
            </Link>
          ))}
        </aside>
      ) : null}
      <PrevNext prev={prev} next={next} />
      <p className="muted small">Keys: [ previous note · ] next note · {modKey}+K search</p>
    </article>
  );
}
