import { useEffect } from 'react';
import { pollJob, refreshJobs, useJobsState } from './jobs-store';

/**
 * Lists the jobs once, then checks every job still InProgress or Stopping each `seconds` while
 * the tab is open; the timer stops when the tab unmounts.
 */
export function useJobPolling(seconds: number): void {
  const { jobs, listed } = useJobsState();
  useEffect(() => {
    if (!listed) void refreshJobs();
  }, [listed]);
  const active = jobs
    .filter((j) => j.status === 'InProgress' || j.status === 'Stopping')
    .map((j) => j.jobArn)
    .join(' ');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      for (const arn of active.split(' ')) void pollJob(arn);
    }, seconds * 1000);
    return () => clearInterval(timer);
  }, [active, seconds]);
}
