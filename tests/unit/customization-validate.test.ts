/**
 * The customization dataset validator: each documented shape with valid and invalid lines (line
 * numbers and field paths exact), turn order, empty fields, over-long records, bad JSON, blank
 * lines, totals and the per-model limits.
 */
import { describe, expect, it } from 'vitest';
import {
  checkCustomizationDataset,
  checkLine,
  createDatasetChecker,
  createLineSplitter,
  CUSTOMIZATION_MODELS,
  estimateTokens,
  limitRows,
  methodSupport,
  splitForValidation,
  splitLines,
  toJsonl,
  utf8Bytes,
  type DatasetTarget,
} from '../../shared/customization';

const TITAN: DatasetTarget = { model: 'titan-text-express', method: 'FINE_TUNING' };
const NOVA: DatasetTarget = { model: 'nova-micro', method: 'FINE_TUNING' };
const HAIKU: DatasetTarget = { model: 'claude-3-haiku', method: 'FINE_TUNING' };
const CPT: DatasetTarget = { model: 'titan-text-lite', method: 'CONTINUED_PRE_TRAINING' };
const DISTIL: DatasetTarget = { model: 'nova-lite', method: 'DISTILLATION' };
const HAIKU_STUDENT: DatasetTarget = { model: 'claude-3-haiku', method: 'DISTILLATION' };

const pc = (prompt: string, completion: string) => JSON.stringify({ prompt, completion });
const turn = (role: string, text: string) => ({ role, content: [{ text }] });
const converse = (...messages: object[]) =>
  JSON.stringify({
    schemaVersion: 'bedrock-conversation-2024',
    system: [{ text: 'You are a tutor.' }],
    messages,
  });

/** Problems of a file as [line, path] pairs, in report order. */
const where = (text: string, target: DatasetTarget) =>
  checkCustomizationDataset(text, target).problems.map((p) => [p.line, p.path]);

describe('prompt/completion records (Titan Text, Cohere, Llama 3.1)', () => {
  it('accepts a documented pair and exports it unchanged', () => {
    const line = pc('What is the capital of France?', 'The capital of France is Paris.');
    const result = checkLine(line, 1, TITAN);
    expect(result.ok).toBe(true);
    expect(result.problems).toEqual([]);
    expect(toJsonl(result.record ? [result.record] : [])).toBe(`${line}\n`);
  });

  it('reports a missing, a wrongly typed and an empty field with their paths', () => {
    const file = [
      pc('Q1?', 'A1.'),
      JSON.stringify({ prompt: 'Q2?' }),
      JSON.stringify({ prompt: 42, completion: 'A3.' }),
      pc('Q4?', '   '),
    ].join('\n');
    const report = checkCustomizationDataset(file, TITAN);
    expect(report.problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [2, 'completion', '"completion" is missing; add it as text.'],
      [3, 'prompt', '"prompt" must be text, but it is a number.'],
      [
        4,
        'completion',
        '"completion" is empty; Bedrock needs text here. Fill it in or delete the record.',
      ],
    ]);
    expect(report.valid.map((v) => v.line)).toEqual([1]);
  });

  it('warns about keys the format does not document and leaves them out of the export', () => {
    const result = checkLine(
      JSON.stringify({ prompt: 'Q?', completion: 'A.', label: 'x' }),
      7,
      TITAN,
    );
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.line, w.path])).toEqual([[7, 'label']]);
    expect(result.record).toEqual({ prompt: 'Q?', completion: 'A.' });
  });

  it('flags a record over the 4,096 tokens Titan Text G1 - Express takes (estimated at 6 characters per token)', () => {
    // 4,097 tokens x 6 characters = 24,582 characters; split 24,000 prompt + 582 completion:
    // ceil(24,000 / 6) = 4,000 input + ceil(582 / 6) = 97 output = 4,097 > 4,096.
    const long = pc('a'.repeat(24_000), 'b'.repeat(582));
    const result = checkLine(long, 3, TITAN);
    expect(result.ok).toBe(false);
    expect(result.size?.tokens).toBe(4_097);
    expect(result.problems).toEqual([
      {
        line: 3,
        path: '',
        message:
          'This record is about 4,097 tokens (estimated at 6 characters per token), more than the 4,096 tokens of input and output together that Amazon Titan Text G1 - Express takes. Shorten it or split it.',
      },
    ]);
    // One character less on the completion: 576 / 6 = 96, total 4,096, which fits.
    expect(checkLine(pc('a'.repeat(24_000), 'b'.repeat(576)), 3, TITAN).ok).toBe(true);
  });

  it("checks Cohere Command's separate input (4,096) and output (2,048) limits", () => {
    // Output 2,049 tokens = 12,294 characters / 6.
    const result = checkLine(pc('Q?', 'c'.repeat(12_294)), 1, {
      model: 'cohere-command',
      method: 'FINE_TUNING',
    });
    expect(result.problems.map((p) => p.message)).toEqual([
      'This record is about 2,049 tokens (estimated at 6 characters per token), more than the 2,048 output tokens that Cohere Command takes. Shorten it or split it.',
    ]);
  });
});

