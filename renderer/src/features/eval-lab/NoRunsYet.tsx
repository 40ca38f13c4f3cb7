/** The empty state of a tab that works on a run: where to start one, as a link to that tab. */
import { useOpenEvalView } from './eval-view';

export function NoRunsYet({ purpose }: { purpose: string }) {
  const open = useOpenEvalView();
  return (
    <p className="eval-empty">
      No runs yet. Start one on the{' '}
      <button type="button" className="link" onClick={() => open('runs')}>
        Runs and metrics
      </button>{' '}
      tab, then come back to {purpose}.
    </p>
  );
}
