/** The datasets as a radio group: title, task and size; picking one previews it. */
import { formatCount } from '../../../lib/format';
import { TASK_LABELS, type EvalDataset } from './builtin-datasets';

export function DatasetPicker({
  datasets,
  selectedId,
  onSelect,
}: {
  datasets: readonly EvalDataset[];
  selectedId: string;
  onSelect: (id: string) => void;
}) {
  return (
    <fieldset className="card eval-dataset-picker">
      <legend>Datasets</legend>
      {datasets.map((d) => (
        <label key={d.id} className="eval-dataset-option">
          <input
            type="radio"
            name="eval-dataset"
            value={d.id}
            checked={d.id === selectedId}
            onChange={() => onSelect(d.id)}
          />
          <span>
            <strong>{d.title}</strong>
            <span className="muted small">
              {' '}
              {TASK_LABELS[d.task]} · {formatCount(d.items.length)} items
              {d.imported ? ' · your file' : ''}
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
