/**
 * Which response tokens match the reference, for highlighting: ROUGE-1 and ROUGE-2 (clipped
 * n-gram matches over rouge-score's tokens), ROUGE-L (one longest common subsequence, read back as
 * rouge-score does) and BLEU (clipped 1-4-gram matches over sacreBLEU's 13a tokens; a token is
 * marked with the longest matched n-gram it is part of).
 */
import { lcsAlignment, matchedNgramMask, rougeTokens, tokenize13a } from '../../../lib/eval';

export type OverlapMode = 'rouge1' | 'rouge2' | 'rougeL' | 'bleu';

export interface MarkedToken {
  text: string;
  /** 0: no match; otherwise the matched n (ROUGE-L and ROUGE-1: 1). */
  match: number;
}

export interface Overlap {
  response: MarkedToken[];
  reference: MarkedToken[];
}

function mask(tokens: readonly string[], flags: readonly boolean[], n = 1): MarkedToken[] {
  return tokens.map((text, i) => ({ text, match: flags[i] ? n : 0 }));
}

export function overlapOf(response: string, reference: string, mode: OverlapMode): Overlap {
  if (mode === 'bleu') {
    const c = tokenize13a(response);
    const r = tokenize13a(reference);
    const marks = c.map(() => 0);
    const refMarks = r.map(() => 0);
    for (let n = 1; n <= 4; n++) {
      matchedNgramMask(c, r, n).forEach((on, i) => {
        if (on) marks[i] = n;
      });
      matchedNgramMask(r, c, n).forEach((on, i) => {
        if (on) refMarks[i] = n;
      });
    }
    return {
      response: c.map((text, i) => ({ text, match: marks[i] ?? 0 })),
      reference: r.map((text, i) => ({ text, match: refMarks[i] ?? 0 })),
    };
  }
  const c = rougeTokens(response);
  const r = rougeTokens(reference);
  if (mode === 'rougeL') {
    const pairs = lcsAlignment(c, r);
    const inC = new Set(pairs.map((p) => p[0]));
    const inR = new Set(pairs.map((p) => p[1]));
    return {
      response: mask(
        c,
        c.map((_, i) => inC.has(i)),
      ),
      reference: mask(
        r,
        r.map((_, i) => inR.has(i)),
      ),
    };
  }
  const n = mode === 'rouge1' ? 1 : 2;
  return {
    response: mask(c, matchedNgramMask(c, r, n), n),
    reference: mask(r, matchedNgramMask(r, c, n), n),
  };
}
