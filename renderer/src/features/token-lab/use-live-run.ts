/**
 * One live run at a time: streams `sampleNextWord`, keeps the replies as they arrive, saves the
 * run when it ends (whatever completed, even when it stopped early) and cancels the stream when
 * the screen unmounts. `reveal` changes when the learner starts a run or opens a saved one.
 */
import { useState } from 'react';
import type { AppError } from '../../../../shared/result';
import { openStream } from '../../api';
import { saveExperiment } from '../../db/experiments';
import type { TokenExperiment } from '../../db/schema';
import { useStreamHandles } from '../../streams/use-stream-handles';
import { liveRunCost, NEXT_WORD_MAX_TOKENS } from './live-cost';
import type { LiveForm } from './use-live-form';

type Base = Omit<TokenExperiment, 'replies' | 'status' | 'error' | 'usage' | 'costUsd'>;
type Usage = TokenExperiment['usage'];

/** The run as saved once its stream has ended (`end` null: every sample arrived). */
function finished(base: Base, replies: (string | null)[], usage: Usage, end: AppError | null) {
  return {
    ...base,
    replies,
    status: end === null ? 'complete' : end.code === 'cancelled' ? 'cancelled' : 'failed',
    error: end && end.code !== 'cancelled' ? { code: end.code, message: end.message } : null,
    usage,
    costUsd: liveRunCost(base.modelId, usage),
  } satisfies TokenExperiment;
}

export interface LiveRun {
  /** Samples received so far while a run is open; null when none is. */
  progress: { done: number; n: number } | null;
  /** The run shown: the one in progress, the last one, or a saved one opened. */
  current: TokenExperiment | null;
  error: AppError | null;
  reveal: number | null;
  start: (form: LiveForm, region: string) => void;
  cancel: () => void;
  show: (experiment: TokenExperiment | null) => void;
}

export function useLiveRun(): LiveRun {
  const streams = useStreamHandles();
  const [progress, setProgress] = useState<LiveRun['progress']>(null);
  const [current, setCurrent] = useState<TokenExperiment | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [reveal, setReveal] = useState<number | null>(null);
  const bump = () => setReveal((r) => (r ?? 0) + 1);

  const start = (form: LiveForm, region: string) => {
    const { modelId, prompt, n, temperature, topP, concurrency } = form;
    const maxTokens = NEXT_WORD_MAX_TOKENS;
    const base: Base = {
      id: crypto.randomUUID(),
      kind: 'next-word',
      createdAt: new Date().toISOString(),
      modelId,
      region,
      prompt,
      settings: { n, temperature, topP, maxTokens, concurrency },
    };
    const replies: (string | null)[] = Array.from({ length: n }, () => null);
    const usage = { inputTokens: 0, outputTokens: 0 };
    let done = 0;
    const handle = openStream(
      'sampleNextWord',
      { modelId, prompt, n, temperature, topP, concurrency, maxTokens },
      (event) => {
        replies[event.index] = event.reply;
        usage.inputTokens += event.inputTokens ?? 0;
        usage.outputTokens += event.outputTokens ?? 0;
        done++;
        setProgress({ done, n });
        setCurrent({ ...finished(base, [...replies], { ...usage }, null), costUsd: null });
      },
    );
    streams.track(handle);
    setError(null);
    setProgress({ done: 0, n });
    setCurrent(null);
    bump();
    void handle.done.then(async (end) => {
      const experiment = finished(base, replies, usage, end);
      if (done > 0) await saveExperiment(experiment);
      setProgress(null);
      setCurrent(done > 0 ? experiment : null);
      if (end && end.code !== 'cancelled') setError(end);
    });
  };

  return {
    progress,
    current,
    error,
    reveal,
    start,
    cancel: () => streams.cancelAll(),
    show: (experiment) => {
      setCurrent(experiment);
      if (experiment) bump();
    },
  };
}
