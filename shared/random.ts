/**
 * The one seeded random module: a uniform [0, 1) source and a Fisher-Yates shuffle, both from
 * pure-rand, used by every caller that needs randomness it can replay (the token lab, the
 * diffusion lab, the mock exam draw, the blind check's option order, quick practice).
 *
 * The generator is xoroshiro128+ from pure-rand (mutated in place, for speed) read through
 * uniformFloat64 (53 random bits). Both are pure 32-bit integer arithmetic, so a seed gives the
 * same sequence on every platform and run. pure-rand seeds the state almost verbatim, which makes
 * the first outputs of small seeds nearly identical (the first value is ~0.99999 for seeds
 * 0..42), so the generator jumps 2^64 steps ahead once to mix the state. The seed is an integer
 * reduced to 32 bits (seed | 0) by pure-rand.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A uniform random source on [0, 1). */
export interface Rng {
  next(): number;
}

/** A seeded source: the same integer seed always gives the same sequence. */
export function createRng(seed: number): Rng {
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const generator = xoroshiro128plus(seed);
  generator.jump();
  return { next: () => uniformFloat64(generator) };
}

/**
 * A 32-bit seed from a text (FNV-1a), so a string id (a question's id) always gives the same
 * sequence. This is a hash for seeding, not a generator: the draws still come from pure-rand.
 */
export function seedFromText(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A fresh seed for a run the learner did not seed (an unseeded practice session). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) | 0;
}

/** Fisher-Yates: a new array in a random order drawn from `rng`; the input is left alone. */
export function shuffle<T>(items: readonly T[], rng: Rng): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}
