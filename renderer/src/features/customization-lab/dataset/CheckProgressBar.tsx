/** A file check under way: bytes read of the total, as a progress bar the page keeps drawing. */
import { formatCount, formatPercent } from '../../../lib/format';
import type { CheckProgress } from './dataset-store';

export function CheckProgressBar({ progress }: { progress: CheckProgress }) {
  const share = progress.total > 0 ? progress.done / progress.total : 1;
  return (
    <div className="card cl-progress" role="status">
      <label>
        {progress.label}: {formatCount(progress.done)} of {formatCount(progress.total)} bytes (
        {formatPercent(share, 0)})
        <progress max={Math.max(1, progress.total)} value={progress.done} />
      </label>
    </div>
  );
}
