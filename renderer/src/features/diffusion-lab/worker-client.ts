/**
 * A promise per request to the diffusion worker (one worker, created on first use). Every promise
 * settles: with the worker's answer, or with an error response if the worker itself fails.
 */
import type { WorkerRequest, WorkerResponse } from '../../workers/diffusion.worker';

type Pending = { resolve: (r: WorkerResponse) => void };
let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('../../workers/diffusion.worker.ts', import.meta.url), {
    type: 'module',
  });
  worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
    pending.get(event.data.id)?.resolve(event.data);
    pending.delete(event.data.id);
  };
  // A worker that fails to load or crashes answers nothing: settle every waiting request with an
  // error instead of leaving its screen on "Generating…", and start a new worker next time.
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

export function runInWorker(request: Without<WorkerRequest>): Promise<WorkerResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, { resolve });
    getWorker().postMessage({ ...request, id });
  });
}