describe('lines that are not records', () => {
  it('reports bad JSON, a non-object and a blank line on their own lines', () => {
    const file = [
      pc('Q1?', 'A1.'),
      '{"prompt": "Q2?", "completion": ',
      '',
      '["a list"]',
      pc('Q5?', 'A5.'),
    ].join('\n');
    const report = checkCustomizationDataset(`${file}\n`, TITAN);
    expect(report.problems.map((p) => [p.line, p.path])).toEqual([
      [2, ''],
      [3, ''],
      [4, ''],
    ]);
    expect(report.problems[0]?.message).toMatch(
      /^This line is not valid JSON \(.+\)\. Each line must be one complete JSON object\.$/,
    );
    expect(report.problems[1]?.message).toBe(
      'This line is empty; every line must be one JSON object. Delete it.',
    );
    expect(report.problems[2]?.message).toBe(
      'Each line must be one JSON object {…}, but this one is a list.',
    );
    expect(report.totals).toMatchObject({ lines: 5, records: 2, invalidLines: 3, blankLines: 1 });
  });

  it('does not count the final newline as a line, and reads CRLF files', () => {
    expect(splitLines('a\nb\n')).toEqual(['a', 'b']);
    expect(splitLines('a\r\nb\r\n')).toEqual(['a', 'b']);
    expect(checkCustomizationDataset(`${pc('Q?', 'A.')}\r\n`, TITAN).problems).toEqual([]);
  });
});

