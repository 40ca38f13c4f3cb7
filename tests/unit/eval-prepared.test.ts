/**
 * The scoring fast path (lib/eval/prepared.ts, used by `scoreGeneration`) against the
 * straightforward path: each metric's own entry point on the strings (`exactMatch`, `tokenF1`
 * with `maxOverReferences`, `rouge`, `bleuStats`), which tests/unit/eval-metrics.test.ts checks
 * against the reference implementations. Random texts mix the characters the tokenisers treat
 * specially (punctuation, digits with periods, commas and dashes, articles, HTML entities,
 * `<skipped>`, `-\n`, non-ASCII letters, Greek capital sigma, Python-only whitespace) so any
 * difference in tokenising by word shows up. One `SharedScoring` across a run's candidates (each
 * reference tokenised once) gives the numbers a fresh cache per candidate gives.
 */
import { describe, expect, it } from 'vitest';
import {
  bleuFromStats,
  bleuStats,
  exactMatch,
  maxOverReferences,
  rouge,
  scoreGeneration,
  scoreRun,
  split13a,
  splitPythonWhitespace,
  sumBleuStats,
  tokenF1,
  unescape13a,
} from '../../renderer/src/lib/eval';
import { SharedScoring } from '../../renderer/src/lib/eval/prepared';
import { createRng, type Rng } from '../../shared/random';

const PIECES = [
  'the',
  'The',
  'a',
  'an',
  'An',
  'model',
  'Models',
  'bedrock',
  'Bedrock',
  'AWS',
  'data',
  'café',
  'ΟΔΟΣ',
  'Σ',
  "don't",
  'e.g.',
  'U.S.',
  '3.5',
  '1,000',
  '2026-12-04',
  '7-',
  '-',
  '.',
  ',',
  '...',
  '!',
  '?',
  '"',
  "'",
  '(',
  ')',
  '[x]',
  '{y}',
  '&amp;',
  '&quot;',
  '&lt;b&gt;',
  '&amp;quot;',
  '<skipped>',
  '<skip<skipped>ped>',
  'foo-',
  'x.y',
  'a,b',
  '’the’',
  '#1',
  '$5',
  '_',
  'naïve',
  'İstanbul',
  '5.',
  ',5',
  'A.',
  '10%',
];
const SPACES = [
  ' ',
  ' ',
  ' ',
  ' ',
  '  ',
  '\n',
  '-\n',
  '\t',
  '\u00a0',
  '\u001c',
  '\u0085',
  '\u3000',
  '',
];

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng.next() * items.length)] as T;
}

function randomText(rng: Rng, maxWords: number): string {
  const words = Math.floor(rng.next() * (maxWords + 1));
  let text = rng.next() < 0.2 ? pick(rng, SPACES) : '';
  for (let i = 0; i < words; i++) text += pick(rng, PIECES) + pick(rng, SPACES);
  return text;
}

/** Shares words with the reference, as real responses do, so matches of every order occur. */
function responseLike(rng: Rng, reference: string): string {
  return reference
    .split(' ')
    .map((w) => (rng.next() < 0.6 ? w : randomText(rng, 2)))
    .join(pick(rng, [' ', ' ', '\n']));
}

function straightforward(response: string, references: readonly string[]) {
  return {
    exactMatch: maxOverReferences(exactMatch, response, references),
    tokenF1: maxOverReferences(tokenF1, response, references),
    rouge: rouge(response, references[0] as string),
    stats: bleuStats(response, references),
  };
}

