import { useEffect } from 'react';
import { pollJob, refreshJobs, useJobs } from './jobs-store';

/** Polling interval for jobs still running (Bedrock's jobs take minutes to hours). */
export const POLL_MS = 5_000;

/** Lists the jobs once, then polls every job still InProgress or Stopping while mounted. */
export function useJobPolling(): void {
  const { jobs, listed } = useJobs();
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
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [active]);
}
