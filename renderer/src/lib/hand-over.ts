/**
 * A one-time hand-over between screens, kept in memory: one screen asks (Home's "Study" asks
 * Spaced review to start at once; My questions' pointer asks Settings to focus its Backup card),
 * and the other takes the request once when it mounts.
 */
export interface HandOver {
  request: () => void;
  /** True once after a request (and clears it). */
  take: () => boolean;
}

export function handOver(): HandOver {
  let pending = false;
  return {
    request: () => {
      pending = true;
    },
    take: () => {
      const was = pending;
      pending = false;
      return was;
    },
  };
}
