/**
 * Scores an evaluation run off the UI thread (lib/eval/run-scoring.ts): every metric on every
 * item for every candidate, corpus BLEU, the classification report, robustness and the bootstrap
 * intervals. The page sends the run's items and responses and gets the scores back.
 */
import { scoreRun, type RunScores, type RunScoringInput } from '../lib/eval/run-scoring';

export interface EvalScoringRequest {
  id: number;
  input: RunScoringInput;
}

export type EvalScoringEvent =
  | { id: number; type: 'scored'; scores: RunScores; ms: number }
  | { id: number; type: 'failed'; reason: string };

self.onmessage = (message: MessageEvent<EvalScoringRequest>) => {
  const { id, input } = message.data;
  const started = performance.now();
  try {
    const scores = scoreRun(input);
    postMessage({
      id,
      type: 'scored',
      scores,
      ms: performance.now() - started,
    } satisfies EvalScoringEvent);
  } catch (error) {
    postMessage({
      id,
      type: 'failed',
      reason: `Scoring failed (${error instanceof Error ? error.message : String(error)}).`,
    } satisfies EvalScoringEvent);
  }
};
