import { useJobPolling as usePolling } from '../../../streams/use-job-polling';
import { pollJob, refreshJobs, useJobsState } from './jobs-store';

const STORE = { refresh: refreshJobs, poll: pollJob };

/**
 * Lists the customization jobs once, then checks every job still InProgress or Stopping each
 * `seconds` while the tab is open; the timer stops when the tab unmounts.
 */
export function useJobPolling(seconds: number): void {
  usePolling(useJobsState(), seconds * 1000, STORE);
}
