/**
 * Requests to the trained-network worker (one worker, created on first use). Every promise
 * settles: with the worker's final answer, or with an error response if the worker fails.
 * Training reports progress through `onProgress` until its final answer.
 */
import type { NetProgress, NetRequest, NetResponse } from '../../../workers/diffusion-net.worker';

type Final = Exclude<NetResponse, NetProgress>;
interface Pending {
  resolve: (r: Final) => void;
  onProgress?: (p: NetProgress) => void;
}

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../../workers/diffusion-net.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.onmessage = (event: MessageEvent<NetResponse>) => {
    const res = event.data;
    const p = pending.get(res.id);
    if (!p) return;
    if (res.kind === 'progress') {
      p.onProgress?.(res);
      return;
    }
    pending.delete(res.id);
    p.resolve(res);
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const message = `The background worker stopped (${event.message || 'no reason given'}). Try again.`;
    for (const [id, p] of pending) p.resolve({ id, kind: 'error', message });
    pending.clear();
    worker?.terminate();
    worker = null;
  };
  return worker;
}

type Without<T> = T extends unknown ? Omit<T, 'id'> : never;

/** Sends a request; `started` receives its id (to cancel a training run). */
export function askNet(
  request: Without<Exclude<NetRequest, { kind: 'cancel' }>>,
  onProgress?: (p: NetProgress) => void,
  started?: (id: number) => void,
): Promise<Final> {
  const id = nextId++;
  started?.(id);
  return new Promise((resolve) => {
    pending.set(id, onProgress ? { resolve, onProgress } : { resolve });
    getWorker().postMessage({ ...request, id });
  });
}

/** Asks a training run to stop after its current slice; its answer keeps the weights so far. */
export function cancelNet(id: number): void {
  worker?.postMessage({ id, kind: 'cancel' } satisfies NetRequest);
}
