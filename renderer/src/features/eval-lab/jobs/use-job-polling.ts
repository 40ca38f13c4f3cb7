import { useJobPolling as usePolling } from '../../../streams/use-job-polling';
import { pollJob, refreshJobs, useJobs } from './jobs-store';

/** Polling interval for jobs still running (Bedrock's jobs take minutes to hours). */
export const POLL_MS = 5_000;
const STORE = { refresh: refreshJobs, poll: pollJob };

/** Lists the evaluation jobs once, then polls every job still running while mounted. */
export function useJobPolling(): void {
  usePolling(useJobs(), POLL_MS, STORE);
}
