/** The strategy picker and its parameters (Bedrock's names and limits), with what is wrong. */
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import {
  BEDROCK_CHUNKING_LIMITS as L,
  chunkingProblems,
  DEFAULT_CHUNKING,
  type ChunkingConfig,
} from '../../../lib/rag/chunking';
import { STRATEGY_CHOICES } from './strategies';

const TOKENS = { min: L.maxTokens.min, max: L.maxTokens.max, unit: ' tokens' };
// Labels end with their unit in brackets (NumberField adds it): "Max chunk size (tokens)".

function Parameters({
  draft,
  onChange,
}: {
  draft: ChunkingConfig;
  onChange: (c: ChunkingConfig) => void;
}) {
  switch (draft.strategy) {
    case 'FIXED_SIZE':
      return (
        <>
          <IntegerField
            label="Max chunk size"
            {...TOKENS}
            value={draft.maxTokens}
            onChange={(maxTokens) => onChange({ ...draft, maxTokens })}
            hint="maxTokens: a chunk never has more."
          />
          <IntegerField
            label="Overlap"
            min={L.overlapPercentage.min}
            max={L.overlapPercentage.max}
            unit="%"
            value={draft.overlapPercentage}
            onChange={(overlapPercentage) => onChange({ ...draft, overlapPercentage })}
            hint="overlapPercentage: how much of a chunk the next one repeats."
          />
        </>
      );
    case 'HIERARCHICAL': {
      const [parent, child] = draft.levelConfigurations;
      const levels = (p: number, c: number) =>
        onChange({ ...draft, levelConfigurations: [{ maxTokens: p }, { maxTokens: c }] });
      return (
        <>
          <IntegerField
            label="Parent chunk size"
            {...TOKENS}
            value={parent.maxTokens}
            onChange={(p) => levels(p, child.maxTokens)}
          />
          <IntegerField
            label="Child chunk size"
            {...TOKENS}
            value={child.maxTokens}
            onChange={(c) => levels(parent.maxTokens, c)}
            hint="Children are searched; each hit is replaced by its parent."
          />
          <IntegerField
            label="Overlap"
            min={L.overlapTokens.min}
            max={L.maxTokens.max}
            unit=" tokens"
            value={draft.overlapTokens}
            onChange={(overlapTokens) => onChange({ ...draft, overlapTokens })}
            hint="overlapTokens: repeated between neighbours in the same layer."
          />
        </>
      );
    }
    case 'SEMANTIC':
      return (
        <IntegerField
          label="Max chunk size"
          {...TOKENS}
          value={draft.maxTokens}
          onChange={(maxTokens) => onChange({ ...draft, maxTokens })}
          hint="Bedrock also takes bufferSize and breakpointPercentileThreshold, which tune its embedding comparison. Offline, Stratum approximates semantic chunking by headings and whole sentences, so it uses only max tokens."
        />
      );
    case 'NONE':
      return <p className="hint">Each note is one chunk, however long.</p>;
  }
}

export function StrategyForm({
  draft,
  onChange,
}: {
  draft: ChunkingConfig;
  onChange: (c: ChunkingConfig) => void;
}) {
  const problems = chunkingProblems(draft);
  return (
    <section className="card" aria-labelledby="kb-strategy-heading">
      <h2 id="kb-strategy-heading">Chunking strategy</h2>
      <div className="form">
        <SelectField
          label="Strategy"
          value={draft.strategy}
          options={STRATEGY_CHOICES}
          onChange={(s) => onChange(DEFAULT_CHUNKING[s])}
          hint="The console’s “Default chunking” is about 300 tokens with whole sentences; fixed size 300 with 20% overlap is the starting point here."
        />
        <Parameters draft={draft} onChange={onChange} />
      </div>
      {problems.length > 0 ? (
        <div className="status status-warn" role="alert">
          <div>
            <strong>Not applied yet</strong>
            {problems.map((p) => (
              <p key={p}>{p}</p>
            ))}
            <p>The chunks shown are from the last valid setting.</p>
          </div>
        </div>
      ) : null}
    </section>
  );
}
