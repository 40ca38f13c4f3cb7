/** The Chunking tab: the notes as the data source, Bedrock's strategies, and the chunks they give. */
import { useKbCorpus, useKbSettings } from '../retrieval-api';
import { ChunkSummary } from './ChunkSummary';
import { ChunkingTeaching } from './ChunkingTeaching';
import { NoteChunks } from './NoteChunks';
import { StrategyForm } from './StrategyForm';

export function ChunkingTab() {
  const settings = useKbSettings();
  const corpus = useKbCorpus();
  return (
    <div className="kb-chunking lab-grid">
      <div className="lab-side stack">
        <StrategyForm draft={settings.draft} onChange={settings.setChunking} />
        <ChunkingTeaching />
      </div>
      <div className="stack">
        <ChunkSummary corpus={corpus} />
        <NoteChunks corpus={corpus} />
      </div>
    </div>
  );
}
