/**
 * Checks of a question against the bundled notes, for edits, reviews and imports: its source note
 * exists and its quoted passage occurs there word for word (the same check the main process runs
 * on generated items). Also the correct answer as a response, for read-only previews.
 */
import type { Question } from '../../../../shared/questions';
import type { Response } from '../../lib/scoring';
import { CORPUS } from '../../content/corpus';
import { CASES } from './bank';
import { makeSourceCheck } from './source-check';

const checkSource = makeSourceCheck(CORPUS.noteById);

/**
 * Problems with a question's source: an unknown note, a passage the note does not contain, or a
 * case study this app does not have (its scenario could not be shown).
 */
export function sourceProblems(q: Question): string[] {
  const problems = checkSource(q);
  if (q.caseId && !CASES.has(q.caseId))
    problems.push(`it belongs to case study "${q.caseId}", which is not in this app`);
  return problems;
}

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
