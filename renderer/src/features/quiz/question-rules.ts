/**
 * Checks of a question against the bundled notes, for edits, reviews and imports: its source note
 * exists and its quoted passage occurs there word for word (the same check the main process runs
 * on generated items).
 */
import type { Question } from '../../../../shared/questions';
import { CORPUS } from '../../content/corpus';
import { isKnownCase } from './bank';
import { makeSourceCheck } from './source-check';

const checkSource = makeSourceCheck(CORPUS.noteById);

/**
 * Problems with a question's source: an unknown note, a passage the note does not contain, or a
 * case study that is neither a bank case nor one of the learner's (its scenario could not be
 * shown).
 */
export function sourceProblems(q: Question): string[] {
  return sourceProblemsWith(q, isKnownCase);
}

/**
 * The same checks with the caller's idea of which cases exist (e.g. a case being saved in the same
 * transaction as its questions, or the cases of a backup file being imported).
 */
export function sourceProblemsWith(q: Question, knownCase: (id: string) => boolean): string[] {
  const problems = checkSource(q);
  if (q.caseId && !knownCase(q.caseId))
    problems.push(
      `it belongs to case study "${q.caseId}", which is neither in the bank nor one of your case studies`,
    );
  return problems;
}
