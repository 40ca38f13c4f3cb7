/**
 * The token lab's n-gram model. Expected probabilities are worked out by hand below (and were
 * cross-checked with an independent, definition-by-definition Python implementation using exact
 * fractions), never taken from the code's own output.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  logitsFromDistribution,
  tokenize,
  trainKneserNey,
  type NextWord,
  type NgramModel,
} from '../../renderer/src/lib/ngram';
import { plainText } from '../../renderer/src/lib/search';
import { loadCorpus } from '../support/corpus';

const sum = (dist: NextWord[]) => dist.reduce((total, entry) => total + entry.p, 0);
const asRecord = (dist: NextWord[]) => Object.fromEntries(dist.map((e) => [e.word, e.p]));

function expectClose(actual: Record<string, number>, expected: Record<string, number>) {
  expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
  for (const [word, p] of Object.entries(expected)) {
    expect(actual[word], word).toBeCloseTo(p, 12);
  }
}

describe('tokenize', () => {
  it('lower-cases words and keeps . ? ! , as tokens', () => {
    expect(tokenize('Hello, World! Is it Bedrock? Yes.')).toEqual([
      'hello',
      ',',
      'world',
      '!',
      'is',
      'it',
      'bedrock',
      '?',
      'yes',
      '.',
    ]);
  });

  it('keeps internal apostrophes and hyphens, including typographic ones', () => {
    expect(tokenize("The model's top-p, pre-training and state-of-the-art")).toEqual([
      'the',
      "model's",
      'top-p',
      ',',
      'pre-training',
      'and',
      'state-of-the-art',
    ]);
    expect(tokenize('model\u2019s co\u2010pilot')).toEqual(["model's", 'co-pilot']);
  });

  it('drops other symbols and apostrophes or hyphens that are not inside a word', () => {
    expect(tokenize('(a) b; c: "d" #e $5 @f -g- \'h\' i--j')).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      '5',
      'f',
      'g',
      'h',
      'i',
      'j',
    ]);
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });

  it('handles other scripts without crashing', () => {
    // No spaces in Japanese: one run of letters is one word-level token.
    expect(tokenize('日本語のテキスト')).toEqual(['日本語のテキスト']);
    expect(tokenize('Привет, МИР')).toEqual(['привет', ',', 'мир']);
    // Devanagari vowel signs and viramas are combining marks: they stay inside the word.
    expect(tokenize('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    expect(tokenize('cafe\u0301 café')).toEqual(['café', 'café']);
  });

  it('drops emoji, including variation selectors and skin tones', () => {
    expect(tokenize('I ❤️ LLMs 🚀👍🏽 👩‍💻!')).toEqual(['i', 'llms', '!']);
    expect(tokenize('🙂🙂🙂')).toEqual([]);
  });
});

/*
 * The tiny corpus: three texts, tokenized as
 *   [the cat sat .]  [the dog sat .]  [a cat ran .]
 * Vocabulary V = { . , a, cat, dog, ran, sat, the, <unk> }: |V| = 8. Fixed discount D = 0.75.
 */
const TINY = ['The cat sat.', 'The dog sat.', 'A cat ran.'];
const D = 0.75;

/*
 * Unigram level (the same for the bigram and the trigram model). Continuation counts N1+(• w),
 * the distinct words seen before w (with <s> before each text's first word):
 *   the {<s>} 1, a {<s>} 1, cat {the, a} 2, dog {the} 1, sat {cat, dog} 2, ran {cat} 1,
 *   . {sat, ran} 2, <unk> 0.   Total N1+(• •) = 10; distinct words with N1+ > 0: 7.
 *   λ_1 · uniform = 0.75 · 7 / 10 · 1/8 = 0.065625
 *   count 2: (2 - 0.75) / 10 + 0.065625 = 0.190625
 *   count 1: (1 - 0.75) / 10 + 0.065625 = 0.090625
 *   count 0:                    0.065625
 *   Check: 3 · 0.190625 + 4 · 0.090625 + 0.065625 = 1.
 */
const P1: Record<string, number> = {
  '.': 0.190625,
  '<unk>': 0.065625,
  a: 0.090625,
  cat: 0.190625,
  dog: 0.090625,
  ran: 0.090625,
  sat: 0.190625,
  the: 0.090625,
};

