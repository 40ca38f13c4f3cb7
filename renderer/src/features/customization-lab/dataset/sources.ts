/**
 * Rows from Stratum's own content, in the shape the chosen model and method take (the builders in
 * shared/customization): the question bank as question -> explained answer pairs (a case study's
 * scenario first), the notes' sections as continued pre-training text.
 */
import {
  methodSupport,
  noteSections,
  pairRecord,
  questionCompletion,
  questionPrompt,
  sectionRecord,
  type DatasetTarget,
  type TrainingPair,
} from '../../../../../shared/customization';
import { CORPUS } from '../../../content/corpus';
import { BANK, CASES } from '../../quiz/bank';

/** Every bank question as a pair, in bank order. */
export function bankPairs(): TrainingPair[] {
  return BANK.map((q) => {
    const scenario = q.caseId ? CASES.get(q.caseId) : undefined;
    const prompt = questionPrompt(q);
    return {
      sourceId: q.id,
      prompt: scenario ? `${scenario.title}\n\n${scenario.scenario}\n\n${prompt}` : prompt,
      completion: questionCompletion(q),
    };
  });
}

export const BANK_SIZE = BANK.length;

/** The first `count` bank questions as JSON lines for the target's record shape. */
export function linesFromBank(target: DatasetTarget, count: number): string[] {
  const support = methodSupport(target.model, target.method);
  if (!support || support.shape === 'input-only') return [];
  const shape = support.shape;
  return bankPairs()
    .slice(0, count)
    .map((pair) => JSON.stringify(pairRecord(pair, shape)));
}

/** The notes' sections as `{"input"}` lines (continued pre-training). */
export function linesFromNotes(): string[] {
  return noteSections(CORPUS.notes).map((s) => JSON.stringify(sectionRecord(s)));
}
