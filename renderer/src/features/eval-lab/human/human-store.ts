/**
 * The Human review tab's state, outside React so a round survives switching tabs: the mode, the
 * deck, the card on show and whether it has been answered (names are revealed only then).
 * Answers are saved in IndexedDB (`evalRatings`) as they are given.
 */
import { useSyncExternalStore } from 'react';
import { preferenceId, ratingId, saveRating } from '../../../db/eval-ratings';
import { buildDeck, type ReviewCard, type ReviewMode } from './review-deck';
import type { EvalRunRow } from '../runs-store';

export interface ReviewState {
  runId: string | null;
  mode: ReviewMode;
  round: number;
  deck: ReviewCard[];
  index: number;
  /** The answer given to the card on show ('A' | 'B' | 'tie' or '1'..'5'); null until answered. */
  answer: string | null;
  saveError: string | null;
}

let state: ReviewState = {
  runId: null,
  mode: 'ab',
  round: 0,
  deck: [],
  index: 0,
  answer: null,
  saveError: null,
};
const listeners = new Set<() => void>();

function set(patch: Partial<ReviewState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useReview(): ReviewState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Starts a round on `run` (a new shuffle each round). */
export function startRound(run: EvalRunRow, mode: ReviewMode): void {
  const round = state.round + 1;
  set({
    runId: run.id,
    mode,
    round,
    deck: buildDeck(run, mode, round),
    index: 0,
    answer: null,
    saveError: null,
  });
}

export function currentCard(s: ReviewState = state): ReviewCard | null {
  return s.deck[s.index] ?? null;
}

/** Records the learner's answer to the card on show and reveals the names. */
export function answer(value: string): void {
  const card = currentCard();
  if (!card || state.answer !== null || !state.runId) return;
  const runId = state.runId;
  const at = new Date().toISOString();
  set({ answer: value });
  const row =
    card.kind === 'ab'
      ? {
          id: preferenceId(runId, card.itemId, card.pair),
          runId,
          itemId: card.itemId,
          at,
          kind: 'preference' as const,
          pair: card.pair,
          shownAsA: card.shownAsA,
          preferred:
            value === 'tie'
              ? 'tie'
              : value === 'A'
                ? card.shownAsA
                : (card.pair.find((id) => id !== card.shownAsA) ?? card.shownAsA),
        }
      : {
          id: ratingId(runId, card.itemId, card.candidateId),
          runId,
          itemId: card.itemId,
          at,
          kind: 'rating' as const,
          candidateId: card.candidateId,
          score: Number(value),
        };
  saveRating(row).catch((error: unknown) =>
    set({
      saveError: `Your answer could not be saved (${error instanceof Error ? error.message : String(error)}). Reload the window and try again.`,
    }),
  );
}

/** The next card (only once the one on show is answered). */
export function next(): void {
  if (state.answer === null) return;
  set({ index: state.index + 1, answer: null });
}
