/**
 * The token picked in one step of generation. A choice belongs to one distribution: new
 * candidates or settings make it stale. Sampling draws from a seeded generator that is kept while
 * the seed stays the same, so pressing Sample again gives the next draw of the same sequence.
 */
import { useMemo, useRef, useState } from 'react';
import { createRng, type Rng } from '../../../../shared/random';
import {
  greedyIndex,
  pipeline,
  sampleIndex,
  type Candidate,
  type PipelineResult,
} from '../../lib/sampling';
import type { LabSettings } from './settings';

export type ChoiceKind = 'sampled' | 'greedy';

export interface StepChoice {
  /** The pipeline over the current candidates and settings; null when there are none. */
  result: PipelineResult | null;
  /** Index of the chosen candidate, or null before a choice (or once it is stale). */
  chosen: number | null;
  how: ChoiceKind | null;
  sample: () => void;
  greedy: () => void;
}

export function useStepChoice(
  candidates: readonly Candidate[] | null,
  settings: LabSettings,
): StepChoice {
  const result = useMemo(
    () => (candidates ? pipeline(candidates, settings) : null),
    [candidates, settings],
  );
  const [choice, setChoice] = useState<{
    for: PipelineResult;
    index: number;
    how: ChoiceKind;
  } | null>(null);
  const rng = useRef<{ seed: number; rng: Rng } | null>(null);
  const current = choice && choice.for === result ? choice : null;

  const nextRng = (): Rng => {
    if (rng.current?.seed !== settings.seed)
      rng.current = { seed: settings.seed, rng: createRng(settings.seed) };
    return rng.current.rng;
  };

  return {
    result,
    chosen: current?.index ?? null,
    how: current?.how ?? null,
    sample: () => {
      if (result)
        setChoice({
          for: result,
          index: sampleIndex(result.final, nextRng().next()),
          how: 'sampled',
        });
    },
    greedy: () => {
      if (result) setChoice({ for: result, index: greedyIndex(result.final), how: 'greedy' });
    },
  };
}
