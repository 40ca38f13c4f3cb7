import { useId } from 'react';
import { formatDateTime } from '../../../lib/format';
import { NoRunsYet } from '../NoRunsYet';
import { selectRun, useEvalRuns } from '../runs-store';

/** Picks the run a tab works on (the same current run as the Runs tab). */
export function RunPicker({ purpose }: { purpose: string }) {
  const id = useId();
  const s = useEvalRuns();
  if (!s.loaded) return <p className="hint">Reading your runs…</p>;
  if (s.runs.length === 0) {
    return <NoRunsYet purpose={purpose} />;
  }
  return (
    <div className="field run-picker">
      <label htmlFor={id}>Run</label>
      <select id={id} value={s.currentRunId ?? ''} onChange={(e) => selectRun(e.target.value)}>
        {s.runs.map((r) => (
          <option key={r.id} value={r.id}>
            {`${r.name} (${r.dataset.title}, ${formatDateTime(r.createdAt)})`}
          </option>
        ))}
      </select>
    </div>
  );
}
