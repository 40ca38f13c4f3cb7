/**
 * Runs a stepped evaluation (lib/rag/quality's generators) a slice at a time: about 12 ms of steps,
 * then the main thread is given back (a macrotask) so the page keeps painting and answering
 * input. Reports progress at each pause and stops at the first pause after `signal` aborts.
 */
import type { EvalProgress } from '../../../lib/rag/quality';

export class Cancelled extends Error {
  constructor() {
    super('Cancelled.');
    this.name = 'Cancelled';
  }
}

const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

export async function drive<T>(
  gen: Generator<EvalProgress, T>,
  onProgress: (p: EvalProgress) => void,
  signal?: AbortSignal,
  budgetMs = 12,
): Promise<T> {
  let since = performance.now();
  for (;;) {
    const next = gen.next();
    if (next.done) return next.value;
    if (performance.now() - since < budgetMs) continue;
    onProgress(next.value);
    await pause();
    if (signal?.aborted) throw new Cancelled();
    since = performance.now();
  }
}
