/**
 * Robustness: perturb a prompt in ways that keep its meaning, ask again, and measure how much a
 * metric moves. Bedrock's automatic robustness metric works this way: AWS describes it as
 * perturbing prompts (case, typos, whitespace, numbers to words) and reporting the change in the
 * task's accuracy score (for example deltaF1 for question answering). The kinds of perturbation
 * and the delta below follow AWS's open-source FMEval library, which implements these
 * evaluations: butter-finger typos, random upper case and whitespace added or removed, and for
 * each prompt the mean absolute change (1/P) Σ |s − s_i| over P perturbed copies, averaged over
 * prompts. The keyboard map and the random draws are Stratum's own (each character is perturbed
 * with the given probability), so the perturbed texts are not FMEval's, only of the same kind.
 *
 * Every perturbation here is deterministic given a seeded `Rng` (shared/random.ts), so a run can
 * be repeated exactly. Rates are probabilities per character (or per adjacent word pair).
 * - typos ("butter finger", FMEval's default 0.1): a letter is replaced, with the given
 *   probability, by a neighbouring key on a QWERTY keyboard, keeping its case.
 * - casing (FMEval's random upper case, 0.1): a character is upper-cased with the probability.
 * - whitespace (FMEval's defaults: remove 0.1, add 0.05): a space is dropped, or a space is
 *   inserted before a non-space character.
 * - word order (Stratum's addition, not one of FMEval's): walking left to right, each adjacent
 *   pair of words is swapped with the probability (a swapped word is not swapped again). Unlike
 *   the others it can change meaning ("dog bites man"), so read its delta with care.
 */
import type { Rng } from '../../../../shared/random';

export type PerturbationKind = 'typos' | 'casing' | 'whitespace' | 'word-order';

export const PERTURBATION_DEFAULT_RATES: Readonly<Record<PerturbationKind, number>> = {
  typos: 0.1,
  casing: 0.1,
  whitespace: 0.1,
  'word-order': 0.2,
};

const KEY_ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];

/** Letters next to each letter on a QWERTY keyboard (same row and the rows above and below). */
const NEIGHBOURS: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  KEY_ROWS.forEach((row, r) => {
    [...row].forEach((key, c) => {
      let near = '';
      for (let dr = -1; dr <= 1; dr++) {
        const other = KEY_ROWS[r + dr];
        if (!other) continue;
        for (let dc = -1; dc <= 1; dc++) {
          const candidate = other[c + dc];
          if (candidate && candidate !== key) near += candidate;
        }
      }
      map.set(key, near);
    });
  });
  return map;
})();

function pick(text: string, rng: Rng): string {
  return text[Math.floor(rng.next() * text.length)] as string;
}

function checkRate(rate: number): void {
  if (!(rate >= 0 && rate <= 1)) throw new RangeError(`rate must be between 0 and 1, got ${rate}`);
}

/** Butter-finger typos. */
export function perturbTypos(
  text: string,
  rng: Rng,
  rate = PERTURBATION_DEFAULT_RATES.typos,
): string {
  checkRate(rate);
  let out = '';
  for (const ch of text) {
    const near = NEIGHBOURS.get(ch.toLowerCase());
    if (near && rng.next() < rate) {
      const typo = pick(near, rng);
      out += ch === ch.toLowerCase() ? typo : typo.toUpperCase();
    } else out += ch;
  }
  return out;
}

/** Random upper case. */
export function perturbCasing(
  text: string,
  rng: Rng,
  rate = PERTURBATION_DEFAULT_RATES.casing,
): string {
  checkRate(rate);
  let out = '';
  for (const ch of text) out += rng.next() < rate ? ch.toUpperCase() : ch;
  return out;
}

/** Whitespace removed (probability `rate`) or added before a non-space (probability `addRate`). */
export function perturbWhitespace(
  text: string,
  rng: Rng,
  rate = PERTURBATION_DEFAULT_RATES.whitespace,
  addRate = 0.05,
): string {
  checkRate(rate);
  checkRate(addRate);
  let out = '';
  for (const ch of text) {
    if (/\s/.test(ch)) {
      if (rng.next() >= rate) out += ch;
    } else out += (rng.next() < addRate ? ' ' : '') + ch;
  }
  return out;
}

/** Adjacent words swapped; whitespace between words is kept where it was. */
export function perturbWordOrder(
  text: string,
  rng: Rng,
  rate = PERTURBATION_DEFAULT_RATES['word-order'],
): string {
  checkRate(rate);
  const parts = text.split(/(\s+)/);
  const wordSlots = parts.flatMap((part, i) => (part.trim().length > 0 ? [i] : []));
  for (let w = 0; w + 1 < wordSlots.length; w++) {
    if (rng.next() >= rate) continue;
    const a = wordSlots[w] as number;
    const b = wordSlots[w + 1] as number;
    [parts[a], parts[b]] = [parts[b] as string, parts[a] as string];
    w++;
  }
  return parts.join('');
}

/**
 * One perturbation by kind, at its default rate unless one is given (for whitespace the given rate
 * is the removal rate and spaces are added at half of it).
 */
export function perturb(text: string, kind: PerturbationKind, rng: Rng, rate?: number): string {
  switch (kind) {
    case 'typos':
      return perturbTypos(text, rng, rate);
    case 'casing':
      return perturbCasing(text, rng, rate);
    case 'whitespace':
      // FMEval's defaults keep adding at half the removal rate (0.05 to 0.1); so does a given rate.
      return rate === undefined
        ? perturbWhitespace(text, rng)
        : perturbWhitespace(text, rng, rate, rate / 2);
    case 'word-order':
      return perturbWordOrder(text, rng, rate);
  }
}

export interface RobustnessDelta {
  /** Mean of the original scores. */
  original: number;
  /** Mean over items of the mean perturbed score. */
  perturbed: number;
  /** Mean over items of (1/P) Σ |s − s_i|: FMEval's and Bedrock's delta. */
  meanAbsoluteDelta: number;
  /** Mean over items of (1/P) Σ (s − s_i): positive when perturbation lowers the score. */
  meanDrop: number;
}

/**
 * The robustness delta over items: `original[i]` is item i's score on its unperturbed prompt,
 * `perturbed[i]` its scores on P perturbed copies (P may differ by item but must be at least 1).
 */
export function robustnessDelta(
  original: readonly number[],
  perturbed: readonly (readonly number[])[],
): RobustnessDelta {
  if (original.length !== perturbed.length) {
    throw new RangeError(
      `${original.length} original scores but ${perturbed.length} perturbed sets.`,
    );
  }
  if (original.length === 0)
    return { original: 0, perturbed: 0, meanAbsoluteDelta: 0, meanDrop: 0 };
  const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const abs: number[] = [];
  const drop: number[] = [];
  const after: number[] = [];
  original.forEach((s, i) => {
    const copies = perturbed[i] as readonly number[];
    if (copies.length === 0) throw new RangeError(`Item ${i} has no perturbed score.`);
    abs.push(mean(copies.map((c) => Math.abs(s - c))));
    drop.push(mean(copies.map((c) => s - c)));
    after.push(mean(copies));
  });
  return {
    original: mean(original),
    perturbed: mean(after),
    meanAbsoluteDelta: mean(abs),
    meanDrop: mean(drop),
  };
}
