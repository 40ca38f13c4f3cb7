/** The Datasets tab: the built-in sets and the learner's own file, a preview, and the limits. */
import { DatasetLimits } from './DatasetLimits';
import { DatasetPicker } from './DatasetPicker';
import { DatasetPreview } from './DatasetPreview';
import { ImportPanel } from './ImportPanel';
import './datasets.css';
import { allDatasets, datasetById, selectDataset, useDatasets } from './datasets-store';

export function DatasetsTab() {
  const state = useDatasets();
  const selected = datasetById(state.selectedId, state);
  return (
    <div className="eval-datasets lab-grid">
      <div className="lab-side stack">
        <DatasetPicker
          datasets={allDatasets(state)}
          selectedId={state.selectedId}
          onSelect={selectDataset}
        />
        <DatasetLimits />
      </div>
      <div className="stack">
        {selected ? <DatasetPreview dataset={selected} /> : null}
        <ImportPanel state={state.import} checks={state.checks} />
      </div>
    </div>
  );
}
