/** The run a tab works on: the shared run picker, or a link to the Runs tab while there is none. */
import { RunPicker } from './judge/RunPicker';
import { NoRunsYet } from './NoRunsYet';
import { useEvalRuns } from './runs-store';

export function RunChooser({ purpose }: { purpose: string }) {
  const s = useEvalRuns();
  if (s.loaded && s.runs.length === 0) return <NoRunsYet purpose={purpose} />;
  return <RunPicker purpose={purpose} />;
}
