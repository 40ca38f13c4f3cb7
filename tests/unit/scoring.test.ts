import { describe, expect, it } from 'vitest';
import { Question } from '../../shared/questions';
import { emptyResponse, isComplete, isCorrect, move } from '../../renderer/src/lib/scoring';

const base = {
  id: 'q',
  stem: 'A stem that is long enough to be valid here.',
  domain: 3,
  task: '3.1',
  sourceNoteId: 'rag-and-knowledge-bases',
  sourcePassage: 'A passage that is long enough.',
  difficulty: 'easy' as const,
  explanation: 'An explanation long enough.',
  origin: { kind: 'bank' as const },
  tags: [],
};
const opts = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: `Option ${id}` }));

describe('scoring', () => {
  it('single choice: right only with the answer', () => {
    const q = Question.parse({
      ...base,
      type: 'single',
      options: opts.slice(0, 4),
      answer: 'c',
      whyWrong: { a: 'x', b: 'x', d: 'x' },
    });
    expect(isComplete(q, emptyResponse(q))).toBe(false);
    expect(isCorrect(q, { type: 'single', choice: 'c' })).toBe(true);
    expect(isCorrect(q, { type: 'single', choice: 'a' })).toBe(false);
  });

  it('multiple response: all or nothing, order irrelevant', () => {
    const q = Question.parse({
      ...base,
      stem: 'Which two? (Select TWO.) Long enough.',
      type: 'multiple',
      options: opts,
      answers: ['b', 'e'],
      whyWrong: { a: 'x', c: 'x', d: 'x' },
    });
    expect(isCorrect(q, { type: 'multiple', choices: ['e', 'b'] })).toBe(true);
    expect(isCorrect(q, { type: 'multiple', choices: ['b'] })).toBe(false);
    expect(isCorrect(q, { type: 'multiple', choices: ['b', 'e', 'a'] })).toBe(false);
    expect(isComplete(q, { type: 'multiple', choices: ['b'] })).toBe(false);
  });

  it('ordering: the whole order must match', () => {
    const q = Question.parse({
      ...base,
      type: 'ordering',
      items: opts.slice(0, 3),
      answer: ['c', 'a', 'b'],
    });
    const r = emptyResponse(q);
    expect(r).toEqual({ type: 'ordering', order: ['a', 'b', 'c'] });
    expect(isCorrect(q, r)).toBe(false);
    expect(isCorrect(q, { type: 'ordering', order: ['c', 'a', 'b'] })).toBe(true);
  });

  it('matching: every pair must match', () => {
    const q = Question.parse({
      ...base,
      type: 'matching',
      prompts: opts.slice(0, 3),
      choices: opts.slice(0, 4),
      answer: { a: 'b', b: 'c', c: 'a' },
    });
    expect(isComplete(q, { type: 'matching', pairs: { a: 'b', b: 'c' } })).toBe(false);
    expect(isCorrect(q, { type: 'matching', pairs: { a: 'b', b: 'c', c: 'a' } })).toBe(true);
    expect(isCorrect(q, { type: 'matching', pairs: { a: 'b', b: 'c', c: 'd' } })).toBe(false);
  });

  it('moves ordering steps and ignores moves off the ends', () => {
    expect(move(['a', 'b', 'c'], 'c', -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 'a', -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 'c', 1)).toEqual(['a', 'b', 'c']);
  });
});
