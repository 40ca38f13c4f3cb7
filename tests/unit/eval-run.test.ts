/**
 * The evaluation lab's additions to lib/eval: the seeded bootstrap interval, CSV writing, run
 * planning (sample, perturbed copies, cost estimate) and scoring a whole run per candidate.
 */
import { describe, expect, it } from 'vitest';
import {
  bootstrapMean,
  csvField,
  estimateRunCost,
  perturbedCopies,
  sampleItems,
  scoreRun,
  toCsv,
} from '../../renderer/src/lib/eval';

describe('bootstrapMean', () => {
  it('is repeatable with a seed and brackets the mean', () => {
    const values = [0.1, 0.9, 0.4, 0.7, 0.3, 0.8, 0.5, 0.2];
    const a = bootstrapMean(values, { seed: 7 });
    const b = bootstrapMean(values, { seed: 7 });
    expect(a).toEqual(b);
    expect(a.mean).toBeCloseTo(0.4875, 12);
    expect(a.low).toBeLessThan(a.mean);
    expect(a.high).toBeGreaterThan(a.mean);
    expect(a.resamples).toBe(1000);
  });

  it('agrees with the normal approximation for a large 0/1 sample', () => {
    // 400 items, half right: the standard error of the mean is sqrt(0.25/400) = 0.025, so a 95%
    // interval is about 0.5 ± 1.96 × 0.025 = [0.451, 0.549].
    const values = Array.from({ length: 400 }, (_, i) => i % 2);
    const ci = bootstrapMean(values, { seed: 1, resamples: 4000 });
    expect(ci.low).toBeGreaterThan(0.44);
    expect(ci.low).toBeLessThan(0.46);
    expect(ci.high).toBeGreaterThan(0.54);
    expect(ci.high).toBeLessThan(0.56);
  });

  it('has no width when every score is the same, and is 0 for no scores', () => {
    expect(bootstrapMean([1, 1, 1], { seed: 3 })).toMatchObject({ mean: 1, low: 1, high: 1 });
    expect(bootstrapMean([], { seed: 3 })).toMatchObject({ mean: 0, low: 0, high: 0 });
  });

  it('is wider with fewer items', () => {
    const few = bootstrapMean([0, 1, 0, 1], { seed: 5 });
    const many = bootstrapMean(
      Array.from({ length: 100 }, (_, i) => i % 2),
      { seed: 5 },
    );
    expect(few.high - few.low).toBeGreaterThan(many.high - many.low);
  });

  it('refuses a bad level or resample count', () => {
    expect(() => bootstrapMean([1], { seed: 1, level: 1 })).toThrow(RangeError);
    expect(() => bootstrapMean([1], { seed: 1, resamples: 0 })).toThrow(RangeError);
  });
});