describe('the scoring fast path', () => {
  it('gives exactly the numbers of the metrics on the strings, on 400 random pairs', () => {
    const rng = createRng(1507);
    const pairs = Array.from({ length: 400 }, (_, i) => {
      const reference = randomText(rng, 40);
      const references = [reference];
      const more = rng.next();
      if (more < 0.25) references.push(randomText(rng, 30));
      if (more < 0.1) references.push(responseLike(rng, reference));
      const response =
        rng.next() < 0.05 ? reference : rng.next() < 0.1 ? '' : responseLike(rng, reference);
      return { id: `p${i}`, response, references };
    });
    const fast = scoreGeneration(pairs);
    const slow = pairs.map((p) => straightforward(p.response, p.references));
    pairs.forEach((p, i) => {
      const f = fast.items[i]!;
      const s = slow[i]!;
      expect({ id: f.id, exactMatch: f.exactMatch, tokenF1: f.tokenF1, rouge: f.rouge }).toEqual({
        id: p.id,
        exactMatch: s.exactMatch,
        tokenF1: s.tokenF1,
        rouge: s.rouge,
      });
      expect(f.sentenceBleu).toEqual(
        bleuFromStats(s.stats, { smoothing: 'exp', effectiveOrder: true }),
      );
    });
    expect(fast.corpusBleu).toEqual(
      bleuFromStats(sumBleuStats(slow.map((s) => s.stats)), { smoothing: 'exp' }),
    );
    // The random pairs do exercise the metrics: some match exactly, most partly.
    expect(fast.items.some((i) => i.exactMatch === 1)).toBe(true);
    expect(fast.items.filter((i) => i.sentenceBleu.matches[3]! > 0).length).toBeGreaterThan(50);
  });

  it('agrees on a large vocabulary (thousands of distinct words)', () => {
    const rng = createRng(42);
    const word = () =>
      `W${Math.floor(rng.next() * 20_000).toString(36)}${pick(rng, ['', ',', '.'])}`;
    const pairs = Array.from({ length: 60 }, (_, i) => {
      const reference = Array.from({ length: 200 }, word);
      const response = reference.map((w) => (rng.next() < 0.6 ? w : word()));
      return { id: `v${i}`, response: response.join(' '), references: [reference.join(' ')] };
    });
    const fast = scoreGeneration(pairs);
    pairs.forEach((p, i) => {
      const s = straightforward(p.response, p.references);
      expect(fast.items[i]!.rouge).toEqual(s.rouge);
      expect(fast.items[i]!.tokenF1).toBe(s.tokenF1);
      expect(fast.items[i]!.sentenceBleu.matches).toEqual(s.stats.matches);
    });
  });

  it('13a tokenises a text as its whitespace-separated words one by one', () => {
    const rng = createRng(13);
    for (let k = 0; k < 500; k++) {
      const text = unescape13a(randomText(rng, 30));
      const byWord = splitPythonWhitespace(text).flatMap((w) => split13a(w));
      expect(byWord).toEqual(split13a(text));
    }
  });
});

describe('one cache shared by the candidates of a run', () => {
  const rng = createRng(2207);
  const references = Array.from({ length: 120 }, () => {
    const refs = [randomText(rng, 40)];
    if (rng.next() < 0.2) refs.push(randomText(rng, 30));
    return refs;
  });
  const candidates = ['a', 'b', 'c'].map((name) =>
    references.map((refs, i) => ({
      id: `${name}${i}`,
      response: rng.next() < 0.05 ? (refs[0] as string) : responseLike(rng, refs[0] as string),
      references: refs,
    })),
  );

  it('scoreGeneration gives the numbers of a fresh cache per candidate, and prepares each reference once', () => {
    const shared = new SharedScoring();
    for (const pairs of candidates) {
      const scored = scoreGeneration(pairs, shared);
      expect(scored).toEqual(scoreGeneration(pairs));
      pairs.forEach((p, i) => {
        const s = straightforward(p.response, p.references);
        expect(scored.items[i]!.rouge).toEqual(s.rouge);
        expect(scored.items[i]!.tokenF1).toBe(s.tokenF1);
        expect(scored.items[i]!.sentenceBleu.matches).toEqual(s.stats.matches);
      });
    }
    const text = references[0]![0]!;
    expect(shared.reference(text)).toBe(shared.reference(text));
  });

  it('scoreRun scores every candidate and robustness copy as it would alone', () => {
    const items = [
      ...references.map((refs, i) => ({ id: `q${i}`, reference: refs[0] })),
      ...references.slice(0, 30).map((refs, i) => ({
        id: `q${i}-casing`,
        reference: refs[0],
        perturbation: { of: `q${i}`, kind: 'casing' as const },
      })),
    ];
    const responses = candidates.flatMap((pairs, k) =>
      items.map((item, i) => ({
        itemId: item.id,
        candidateId: `c${k}`,
        text: (pairs[i % pairs.length] as { response: string }).response,
      })),
    );
    const input = {
      task: 'qa' as const,
      items,
      candidateIds: ['c0', 'c1', 'c2'],
      responses,
      seed: 3,
    };
    const together = scoreRun(input);
    // The last candidate scored first, alone, with its own cache.
    for (const id of [...input.candidateIds].reverse()) {
      const alone = scoreRun({ ...input, candidateIds: [id] });
      expect(together.candidates.find((c) => c.candidateId === id)).toEqual(alone.candidates[0]);
    }
    expect(together.candidates[0]!.robustness?.byKind[0]?.items).toBe(30);
  });
});
