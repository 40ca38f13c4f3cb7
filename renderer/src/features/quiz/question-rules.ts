/**
 * Checks of a question against the bundled notes, for edits, reviews and imports: its source note
 * exists and its quoted passage occurs there word for word (the same check the main process runs
 * on generated items). Also the correct answer as a response, for read-only previews.
 */
import type { Question } from '../../../../shared/questions';
import type { Response } from '../../lib/scoring';
import { CORPUS } from '../../content/corpus';
import { makeSourceCheck } from './source-check';

/** Problems with a question's source: an unknown note, or a passage the note does not contain. */
export const sourceProblems: (q: Question) => string[] = makeSourceCheck(CORPUS.noteById);

/** The response that answers `q` correctly (what a preview shows, already checked). */
export function correctResponse(q: Question): Response {
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: q.answer };
    case 'multiple':
      return { type: 'multiple', choices: [...q.answers] };
    case 'ordering':
      return { type: 'ordering', order: [...q.answer] };
    case 'matching':
      return { type: 'matching', pairs: { ...q.answer } };
  }
}
