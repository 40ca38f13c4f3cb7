import { useEffect } from 'react';

/** What a lab's job store holds: its jobs (by ARN, with Bedrock's status) and whether it has listed them. */
export interface PolledJobs {
  jobs: readonly { jobArn: string; status: string }[];
  listed: boolean;
}

/**
 * Lists a lab's Bedrock jobs once, then checks every job still InProgress or Stopping each `ms`
 * while the tab is open; the timer stops when the tab unmounts or no job is running. Shared by
 * the evaluation and customization labs, whose stores differ only in what a job is.
 */
export function useJobPolling(
  { jobs, listed }: PolledJobs,
  ms: number,
  store: { refresh: () => Promise<void>; poll: (jobArn: string) => Promise<void> },
): void {
  const { refresh, poll } = store;
  useEffect(() => {
    if (!listed) void refresh();
  }, [listed, refresh]);
  const active = jobs
    .filter((j) => j.status === 'InProgress' || j.status === 'Stopping')
    .map((j) => j.jobArn)
    .join(' ');
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      for (const arn of active.split(' ')) void poll(arn);
    }, ms);
    return () => clearInterval(timer);
  }, [active, ms, poll]);
}
