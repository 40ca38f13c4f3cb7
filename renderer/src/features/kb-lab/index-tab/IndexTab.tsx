/** The Embeddings tab: build a vector index of the current chunks, watch it, keep several. */
import { chunkingProblems } from '../../../lib/rag/chunking';
import { useIndexStore } from '../index-store';
import { useKbCorpus, useKbSettings } from '../retrieval-api';
import { BuildForm } from './BuildForm';
import { IndexList } from './IndexList';
import { IndexTeaching } from './IndexTeaching';
import { RunProgress } from './RunProgress';

export function IndexTab() {
  const corpus = useKbCorpus();
  const settings = useKbSettings();
  const store = useIndexStore();
  const draftInvalid = chunkingProblems(settings.draft).length > 0;
  return (
    <div className="kb-index stack">
      <div className="kb-two-col">
        <div className="stack">
          <BuildForm
            corpus={corpus}
            running={store.run?.status === 'running'}
            draftInvalid={draftInvalid}
          />
          {store.run ? <RunProgress run={store.run} /> : null}
        </div>
        <IndexTeaching />
      </div>
      <IndexList store={store} corpus={corpus} activeIndexId={settings.activeIndexId} />
    </div>
  );
}
