import { useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { TabStrip } from '../../components/Tabs';
import { AnswerTab } from './answer/AnswerTab';
import { ChunkingTab } from './chunking/ChunkingTab';
import { IndexTab } from './index-tab/IndexTab';
import { ManagedTab } from './managed/ManagedTab';
import { QualityTab } from './quality/QualityTab';
import { RetrievalTab } from './retrieval/RetrievalTab';
import './kb-lab.css';

type View = 'chunking' | 'index' | 'retrieval' | 'answer' | 'quality' | 'managed';
const VIEWS: { id: View; label: string }[] = [
  { id: 'chunking', label: 'Chunking' },
  { id: 'index', label: 'Embeddings' },
  { id: 'retrieval', label: 'Retrieval' },
  { id: 'answer', label: 'Grounded answer' },
  { id: 'quality', label: 'Retrieval quality' },
  { id: 'managed', label: 'Knowledge base on Bedrock' },
];

/** The knowledge bases lab: retrieval-augmented generation over the notes, every stage visible. */
export default function KbLab() {
  const [view, setView] = useState<View>('chunking');
  return (
    <section className="screen lab kb-lab">
      <header className="screen-header">
        <ScreenHeading>Knowledge bases lab</ScreenHeading>
        <p className="lede">
          Retrieval-augmented generation (RAG) on the notes you study: cut them into chunks, embed
          them, retrieve the chunks that match a question and let a model answer from them with
          citations. Each stage shows what Bedrock Knowledge Bases does behind its console.
        </p>
      </header>
      <TabStrip tabs={VIEWS} current={view} onSelect={setView} label="Knowledge bases views" />
      {view === 'chunking' ? <ChunkingTab /> : null}
      {view === 'index' ? <IndexTab /> : null}
      {view === 'retrieval' ? <RetrievalTab /> : null}
      {view === 'answer' ? <AnswerTab /> : null}
      {view === 'quality' ? <QualityTab /> : null}
      {view === 'managed' ? <ManagedTab /> : null}
    </section>
  );
}
