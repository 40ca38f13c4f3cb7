import { describe, expect, it } from 'vitest';
import {
  appendLines,
  checkLine,
  deleteLine,
  jsonlBytes,
  replaceLine,
  summarizeDataset,
  checkCustomizationDataset,
  type CheckedLines,
  type DatasetTarget,
} from '../../shared/customization';

const target: DatasetTarget = { model: 'llama-3-1-8b', method: 'FINE_TUNING' };
const good = (n: number) =>
  JSON.stringify({ prompt: `Question ${n}?`, completion: `Answer ${n}.` });

function load(texts: string[]): CheckedLines {
  return {
    texts,
    checks: texts.map((t, i) => checkLine(t, i + 1, target)),
    fileBytes: jsonlBytes(texts),
  };
}

describe('dataset edits', () => {
  it('summarises like checking the whole file', () => {
    const texts = [good(1), 'not json', '', good(4)];
    const data = load(texts);
    const whole = checkCustomizationDataset(texts.join('\n') + '\n', target);
    const summed = summarizeDataset(target, data.checks, data.fileBytes);
    expect(summed.totals).toEqual(whole.totals);
    expect(summed.problems).toEqual(whole.problems);
  });

  it('fixes a line in place: only that line is re-checked, and the size follows', () => {
    const data = load([good(1), '{"prompt": "x"}', good(3)]);
    expect(data.checks[1]!.problems[0]!.path).toBe('completion');
    const fixed = replaceLine(data, 2, good(2), target);
    expect(fixed.checks.every((c) => c.ok)).toBe(true);
    expect(fixed.fileBytes).toBe(jsonlBytes(fixed.texts));
    expect(data.texts[1]).toBe('{"prompt": "x"}');
  });

  it('deletes a line and renumbers the problems after it', () => {
    const data = load([good(1), '', 'nope']);
    const after = deleteLine(data, 2);
    expect(after.texts).toEqual([good(1), 'nope']);
    expect(after.checks[1]!.line).toBe(2);
    expect(after.checks[1]!.problems[0]!.line).toBe(2);
    expect(after.fileBytes).toBe(jsonlBytes(after.texts));
    expect(summarizeDataset(target, after.checks, after.fileBytes).totals.blankLines).toBe(0);
  });

  it('appends typed lines, numbered after the last', () => {
    const after = appendLines(load([good(1)]), [good(2), '[]'], target);
    expect(after.checks.map((c) => [c.line, c.ok])).toEqual([
      [1, true],
      [2, true],
      [3, false],
    ]);
    expect(() => replaceLine(after, 9, good(9), target)).toThrow(RangeError);
  });
});
