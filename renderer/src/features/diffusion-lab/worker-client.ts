/** A promise per request to the diffusion worker (one worker, created on first use). */
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
