import { describe, expect, it } from 'vitest';
import {
  shownDraft,
  typedPrice,
} from '../../renderer/src/features/customization-lab/costs/price-draft';

describe('customization lab price field', () => {
  it('reads typed text as a price, empty as not entered, anything else as a problem', () => {
    expect(typedPrice(' $0.0035 ')).toMatchObject({ value: 0.0035, problem: null });
    expect(typedPrice('')).toMatchObject({ value: null, problem: null });
    expect(typedPrice('-1')).toMatchObject({
      value: null,
      problem: expect.stringMatching(/0 or more/),
    });
  });

  it('keeps what the learner typed while the store holds the price it stands for', () => {
    const draft = typedPrice('1.50');
    expect(shownDraft(draft, 1.5)).toBe(draft);
    const invalid = typedPrice('abc');
    expect(shownDraft(invalid, null)).toBe(invalid);
  });

  it('shows a price set from outside (a reset, a preset) instead of the old draft', () => {
    expect(shownDraft(typedPrice('1.50'), 2)).toEqual({ text: '2', value: 2, problem: null });
    expect(shownDraft(typedPrice('1.50'), null)).toEqual({ text: '', value: null, problem: null });
    // A problem belongs to the text it was about: a new price from outside clears it.
    expect(shownDraft(typedPrice('abc'), 0.25)).toEqual({
      text: '0.25',
      value: 0.25,
      problem: null,
    });
  });
});
