/**
 * The streams a screen has open, cancelled when it unmounts (a run never outlives the screen that
 * shows it unless a store keeps it on purpose) or when the learner presses Stop.
 */
import { useEffect, useState } from 'react';
import type { StreamHandle } from '../api';

export interface StreamHandles {
  /** Keeps `handle` until its stream ends. */
  track(handle: StreamHandle): void;
  /** Cancels every open stream. */
  cancelAll(): void;
  /** How many are open now. */
  readonly size: number;
}

export function useStreamHandles(): StreamHandles {
  const [api] = useState(() => {
    const open = new Set<StreamHandle>();
    return {
      open,
      handles: {
        track(handle: StreamHandle) {
          open.add(handle);
          void handle.done.then(() => open.delete(handle));
        },
        cancelAll() {
          for (const h of open) h.cancel();
        },
        get size() {
          return open.size;
        },
      } satisfies StreamHandles,
    };
  });
  useEffect(
    () => () => {
      for (const h of api.open) h.cancel();
      api.open.clear();
    },
    [api],
  );
  return api.handles;
}
