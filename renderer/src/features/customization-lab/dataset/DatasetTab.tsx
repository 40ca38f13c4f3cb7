/** The Dataset builder tab: pick a model and method, bring in records, see every problem, fix, export. */
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { CheckProgressBar } from './CheckProgressBar';
import { DatasetSummary } from './DatasetSummary';
import { ExportPanel } from './ExportPanel';
import { LineEditor } from './LineEditor';
import { ProblemList } from './ProblemList';
import { RecordTable } from './RecordTable';
import { SavedDatasets } from './SavedDatasets';
import { SourcePanel } from './SourcePanel';
import { TargetForm } from './TargetForm';
import { useDataset } from './dataset-store';
import './dataset.css';

export function DatasetTab() {
  const ds = useDataset();
  const busy = ds.progress !== null;
  const editing = ds.editing !== null && ds.data ? ds.data.checks[ds.editing - 1] : undefined;
  return (
    <div className="cl-dataset lab-grid">
      <div className="lab-side stack">
        <TargetForm target={ds.target} disabled={busy} />
        <SourcePanel target={ds.target} busy={busy} />
        <SavedDatasets state={ds} />
      </div>
      <div className="stack">
        {ds.progress ? <CheckProgressBar progress={ds.progress} /> : null}
        {ds.error ? (
          <p role="alert" className="status status-error">
            {ds.error}
          </p>
        ) : null}
        {ds.report && ds.data ? (
          <ResultsRegion
            label="Dataset check"
            revealKey={ds.revision}
            announce={`${plural(ds.report.totals.records, 'valid record')}, ${plural(ds.report.problems.length, 'problem')}.`}
            className="stack"
          >
            <DatasetSummary report={ds.report} source={ds.source} />
            {editing ? (
              <LineEditor
                key={`${editing.line}:${ds.data.texts[editing.line - 1]}`}
                check={editing}
                text={ds.data.texts[editing.line - 1] ?? ''}
              />
            ) : null}
            <ProblemList report={ds.report} />
            <RecordTable data={ds.data} />
            <ExportPanel report={ds.report} name={ds.saved?.name ?? ''} />
          </ResultsRegion>
        ) : busy ? null : (
          <p className="status status-idle">
            Build records from the question bank or the notes, import a JSON Lines file or type
            records: each line is checked as Bedrock would read it.
          </p>
        )}
      </div>
    </div>
  );
}