describe('interpolated Kneser-Ney on a tiny corpus, by hand', () => {
  describe('bigram model (D = 0.75)', () => {
    let model: NgramModel;
    beforeAll(() => {
      model = trainKneserNey(TINY, { order: 2, discount: D });
    });

    it('has the vocabulary, order and discounts', () => {
      expect(model.order).toBe(2);
      expect(model.vocabulary).toEqual(['.', '<unk>', 'a', 'cat', 'dog', 'ran', 'sat', 'the']);
      expect(model.discounts).toEqual([D, D]);
    });

    it('P(· | the)', () => {
      // Raw counts after "the": cat 1, dog 1; c(the) = 2, N1+(the •) = 2, λ = 0.75 · 2/2 = 0.75.
      //   cat: (1 - 0.75)/2 + 0.75 · 0.190625 = 0.125 + 0.14296875 = 0.26796875
      //   dog: (1 - 0.75)/2 + 0.75 · 0.090625 = 0.125 + 0.06796875 = 0.19296875
      //   any other w: 0.75 · P1(w)
      expectClose(asRecord(model.nextDistribution(['the'])), {
        '.': 0.75 * 0.190625,
        '<unk>': 0.75 * 0.065625,
        a: 0.75 * 0.090625,
        cat: 0.26796875,
        dog: 0.19296875,
        ran: 0.75 * 0.090625,
        sat: 0.75 * 0.190625,
        the: 0.75 * 0.090625,
      });
    });

    it('P(. | sat) and P(the | start of text)', () => {
      // After "sat": . 2; c = 2, one type, λ = 0.75 · 1/2 = 0.375.
      //   (2 - 0.75)/2 + 0.375 · 0.190625 = 0.625 + 0.071484375 = 0.696484375
      expect(model.probability('.', 'The dog sat')).toBeCloseTo(0.696484375, 12);
      // After <s>: the 2, a 1; c = 3, two types, λ = 0.75 · 2/3 = 0.5.
      //   (2 - 0.75)/3 + 0.5 · 0.090625 = 5/12 + 0.0453125 = 887/1920
      expect(model.probability('the', '')).toBeCloseTo(887 / 1920, 12);
      expect(model.probability('the', [])).toBeCloseTo(887 / 1920, 12);
    });

    it('an unseen context is the unigram distribution exactly', () => {
      expectClose(asRecord(model.nextDistribution(['zebra'])), P1);
      expectClose(asRecord(model.nextDistribution('日本語')), P1);
    });
  });

  describe('trigram model (D = 0.75)', () => {
    let model: NgramModel;
    beforeAll(() => {
      model = trainKneserNey(TINY, { order: 3, discount: D });
    });

    /*
     * Middle level, context "cat": continuation counts N1+(• cat w) from the distinct trigrams
     * "the cat sat" and "a cat ran": sat 1, ran 1; total 2, two types, λ = 0.75 · 2/2 = 0.75.
     *   sat: (1 - 0.75)/2 + 0.75 · 0.190625 = 0.26796875
     *   ran: (1 - 0.75)/2 + 0.75 · 0.090625 = 0.19296875
     *   any other w: 0.75 · P1(w)
     */
    const P2cat: Record<string, number> = {
      '.': 0.75 * 0.190625,
      '<unk>': 0.75 * 0.065625,
      a: 0.75 * 0.090625,
      cat: 0.75 * 0.190625,
      dog: 0.75 * 0.090625,
      ran: 0.19296875,
      sat: 0.26796875,
      the: 0.75 * 0.090625,
    };

    it('P(· | the cat)', () => {
      // Top level, context "the cat": raw count sat 1; c = 1, one type, λ = 0.75 · 1/1 = 0.75.
      //   sat: (1 - 0.75)/1 + 0.75 · 0.26796875 = 0.25 + 0.2009765625 = 0.4509765625
      //   ran: 0.75 · 0.19296875 = 0.1447265625
      const dist = model.nextDistribution('The cat');
      expectClose(
        asRecord(dist),
        Object.fromEntries(
          Object.entries(P2cat).map(([w, p]) => [w, w === 'sat' ? 0.4509765625 : 0.75 * p]),
        ),
      );
      expect(dist.slice(0, 2).map((e) => e.word)).toEqual(['sat', 'ran']);
    });

    it('P(the | start of text) pads the context with <s>', () => {
      // Middle level, context <s>: N1+(• <s> the) = 1, N1+(• <s> a) = 1 (left word <s>);
      //   total 2, λ = 0.75. P2(the | <s>) = 0.25/2 + 0.75 · 0.090625 = 0.19296875.
      // Top level, context <s> <s>: the 2, a 1; c = 3, λ = 0.5.
      //   (2 - 0.75)/3 + 0.5 · 0.19296875 = 5/12 + 0.096484375 = 3941/7680
      expect(model.contextOf('')).toEqual(['<s>', '<s>']);
      expect(model.probability('the', '')).toBeCloseTo(3941 / 7680, 12);
    });

    it('an unseen context backs off to the lower-order distribution exactly', () => {
      // "dog cat" never occurred, so the top level contributes nothing: P3 = P2(· | cat).
      expectClose(asRecord(model.nextDistribution(['dog', 'cat'])), P2cat);
      expect(model.nextDistribution(['zebra', 'cat'])).toEqual(
        model.nextDistribution(['dog', 'cat']),
      );
      // Neither word known: all the way down to the unigram level.
      expectClose(asRecord(model.nextDistribution('zebra qux')), P1);
    });
  });

  describe("'auto' discounts (Ney: n1 / (n1 + 2 n2))", () => {
    it('estimates D per level from count-of-counts', () => {
      // Bigram model. Raw bigram counts: <s> the 2, sat . 2, eight others 1 → D2 = 8/(8 + 4).
      // Unigram continuation counts (above): four 1s, three 2s → D1 = 4/(4 + 6) = 0.4.
      const model = trainKneserNey(TINY, { order: 2, discount: 'auto' });
      expect(model.discounts[0]).toBeCloseTo(0.4, 15);
      expect(model.discounts[1]).toBeCloseTo(2 / 3, 15);
      // P1(cat) = (2 - 0.4)/10 + 0.4 · 7/10 · 1/8 = 0.16 + 0.035 = 0.195
      // P2(cat | the) = (1 - 2/3)/2 + (2/3 · 2/2) · 0.195 = 1/6 + 0.13 = 89/300
      expect(model.probability('cat', 'the')).toBeCloseTo(89 / 300, 12);
    });

    it('estimates the trigram levels too', () => {
      // Raw trigram counts: <s> <s> the 2, ten others 1 → D3 = 10/12.
      // Bigram continuation counts: sat . 2 (after cat, dog), nine others 1 → D2 = 9/11.
      const model = trainKneserNey(TINY, { order: 3 });
      expect(model.discounts.map((d) => Number(d.toFixed(12)))).toEqual([
        0.4,
        Number((9 / 11).toFixed(12)),
        Number((10 / 12).toFixed(12)),
      ]);
      // From the independent Python implementation, as an exact fraction.
      expect(model.probability('sat', 'the cat')).toBeCloseTo(991 / 2640, 12);
    });
  });
});