describe('Converse records (Amazon Nova, Llama 3.2)', () => {
  it('accepts a system prompt and alternating user/assistant turns', () => {
    const line = converse(
      turn('user', 'Q1?'),
      turn('assistant', 'A1.'),
      turn('user', 'Q2?'),
      turn('assistant', 'A2.'),
    );
    const result = checkLine(line, 1, NOVA);
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
    // Input: "You are a tutor." 16 + "Q1?" 3 + "Q2?" 3 = 22 chars -> 4 tokens; output: 6 chars -> 1.
    expect(result.size).toEqual({
      inputChars: 22,
      outputChars: 6,
      inputTokens: 4,
      outputTokens: 1,
      tokens: 5,
    });
  });

  it('reports the first turn out of order, naming the turn and the rule', () => {
    const file = [
      converse(turn('assistant', 'A.'), turn('user', 'Q?')),
      converse(turn('user', 'Q1?'), turn('user', 'Q2?'), turn('assistant', 'A.')),
      converse(turn('user', 'Q1?'), turn('assistant', 'A1.'), turn('user', 'Q2?')),
      converse(turn('user', 'Q?'), turn('bot', 'A.')),
    ].join('\n');
    const report = checkCustomizationDataset(file, NOVA);
    expect(report.problems.map((p) => [p.line, p.path, p.message])).toEqual([
      [
        1,
        'messages[0].role',
        'Turn 1 must be "user" (the first turn is always the user’s), but it is "assistant".',
      ],
      [
        2,
        'messages[1].role',
        'Turn 2 must be "assistant" (turns alternate user, assistant, user, ...), but it is "user".',
      ],
      [
        3,
        'messages',
        'The last turn must be the assistant’s answer; this record ends with a user turn.',
      ],
      [
        4,
        'messages[1].role',
        'Turn 2 must be "assistant" (turns alternate user, assistant, user, ...), but it is "bot".',
      ],
      [null, '', '0 valid records: Amazon Nova Micro needs at least 8. Add records.'],
    ]);
  });

  it('reports empty text blocks, a missing content list and an empty system prompt by path', () => {
    const file = [
      JSON.stringify({
        system: [{ text: '' }],
        messages: [turn('user', 'Q?'), turn('assistant', 'A.')],
      }),
      JSON.stringify({ messages: [turn('user', 'Q?'), { role: 'assistant', content: [] }] }),
      JSON.stringify({ messages: [turn('user', ' '), turn('assistant', 'A.')] }),
      JSON.stringify({ messages: [turn('user', 'Q?')] }),
    ].join('\n');
    expect(where(file, NOVA)).toEqual([
      [1, 'system[0].text'],
      [2, 'messages[1].content'],
      [3, 'messages[0].content[0].text'],
      [4, 'messages'],
      [null, ''],
    ]);
  });

  it("fails Amazon Nova's reserved keywords, but not for other models", () => {
    const line = converse(turn('user', 'User: what is RAG?'), turn('assistant', 'Retrieval [EOS]'));
    expect(checkLine(line, 5, NOVA).problems).toEqual([
      {
        line: 5,
        path: 'messages[0].content[0].text',
        message:
          '"messages[0].content[0].text" contains "User:", which Amazon Nova reserves; a training job with it fails. Reword it.',
      },
      {
        line: 5,
        path: 'messages[1].content[0].text',
        message:
          '"messages[1].content[0].text" contains "[EOS]", which Amazon Nova reserves; a training job with it fails. Reword it.',
      },
    ]);
    expect(checkLine(line, 5, { model: 'llama-3-2-1b', method: 'FINE_TUNING' }).ok).toBe(true);
  });

  it('accepts any schemaVersion text for fine-tuning (Nova: "can be any string value")', () => {
    const line = JSON.stringify({
      schemaVersion: 'v9',
      messages: [turn('user', 'Q?'), turn('assistant', 'A.')],
    });
    expect(checkLine(line, 1, NOVA).ok).toBe(true);
  });
});

describe('Claude 3 Haiku records (plain-text system and content)', () => {
  const haiku = (system: unknown, ...messages: object[]) => JSON.stringify({ system, messages });

  it('accepts the documented single- and multi-turn forms', () => {
    const single = haiku(
      'You are an helpful assistant.',
      { role: 'user', content: 'what is AWS' },
      { role: 'assistant', content: "it's Amazon Web Services." },
    );
    const multi = haiku(
      'system message',
      { role: 'user', content: 'Hello there.' },
      { role: 'assistant', content: 'Hi, how can I help you?' },
      { role: 'user', content: 'what are LLMs?' },
      { role: 'assistant', content: 'LLM means large language model.' },
    );
    expect(checkLine(single, 1, HAIKU).ok).toBe(true);
    expect(checkLine(multi, 2, HAIKU).ok).toBe(true);
  });

  it('rejects Converse-style content blocks and an empty turn, with paths', () => {
    const file = [
      JSON.stringify({ messages: [turn('user', 'Q?'), turn('assistant', 'A.')] }),
      haiku('S', { role: 'user', content: 'Q?' }, { role: 'assistant', content: '' }),
      haiku('S', { role: 'user', content: 'Q?' }, { role: 'user', content: 'Q2?' }),
    ].join('\n');
    const report = checkCustomizationDataset(file, HAIKU);
    expect(report.problems.map((p) => [p.line, p.path])).toEqual([
      [1, 'messages[0].content'],
      [1, 'messages[1].content'],
      [2, 'messages[1].content'],
      [3, 'messages[1].role'],
      [null, ''],
    ]);
    expect(report.problems[0]?.message).toBe(
      '"messages[0].content" must be text, but it is a list.',
    );
    expect(report.problems[4]?.message).toBe(
      '0 valid records: Anthropic Claude 3 Haiku needs at least 32. Add records.',
    );
  });
});