describe('CSV', () => {
  it('quotes commas, quotes and line breaks, and writes CRLF records', () => {
    expect(
      toCsv([
        ['id', 'text'],
        ['a', 'plain'],
        ['b', 'has, comma'],
        ['c', 'say "hi"\nthen go'],
      ]),
    ).toBe('id,text\r\na,plain\r\nb,"has, comma"\r\nc,"say ""hi""\nthen go"\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not numbers', () => {
    expect(csvField('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('-1+2')).toBe("'-1+2");
    expect(csvField(-0.5)).toBe('-0.5');
  });

  it('writes empty fields for null, undefined and non-finite numbers', () => {
    expect(toCsv([[null, undefined, Number.NaN, true, 0]])).toBe(',,,true,0\r\n');
    expect(toCsv([])).toBe('');
  });
});

describe('run planning', () => {
  const items = Array.from({ length: 10 }, (_, i) => ({
    id: `i${i}`,
    prompt: `What does service number ${i} do for a customer?`,
    referenceResponse: `It helps ${i}`,
  }));

  it('samples N items repeatably, or keeps them all', () => {
    const a = sampleItems(items, 3, 9);
    expect(a).toHaveLength(3);
    expect(sampleItems(items, 3, 9)).toEqual(a);
    expect(sampleItems(items, 50, 9)).toEqual(items);
  });

  it('makes one changed copy per item per kind, carrying the reference', () => {
    const copies = perturbedCopies(items.slice(0, 2), ['typos', 'casing'], 4);
    expect(copies.map((c) => c.id)).toEqual(['i0~typos', 'i0~casing', 'i1~typos', 'i1~casing']);
    for (const c of copies) {
      const original = items.find((i) => i.id === c.perturbation?.of);
      expect(c.prompt).not.toBe(original?.prompt);
      expect(c.referenceResponse).toBe(original?.referenceResponse);
    }
    expect(perturbedCopies(items.slice(0, 2), ['typos', 'casing'], 4)).toEqual(copies);
  });

  it('estimates the most a run can cost from characters and maxTokens', () => {
    const estimate = estimateRunCost(
      ['abcd'.repeat(25)],
      [{ modelId: 'amazon.nova-micro-v1:0', maxTokens: 100, template: '{{prompt}}' }],
    );
    expect(estimate.calls).toBe(1);
    expect(estimate.inputTokens).toBe(28);
    expect(estimate.maxOutputTokens).toBe(100);
    expect(estimate.usd).toBeGreaterThan(0);
    expect(
      estimateRunCost(['x'], [{ modelId: 'not.in-catalog', maxTokens: 1, template: '{{prompt}}' }])
        .usd,
    ).toBeNull();
  });
});

describe('scoreRun', () => {
  it('scores each candidate, with intervals, corpus BLEU and robustness', () => {
    const scores = scoreRun({
      task: 'qa',
      items: [
        { id: 'a', reference: 'Amazon Bedrock' },
        { id: 'b', reference: 'Amazon SageMaker' },
        { id: 'a~typos', reference: 'Amazon Bedrock', perturbation: { of: 'a', kind: 'typos' } },
      ],
      candidateIds: ['x', 'y'],
      responses: [
        { itemId: 'a', candidateId: 'x', text: 'Amazon Bedrock' },
        { itemId: 'b', candidateId: 'x', text: 'SageMaker' },
        { itemId: 'a~typos', candidateId: 'x', text: 'Bedrock' },
        { itemId: 'a', candidateId: 'y', text: 'no idea' },
      ],
      seed: 1,
    });
    const [x, y] = scores.candidates;
    expect(x?.items.map((i) => i.itemId)).toEqual(['a', 'b']);
    expect(x?.items[0]?.values.exactMatch).toBe(1);
    expect(x?.summary.find((s) => s.metric === 'exactMatch')?.mean).toBe(0.5);
    expect(x?.corpusBleu).not.toBeNull();
    // token F1 of "Bedrock" against "Amazon Bedrock" is 2/3, the original scored 1.
    expect(x?.robustness?.metric).toBe('tokenF1');
    expect(x?.robustness?.overall.meanAbsoluteDelta).toBeCloseTo(1 / 3, 12);
    expect(y?.items).toHaveLength(1);
    expect(y?.robustness).toBeNull();
  });

  it('scores classification with accuracy and a report, and open prompts with nothing', () => {
    const cls = scoreRun({
      task: 'classification',
      labels: ['1', '2'],
      items: [
        { id: 'a', reference: '1' },
        { id: 'b', reference: '2' },
      ],
      candidateIds: ['x'],
      responses: [
        { itemId: 'a', candidateId: 'x', text: 'Domain 1.' },
        { itemId: 'b', candidateId: 'x', text: 'Domain 1, surely' },
      ],
      seed: 1,
    });
    expect(cls.metrics).toEqual(['accuracy']);
    expect(cls.candidates[0]?.classification?.accuracy).toBe(0.5);
    expect(cls.candidates[0]?.items[1]?.predicted).toBe('1');
    const open = scoreRun({
      task: 'open',
      items: [{ id: 'a' }],
      candidateIds: ['x'],
      responses: [{ itemId: 'a', candidateId: 'x', text: 'hello' }],
      seed: 1,
    });
    expect(open.metrics).toEqual([]);
    expect(open.candidates[0]?.summary).toEqual([]);
  });
});

describe('open prompts (content/eval/open-prompts.json)', () => {
  it('has at least 10 valid prompts without references, each a valid dataset line', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { OpenPromptFile, openPromptItems, toDatasetRow } =
      await import('../../renderer/src/lib/eval');
    const { checkDatasetLine, toJsonLine } = await import('../../shared/eval-dataset');
    const raw: unknown = JSON.parse(
      readFileSync(join(__dirname, '../../content/eval/open-prompts.json'), 'utf8'),
    );
    const items = openPromptItems(OpenPromptFile.parse(raw));
    expect(items.length).toBeGreaterThanOrEqual(10);
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      expect(item.referenceResponse).toBeUndefined();
      expect(checkDatasetLine(toJsonLine(toDatasetRow(item)), 1).ok).toBe(true);
    }
  });
});

describe('streamingDatasetCheck', () => {
  it('gives the same result as checkDataset however the text is cut into chunks', async () => {
    const { checkDataset } = await import('../../shared/eval-dataset');
    const { streamingDatasetCheck } = await import('../../renderer/src/lib/eval/jsonl-check');
    const text =
      '\uFEFF{"prompt":"one","referenceResponse":"1"}\r\n' +
      'not json\n' +
      '{"prompt":""}\n' +
      '{"prompt":"four","Category":"x"}\n';
    const whole = checkDataset(text);
    for (const size of [1, 3, 7, 1000]) {
      const check = streamingDatasetCheck();
      for (let i = 0; i < text.length; i += size) check.push(text.slice(i, i + size));
      expect(check.finish()).toEqual(whole);
    }
    expect(whole.problems.map((p) => p.line)).toEqual([2, 3]);
  });
});