describe('distributions', () => {
  let model: NgramModel;
  beforeAll(() => {
    model = trainKneserNey(TINY, { order: 3, discount: D });
  });

  it.each([
    ['a seen context', 'the cat'],
    ['an unseen word', 'the zebra'],
    ['an empty prompt', ''],
    ['a very long prompt', 'the cat sat on the mat. '.repeat(5000)],
    ['another script', '日本語のテキスト、テスト'],
    ['only emoji', '🚀🚀'],
  ])('sum to 1, list every word once and give each p > 0: %s', (_label, prompt) => {
    const dist = model.nextDistribution(prompt);
    expect(sum(dist)).toBeCloseTo(1, 12);
    expect(dist.map((e) => e.word).sort()).toEqual([...model.vocabulary].sort());
    expect(dist.every((e) => e.p > 0)).toBe(true);
  });

  it('are sorted by p, ties by word', () => {
    const dist = model.nextDistribution('zebra');
    // P1 ties: . cat sat at 0.190625, then a dog ran the at 0.090625, then <unk>.
    expect(dist.map((e) => e.word)).toEqual(['.', 'cat', 'sat', 'a', 'dog', 'ran', 'the', '<unk>']);
  });

  it('agree with probability(), which maps unknown words to <unk>', () => {
    for (const entry of model.nextDistribution('the dog')) {
      expect(model.probability(entry.word, 'the dog')).toBeCloseTo(entry.p, 15);
    }
    expect(model.probability('zebra', 'the dog')).toBe(model.probability('<unk>', 'the dog'));
  });

  it('conditions a long prompt on the same last words as tokenizing all of it', () => {
    // Words that a cut could split: hyphens, apostrophes, combining marks, emoji, punctuation.
    const words = ['pre-training', "model's", 'नमस्ते', '🚀', 'top-p,', 'cat.', 'e\u0301t\u00e9'];
    for (let length = 200; length < 1200; length += 7) {
      let prompt = '';
      for (let i = 0; prompt.length < length; i++) prompt += `${words[i % words.length]} `;
      expect(model.contextOf(prompt), `length ${prompt.length}`).toEqual(
        tokenize(prompt).slice(-2),
      );
    }
    // Very long words, so the last two tokens themselves straddle any cut.
    for (let n = 1; n < 2000; n += 37) {
      for (const prompt of [`${'a'.repeat(n)} b`, `x pre-${'y'.repeat(n)}`, `${'z'.repeat(n)}.`]) {
        expect(model.contextOf(prompt), `${prompt.length} chars`).toEqual(
          tokenize(prompt).slice(-2),
        );
      }
    }
  });

  it('topNext is the head of the distribution', () => {
    expect(model.topNext('the cat', 2)).toEqual(model.nextDistribution('the cat').slice(0, 2));
    expect(model.topNext('the cat', 0)).toEqual([]);
  });

  it('work for other orders and for an empty training set', () => {
    for (const order of [1, 2, 4]) {
      const other = trainKneserNey(TINY, { order, discount: D });
      expect(sum(other.nextDistribution('the cat sat')), `order ${order}`).toBeCloseTo(1, 12);
    }
    // Order 1: absolute discounting of raw unigram counts (cat, sat, the: 2; . 3; a, dog, ran: 1).
    // N = 12 tokens, 7 types: P(.) = (3 - 0.75)/12 + 0.75 · 7/12 · 1/8 = 0.1875 + 0.0546875.
    expect(trainKneserNey(TINY, { order: 1, discount: D }).probability('.', 'x')).toBeCloseTo(
      0.2421875,
      12,
    );
    const empty = trainKneserNey([]);
    expect(empty.vocabulary).toEqual(['<unk>']);
    expect(empty.nextDistribution('anything')).toEqual([{ word: '<unk>', p: 1 }]);
  });

  it('reject invalid options', () => {
    expect(() => trainKneserNey(TINY, { order: 0 })).toThrow(RangeError);
    expect(() => trainKneserNey(TINY, { order: 2.5 })).toThrow(RangeError);
    expect(() => trainKneserNey(TINY, { discount: 0 })).toThrow(RangeError);
    expect(() => trainKneserNey(TINY, { discount: 1.5 })).toThrow(RangeError);
  });
});

