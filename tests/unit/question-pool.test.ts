/** The learner's pool: the starter bank merged with edited, deleted and own question rows. */
import { describe, expect, it } from 'vitest';
import type { QuestionRow } from '../../renderer/src/db/schema';
import { mergePool } from '../../renderer/src/db/questions';
import type { Question } from '../../shared/questions';

function single(id: string, stem: string, kind: 'bank' | 'generated' = 'bank'): Question {
  return {
    id,
    type: 'single',
    stem,
    domain: 1,
    task: '1.1',
    sourceNoteId: 'ai-ml-basics',
    sourcePassage: 'A passage that is long enough to quote.',
    difficulty: 'easy',
    explanation: 'Because the passage says so, plainly.',
    origin:
      kind === 'bank'
        ? { kind: 'bank' }
        : {
            kind: 'generated',
            modelId: 'amazon.nova-micro-v1:0',
            promptVersion: 'v1',
            createdAt: '2026-11-23T10:00:00.000Z',
          },
    tags: [],
    options: [
      { id: 'a', text: 'One' },
      { id: 'b', text: 'Two' },
      { id: 'c', text: 'Three' },
      { id: 'd', text: 'Four' },
    ],
    answer: 'a',
    whyWrong: { b: 'No.', c: 'No.', d: 'No.' },
  };
}

function row(question: Question, createdAt: string, deleted = false): QuestionRow {
  return { id: question.id, question, deleted, createdAt, updatedAt: createdAt, blindCheck: null };
}

const bank = [single('b-1', 'Bank one?'), single('b-2', 'Bank two?'), single('b-3', 'Bank three?')];

describe('mergePool', () => {
  it('is the bank itself when there are no rows', () => {
    expect(mergePool(bank, []).map((q) => q.id)).toEqual(['b-1', 'b-2', 'b-3']);
  });

  it('replaces an edited bank item in place and hides a deleted one', () => {
    const edited = single('b-2', 'Bank two, reworded?');
    const pool = mergePool(bank, [
      row(edited, '2026-11-23T10:00:00.000Z'),
      row(bank[2]!, '2026-11-23T10:00:00.000Z', true),
    ]);
    expect(pool.map((q) => q.stem)).toEqual(['Bank one?', 'Bank two, reworded?']);
  });

  it('appends own questions oldest first and leaves out deleted ones', () => {
    const pool = mergePool(bank, [
      row(single('g-2', 'Generated later?', 'generated'), '2026-11-23T12:00:00.000Z'),
      row(single('g-1', 'Generated first?', 'generated'), '2026-11-23T11:00:00.000Z'),
      row(single('g-3', 'Generated, deleted?', 'generated'), '2026-11-23T11:30:00.000Z', true),
    ]);
    expect(pool.map((q) => q.id)).toEqual(['b-1', 'b-2', 'b-3', 'g-1', 'g-2']);
  });
});