describe('continued pre-training records ({"input"})', () => {
  it('accepts input-only lines and reports an empty or missing input', () => {
    const file = [
      JSON.stringify({ input: 'AWS stands for Amazon Web Services' }),
      JSON.stringify({ input: '' }),
      JSON.stringify({ text: 'wrong key' }),
    ].join('\n');
    const report = checkCustomizationDataset(file, CPT);
    expect(report.problems.map((p) => [p.line, p.path])).toEqual([
      [2, 'input'],
      [3, 'input'],
    ]);
    expect(report.warnings.map((w) => [w.line, w.path])).toEqual([[3, 'text']]);
    // No continued pre-training limits are published on the page read: none are applied.
    expect(report.limits.maxRecordTokens).toBeNull();
  });
});

describe('distillation prompts', () => {
  it('takes a user prompt alone, or with a desired assistant response', () => {
    const promptOnly = JSON.stringify({
      schemaVersion: 'bedrock-conversation-2024',
      messages: [turn('user', 'Why is the sky blue?')],
    });
    const withAnswer = converse(turn('user', 'Why?'), turn('assistant', 'Scattering.'));
    expect(checkLine(promptOnly, 1, DISTIL).problems).toEqual([]);
    expect(checkLine(withAnswer, 2, DISTIL).problems).toEqual([]);
  });

  it('requires schemaVersion, and Anthropic/Meta students take one user turn only', () => {
    const noVersion = JSON.stringify({ messages: [turn('user', 'Q?')] });
    expect(where(noVersion, DISTIL)).toEqual([[1, 'schemaVersion']]);
    const multi = converse(turn('user', 'Q1?'), turn('assistant', 'A1.'), turn('user', 'Q2?'));
    expect(checkLine(multi, 1, DISTIL).ok).toBe(true);
    expect(checkLine(multi, 1, HAIKU_STUDENT).problems.map((p) => p.path)).toEqual(['messages']);
  });

  it('warns when schemaVersion is not the example’s "bedrock-conversation-2024"', () => {
    const line = JSON.stringify({
      schemaVersion: 'bedrock-conversion-2024',
      messages: [turn('user', 'Q?')],
    });
    const result = checkLine(line, 4, DISTIL);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => w.path)).toEqual(['schemaVersion']);
  });
});

describe('totals and file limits', () => {
  it('counts records, tokens per record, total tokens and UTF-8 bytes', () => {
    // "Q1?" 3 chars -> 1 token, "Paris." 6 -> 1: 2 tokens; "é".repeat(12) 12 chars -> 2, "A." -> 1: 3.
    const lines = [pc('Q1?', 'Paris.'), pc('é'.repeat(12), 'A.')];
    const text = `${lines.join('\n')}\n`;
    const report = checkCustomizationDataset(text, TITAN);
    expect(report.totals).toEqual({
      lines: 2,
      records: 2,
      invalidLines: 0,
      blankLines: 0,
      tokensPerRecord: [2, 3],
      totalTokens: 5,
      largestRecordTokens: 3,
      fileBytes: text.length + 12, // each é is 2 bytes in UTF-8
    });
    expect(utf8Bytes('é€😀')).toBe(2 + 3 + 4);
    expect(estimateTokens(0)).toBe(0);
    expect(report.tokenEstimate).toMatch(/characters \/ 6/);
  });

  it('flags too few and too many records against the published counts', () => {
    const seven = Array.from({ length: 7 }, (_, i) =>
      converse(turn('user', `Q${i}?`), turn('assistant', 'A.')),
    ).join('\n');
    expect(checkCustomizationDataset(seven, NOVA).problems.map((p) => p.message)).toEqual([
      '7 valid records: Amazon Nova Micro needs at least 8. Add records.',
    ]);
    const eight = `${seven}\n${converse(turn('user', 'Q8?'), turn('assistant', 'A.'))}`;
    expect(checkCustomizationDataset(eight, NOVA).problems).toEqual([]);
    const tooMany = Array.from({ length: 10_001 }, (_, i) => pc(`Q${i}?`, 'A.')).join('\n');
    expect(
      checkCustomizationDataset(tooMany, { model: 'cohere-command', method: 'FINE_TUNING' })
        .problems,
    ).toEqual([
      {
        line: null,
        path: '',
        message:
          '10,001 valid records: Cohere Command takes at most 10,000. Remove records or split the work.',
      },
    ]);
  });

  it('applies no record count where AWS publishes none (Titan Text), and says so in the notes', () => {
    const support = methodSupport('titan-text-express', 'FINE_TUNING');
    expect(support?.limits.minRecords).toBeNull();
    expect(support?.limits.notes.join(' ')).toMatch(/not on the requirements page/);
    expect(checkCustomizationDataset(pc('Q?', 'A.'), TITAN).problems).toEqual([]);
  });
});

