/**
 * A run's scores, computed in a worker (workers/eval-scoring.worker.ts) so the page stays
 * responsive; recomputed when responses arrive (at most every 500 ms while running). One worker
 * is kept for the lab; a stale answer (an older request) is dropped.
 */
import { useEffect, useState } from 'react';
import type { RunScores, RunScoringInput } from '../../../lib/eval';
import type { EvalScoringEvent, EvalScoringRequest } from '../../../workers/eval-scoring.worker';
import type { EvalRunRow } from '../runs-store';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, (event: EvalScoringEvent) => void>();

function scoringWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../../workers/eval-scoring.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.onmessage = (message: MessageEvent<EvalScoringEvent>) => {
    waiting.get(message.data.id)?.(message.data);
    waiting.delete(message.data.id);
  };
  return worker;
}

/** The scoring input of a run (pure). */
export function scoringInput(run: EvalRunRow): RunScoringInput {
  return {
    task: run.dataset.task,
    labels: run.dataset.labels,
    items: run.items.map((i) => ({
      id: i.id,
      reference: i.referenceResponse,
      perturbation: i.perturbation,
    })),
    candidateIds: run.candidates.map((c) => c.id),
    responses: run.responses.map((r) => ({
      itemId: r.itemId,
      candidateId: r.candidateId,
      text: r.text,
    })),
    seed: run.robustness?.seed ?? 42,
  };
}

export interface ScoresState {
  scores: RunScores | null;
  /** Time the worker took, for the note under the table. */
  ms: number | null;
  error: string | null;
}

export function useScores(run: EvalRunRow | null): ScoresState {
  const [state, setState] = useState<ScoresState & { runId: string | null }>({
    runId: null,
    scores: null,
    ms: null,
    error: null,
  });
  const key = run ? `${run.id}:${run.responses.length}:${run.status}` : null;
  useEffect(() => {
    if (!run || run.responses.length === 0) return;
    let live = true;
    const timer = setTimeout(
      () => {
        const id = nextId++;
        waiting.set(id, (event) => {
          if (!live) return;
          if (event.type === 'scored')
            setState({ runId: run.id, scores: event.scores, ms: event.ms, error: null });
          else setState((s) => ({ ...s, runId: run.id, error: event.reason }));
        });
        scoringWorker().postMessage({ id, input: scoringInput(run) } satisfies EvalScoringRequest);
      },
      run.status === 'running' ? 500 : 0,
    );
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // The key says when the run changed in a way that changes its scores.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  // Scores of another run (or of a run with no response yet) are not shown.
  if (!run || run.responses.length === 0 || state.runId !== run.id) {
    return { scores: null, ms: null, error: null };
  }
  return state;
}
