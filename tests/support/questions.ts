/** A well-formed single-choice question for tests (option a is right), with any field overridden. */
import type { Question } from '../../shared/questions';

export function singleQuestion(
  id: string,
  domain: number,
  task: string,
  extra: Partial<Question> = {},
): Question {
  return {
    id,
    type: 'single',
    domain,
    task,
    sourceNoteId: 'bedrock-overview',
    sourcePassage: 'A passage quoted from the note for the test.',
    difficulty: 'easy',
    stem: `Which option is right for question ${id}?`,
    options: [
      { id: 'a', text: 'Right' },
      { id: 'b', text: 'Wrong one' },
      { id: 'c', text: 'Wrong two' },
      { id: 'd', text: 'Wrong three' },
    ],
    answer: 'a',
    explanation: 'Option a is the right one in this test.',
    whyWrong: { b: 'x', c: 'x', d: 'x' },
    origin: { kind: 'bank' },
    tags: [],
    ...extra,
  } as Question;
}
