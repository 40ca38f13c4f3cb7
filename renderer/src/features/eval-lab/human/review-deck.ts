/**
 * The Human review tab's deck, pure: the cards of a blind review of a run, in a seeded order, and
 * for A/B cards which response is shown as A (drawn per item, so the model behind A changes).
 * The seed comes from the run and the round number, so a new round reshuffles.
 */
import { createRng, seedFromText, shuffle } from '../../../../../shared/random';
import { itemsWithResponses, type EvalRunRow } from '../runs-store';

export type ReviewMode = 'ab' | 'rate';

export type ReviewCard =
  | { kind: 'ab'; itemId: string; pair: [string, string]; shownAsA: string }
  | { kind: 'rate'; itemId: string; candidateId: string };

export function buildDeck(run: EvalRunRow, mode: ReviewMode, round: number): ReviewCard[] {
  const rng = createRng(seedFromText(`${run.id}\u0001${mode}\u0001${round}`));
  const rows = itemsWithResponses(run);
  const cards: ReviewCard[] = [];
  if (mode === 'ab') {
    const [a, b] = run.candidates.map((c) => c.id);
    if (!a || !b) return [];
    for (const { item, responses } of rows) {
      if (!responses[a] || !responses[b]) continue;
      cards.push({ kind: 'ab', itemId: item.id, pair: [a, b], shownAsA: rng.next() < 0.5 ? a : b });
    }
  } else {
    for (const { item, responses } of rows) {
      for (const c of run.candidates) {
        if (responses[c.id]) cards.push({ kind: 'rate', itemId: item.id, candidateId: c.id });
      }
    }
  }
  return shuffle(cards, rng);
}