describe('trained on the study notes', () => {
  let model: NgramModel;
  beforeAll(() => {
    model = trainKneserNey(loadCorpus().notes.map((note) => plainText(note.body)));
  });

  it('learns the notes’ phrases', () => {
    expect(model.vocabulary.length).toBeGreaterThan(1000);
    expect(
      model
        .topNext('Amazon', 3)
        .map((e) => e.word)
        .includes('bedrock'),
    ).toBe(true);
    expect(model.topNext('provisioned', 1)[0]?.word).toBe('throughput');
    expect(model.topNext('You pay for Provisioned', 1)[0]?.word).toBe('throughput');
  });

  it.each([
    ['amazon'],
    [''],
    ['what is retrieval augmented'],
    ['日本語のテキスト'],
    ['🚀'],
    ['prompt '.repeat(20_000)],
  ])('every distribution sums to 1: "%s"', (prompt) => {
    expect(sum(model.nextDistribution(prompt))).toBeCloseTo(1, 9);
  });

  it('backs off from an unseen context to the same lower-order distribution', () => {
    const dist = model.nextDistribution(['qwzx', 'provisioned']);
    expect(model.nextDistribution(['日本語', 'provisioned'])).toEqual(dist);
    expect(model.nextDistribution('zzyzx qwzx')).toEqual(model.nextDistribution('🚀 日本語'));
  });
});

describe('logitsFromDistribution', () => {
  const softmax = (logits: number[]) => {
    const max = Math.max(...logits);
    const exps = logits.map((l) => Math.exp(l - max));
    const z = exps.reduce((a, b) => a + b, 0);
    return exps.map((e) => e / z);
  };

  it('softmax at T = 1 gives the top-N probabilities renormalised', () => {
    const model = trainKneserNey(TINY, { order: 3, discount: D });
    const dist = model.nextDistribution('the cat');
    const logits = logitsFromDistribution(dist, 3);
    const top = dist.slice(0, 3);
    const mass = top.reduce((a, e) => a + e.p, 0);
    expect(logits.map((l) => l.token)).toEqual(top.map((e) => e.word));
    const probs = softmax(logits.map((l) => l.logit));
    probs.forEach((p, i) => expect(p).toBeCloseTo((top[i] as NextWord).p / mass, 12));
  });

  it('sorts its input, skips p = 0 and clamps N', () => {
    const dist = [
      { word: 'b', p: 0.2 },
      { word: 'z', p: 0 },
      { word: 'a', p: 0.5 },
      { word: 'c', p: 0.3 },
    ];
    expect(logitsFromDistribution(dist, 2)).toEqual([
      { token: 'a', logit: Math.log(0.5) },
      { token: 'c', logit: Math.log(0.3) },
    ]);
    expect(logitsFromDistribution(dist, 10).map((l) => l.token)).toEqual(['a', 'c', 'b']);
    expect(logitsFromDistribution(dist, 0)).toEqual([]);
    expect(dist[0]?.word).toBe('b');
  });
});
