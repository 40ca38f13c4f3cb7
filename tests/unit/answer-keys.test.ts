/** The option keys of the question screens: which option a key names, and what picking it does. */
import { describe, expect, it } from 'vitest';
import type { Question } from '../../shared/questions';
import {
  optionForKey,
  pickOption,
  PRACTICE_KEYS,
  responseForKey,
} from '../../renderer/src/features/quiz/question/answer-keys';

const options = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, text: `Option ${id}` }));
const single = { type: 'single', options: options.slice(0, 4), answer: 'b' } as unknown as Question;
const multiple = { type: 'multiple', options, answers: ['a', 'f'] } as unknown as Question;
const ordering = { type: 'ordering', items: [] } as unknown as Question;
const EXAM = { letters: 'abcdeg', digits: true };

describe('option keys', () => {
  it('names an option by its letter or, with digits, by its position', () => {
    expect(optionForKey(single, 'C', PRACTICE_KEYS)).toBe('c');
    expect(optionForKey(single, '2', PRACTICE_KEYS)).toBe('b');
    expect(optionForKey(single, 'e', PRACTICE_KEYS)).toBeNull(); // a four-option question
    expect(optionForKey(single, '2', { letters: 'abcdefg', digits: false })).toBeNull();
    expect(optionForKey(single, 'Enter', PRACTICE_KEYS)).toBeNull();
    expect(optionForKey(ordering, 'a', PRACTICE_KEYS)).toBeNull();
  });

  it('leaves F to the exam flag key; option F is its digit there', () => {
    expect(optionForKey(multiple, 'f', EXAM)).toBeNull();
    expect(optionForKey(multiple, '6', EXAM)).toBe('f');
    expect(optionForKey(multiple, 'f', PRACTICE_KEYS)).toBe('f');
  });

  it('picks in a single question and toggles in a multiple one, up to the answer count', () => {
    expect(pickOption(single, { type: 'single', choice: 'a' }, 'c')).toEqual({
      type: 'single',
      choice: 'c',
    });
    const one = { type: 'multiple' as const, choices: ['a'] };
    expect(pickOption(multiple, one, 'b')).toEqual({ type: 'multiple', choices: ['a', 'b'] });
    expect(pickOption(multiple, one, 'a')).toEqual({ type: 'multiple', choices: [] });
    expect(pickOption(multiple, { type: 'multiple', choices: ['a', 'b'] }, 'c')).toBeNull();
    expect(responseForKey(multiple, one, 'x', PRACTICE_KEYS)).toBeNull();
  });
});