describe('the limits table', () => {
  it('is dated, sourced, and has a shape for every method a model offers', () => {
    for (const model of CUSTOMIZATION_MODELS) {
      for (const support of Object.values(model.methods)) {
        expect(support.limits.checkedOn).toBe('2026-12-04');
        expect(support.limits.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      }
    }
    expect(methodSupport('nova-pro', 'FINE_TUNING')?.limits).toMatchObject({
      minRecords: 8,
      maxTotalRecords: 20_000,
      maxRecordTokens: 32_000,
    });
    expect(methodSupport('claude-3-haiku', 'FINE_TUNING')?.limits).toMatchObject({
      minRecords: 32,
      maxTrainingRecords: 10_000,
      maxValidationRecords: 1_000,
      maxRecordTokens: 32_000,
      maxTrainingFileBytes: 10 * 1024 ** 3,
      maxValidationFileBytes: 1024 ** 3,
    });
    expect(methodSupport('nova-micro', 'CONTINUED_PRE_TRAINING')).toBeNull();
    const haikuRows = limitRows(methodSupport('claude-3-haiku', 'FINE_TUNING')!.limits);
    expect(haikuRows.map((r) => r.value)).toEqual([
      32,
      10_000,
      1_000,
      10_000,
      32_000,
      null,
      null,
      10 * 1024 ** 3,
      1024 ** 3,
    ]);
  });
});

describe('validation split', () => {
  it('is seeded, keeps file order, and checks the validation limit', () => {
    const lines = Array.from({ length: 40 }, (_, i) => pc(`Q${i}?`, 'A.')).join('\n');
    const report = checkCustomizationDataset(lines, TITAN);
    const a = splitForValidation(report.valid, 0.25, 7, report.limits);
    const b = splitForValidation(report.valid, 0.25, 7, report.limits);
    expect(a.validation.length).toBe(10); // floor(40 x 0.25)
    expect(a.training.length).toBe(30);
    expect(a.validation.map((v) => v.line)).toEqual(b.validation.map((v) => v.line));
    const ordered = [...a.validation.map((v) => v.line)].sort((x, y) => x - y);
    expect(a.validation.map((v) => v.line)).toEqual(ordered);
    expect(a.trainingJsonl.split('\n').filter(Boolean)).toHaveLength(30);
    expect(a.problems).toEqual([]);
    const tight = splitForValidation(report.valid, 0.5, 7, {
      ...report.limits,
      maxValidationRecords: 5,
    });
    expect(tight.problems.map((p) => p.message)).toEqual([
      '20 validation records: the most is 5. Lower the validation share.',
    ]);
  });
});

describe('reading a file in pieces', () => {
  it('gives the same report as the whole text, whatever the chunk boundaries', () => {
    const text = `\uFEFF${pc('Q1?', 'A1.')}\r\n\n{bad\r\n${pc('Q4?', 'A4.')}`;
    const whole = checkCustomizationDataset(text, TITAN);
    for (const size of [1, 3, 7, 1000]) {
      const checker = createDatasetChecker(TITAN);
      const body = text.slice(1);
      const splitter = createLineSplitter((line) => checker.pushLine(line));
      for (let i = 0; i < body.length; i += size) splitter.push(body.slice(i, i + size));
      splitter.end();
      expect(checker.lineCount).toBe(4);
      expect(checker.finish(utf8Bytes(text), true)).toEqual(whole);
    }
    expect(whole.problems.map((p) => [p.line, p.path])).toEqual([
      [2, ''],
      [3, ''],
    ]);
    expect(whole.warnings.map((w) => w.message)).toEqual([
      'The file starts with a byte-order mark; save it as UTF-8 without one for Bedrock.',
    ]);
  });
});
