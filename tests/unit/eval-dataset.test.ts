import { describe, expect, it } from 'vitest';
import {
  BEDROCK_MAX_PROMPTS_PER_JOB,
  STRATUM_DATASET_GUARDS,
  checkDataset,
  checkDatasetLine,
  splitJsonLines,
  toJsonLine,
} from '../../shared/eval-dataset';

const good =
  '{"prompt":"What is the capital of France?","referenceResponse":"Paris","category":"geography"}';

describe("Bedrock's prompt dataset format", () => {
  it('accepts the documented keys and keeps them in order on the way out', () => {
    const result = checkDatasetLine(good, 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.row).toEqual({
      prompt: 'What is the capital of France?',
      referenceResponse: 'Paris',
      category: 'geography',
    });
    expect(toJsonLine(result.row)).toBe(good);
    expect(result.warnings).toEqual([]);
  });

  it('accepts a judge line that brings its own responses', () => {
    const line = JSON.stringify({
      prompt: 'Summarise: ...',
      modelResponses: [{ response: 'A summary.', modelIdentifier: 'my-model_v1.2' }],
    });
    expect(checkDatasetLine(line, 1).ok).toBe(true);
    const bad = JSON.stringify({
      prompt: 'x',
      modelResponses: [{ response: 'y', modelIdentifier: '-bad' }],
    });
    const result = checkDatasetLine(bad, 2);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons[0]).toMatch(/modelResponses/);
  });

  it.each([
    ['not JSON', '{"prompt": "x",}', /not valid JSON/],
    ['a list', '["x"]', /one JSON object .* a list/],
    ['a string', '"just text"', /a string/],
    ['no prompt', '{"referenceResponse":"Paris"}', /"prompt" is missing/],
    ['a number prompt', '{"prompt": 42}', /"prompt" must be text, but it is a number/],
    ['an empty prompt', '{"prompt": "   "}', /"prompt" is empty/],
    [
      'an empty reference',
      '{"prompt": "x", "referenceResponse": ""}',
      /"referenceResponse" is empty/,
    ],
    [
      'a list category',
      '{"prompt": "x", "category": ["a"]}',
      /"category" must be text, but it is a list/,
    ],
    ['an empty line', '   ', /empty/],
  ])('refuses %s with a plain reason', (_name, text, reason) => {
    const result = checkDatasetLine(text, 7);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.line).toBe(7);
    expect(result.reasons.join(' ')).toMatch(reason);
  });

  it('requires a reference when the task compares with one', () => {
    const result = checkDatasetLine('{"prompt":"x"}', 3, { requireReference: true });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.reasons).toEqual([expect.stringMatching(/"referenceResponse" is missing/)]);
  });

  it('warns about keys Bedrock does not read, suggesting the right spelling', () => {
    const result = checkDatasetLine('{"prompt":"x","reference_response":"y","notes":"z"}', 1);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings[0]).toMatch(/did you mean "referenceResponse"/);
    expect(result.warnings[1]).toMatch(/"notes" is not one of Bedrock's keys/);
  });

  it('refuses a line past Stratum’s own length guard', () => {
    const long = JSON.stringify({ prompt: 'x'.repeat(STRATUM_DATASET_GUARDS.maxLineChars) });
    const result = checkDatasetLine(long, 1);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reasons[0]).toMatch(/Stratum's limit/);
  });
});

describe('a whole file', () => {
  it('numbers lines from 1, handles CRLF and a final newline, and keeps the valid lines', () => {
    const text = `${good}\r\n{"prompt":\r\n\r\n{"prompt":"Second"}\r\n`;
    expect(splitJsonLines(text)).toHaveLength(4);
    const check = checkDataset(text);
    expect(check.lines).toBe(4);
    expect(check.valid.map((v) => v.line)).toEqual([1, 4]);
    expect(check.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(check.exceedsJobLimit).toBe(false);
  });

  it('skips a byte-order mark and says so', () => {
    const check = checkDataset(`\uFEFF${good}\n`);
    expect(check.valid).toHaveLength(1);
    expect(check.notes[0]).toMatch(/byte-order mark/);
  });

  it('reads 5,000 lines and says when there are more prompts than one Bedrock job takes', () => {
    const text = Array.from({ length: 5_000 }, (_, i) =>
      JSON.stringify({ prompt: `Question ${i}` }),
    ).join('\n');
    const check = checkDataset(text);
    expect(check.valid).toHaveLength(5_000);
    expect(check.exceedsJobLimit).toBe(true);
    expect(check.notes.join(' ')).toMatch(/at most 1,000 in one evaluation job/);
    expect(BEDROCK_MAX_PROMPTS_PER_JOB).toBe(1_000);
  });

  it('reads no further than Stratum’s line guard', () => {
    const lines = STRATUM_DATASET_GUARDS.maxLines + 2;
    const check = checkDataset(Array.from({ length: lines }, () => '{"prompt":"x"}').join('\n'));
    expect(check.lines).toBe(STRATUM_DATASET_GUARDS.maxLines);
    expect(check.notes[0]).toMatch(/Only the first 10,000 of 10,002 lines/);
  });
});
