/**
 * The check that a question's source exists and quotes it word for word, for a set of notes.
 * Pure (the app passes the bundled corpus, the bench and tests pass notes read from disk). Each
 * note's comparable text is computed once, so checking thousands of imported questions costs one
 * normalisation per question, not one per question and note.
 */
import { comparableText, passageOccursInComparable } from '../../../shared/question-checks';
import type { Question } from '../../../shared/questions';

export interface NoteLike {
  title: string;
  body: string;
}

export function makeSourceCheck(notes: ReadonlyMap<string, NoteLike>): (q: Question) => string[] {
  const comparable = new Map<string, string>();
  return (q) => {
    const note = notes.get(q.sourceNoteId);
    if (!note) return [`sourceNoteId: there is no note "${q.sourceNoteId}"`];
    let text = comparable.get(q.sourceNoteId);
    if (text === undefined) {
      text = comparableText(note.body);
      comparable.set(q.sourceNoteId, text);
    }
    return passageOccursInComparable(q.sourcePassage, text)
      ? []
      : [`sourcePassage: not found word for word in the note “${note.title}”`];
  };
}
