import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { DatasetsTab } from './datasets/DatasetsTab';
import { OpenEvalViewContext, type EvalView } from './eval-view';
import { HumanTab } from './human/HumanTab';
import { JobsTab } from './jobs/JobsTab';
import { JudgeTab } from './judge/JudgeTab';
import { RunsTab } from './runs/RunsTab';
import './eval-lab.css';

type View = EvalView;
const VIEWS: { id: View; label: string }[] = [
  { id: 'datasets', label: 'Datasets' },
  { id: 'runs', label: 'Runs and metrics' },
  { id: 'judge', label: 'Model as judge' },
  { id: 'human', label: 'Human review' },
  { id: 'jobs', label: 'Evaluation jobs on Bedrock' },
];

/** The evaluation lab: a container for its tabs. */
export default function EvalLab() {
  const [view, setView] = useState<View>('datasets');
  return (
    <section className="screen lab eval-lab">
      <header className="screen-header">
        <ScreenHeading>Evaluation lab</ScreenHeading>
        <p className="lede">
          Evaluate foundation models the way Bedrock model evaluation does: automatic metrics
          computed on every item, a model as the judge, and you as the human reviewer, so you can
          see how each score comes about.
        </p>
      </header>
      <TabStrip tabs={VIEWS} current={view} onSelect={setView} label="Evaluation views" />
      <OpenEvalViewContext.Provider value={setView}>
        {view === 'datasets' ? <DatasetsTab /> : null}
        {view === 'runs' ? <RunsTab /> : null}
        {view === 'judge' ? <JudgeTab /> : null}
        {view === 'human' ? <HumanTab /> : null}
        {view === 'jobs' ? <JobsTab /> : null}
      </OpenEvalViewContext.Provider>
    </section>
  );
}
