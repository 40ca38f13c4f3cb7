import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { CostsTab } from './costs/CostsTab';
import { DatasetTab } from './dataset/DatasetTab';
import { JobTab } from './job/JobTab';
import { LadderTab } from './ladder/LadderTab';
import './customization-lab.css';

type View = 'dataset' | 'costs' | 'ladder' | 'job';
const VIEWS: { id: View; label: string }[] = [
  { id: 'dataset', label: 'Dataset builder' },
  { id: 'costs', label: 'Costs' },
  { id: 'ladder', label: 'The ladder' },
  { id: 'job', label: 'Job on Bedrock' },
];

/** The customization lab: a container for its tabs. */
export default function CustomizationLab() {
  const [view, setView] = useState<View>('dataset');
  return (
    <section className="screen lab customization-lab">
      <header className="screen-header">
        <ScreenHeading>Customization lab</ScreenHeading>
        <p className="lede">
          Build and check fine-tuning and continued pre-training datasets the way Bedrock would,
          compare what customization costs against on-demand use, see where each way of adapting a
          model sits, and run a real customization job on Bedrock.
        </p>
      </header>
      <TabStrip tabs={VIEWS} current={view} onSelect={setView} label="Customization views" />
      {view === 'dataset' ? <DatasetTab /> : null}
      {view === 'costs' ? <CostsTab /> : null}
      {view === 'ladder' ? <LadderTab /> : null}
      {view === 'job' ? <JobTab /> : null}
    </section>
  );
}
