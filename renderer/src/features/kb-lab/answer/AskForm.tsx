/** The question, how to retrieve (mode and k), the model, and the three actions. */
import { useId } from 'react';
import type { ModelOption } from '../../../../../shared/models';
import { SelectField, type Choice } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import { ModelSelect } from '../../../components/ModelSelect';
import type { RetrievalMode } from '../retrieval-api';
import type { AnswerForm } from './answer-form';

const MODES: Choice<RetrievalMode>[] = [
  { value: 'lexical', label: 'Lexical (BM25, offline)' },
  { value: 'vector', label: 'Vector (cosine, needs an index)' },
  { value: 'hybrid', label: 'Hybrid (both, fused by rank)' },
];

export function AskForm({
  form,
  set,
  modelId,
  models,
  busy,
  streaming,
  onAsk,
  onAskWithout,
  onStop,
}: {
  form: AnswerForm;
  set: (patch: Partial<AnswerForm>) => void;
  modelId: string;
  models: readonly ModelOption[];
  busy: boolean;
  streaming: boolean;
  onAsk: () => void;
  onAskWithout: () => void;
  onStop: () => void;
}) {
  const ids = { q: useId() };
  const empty = form.question.trim() === '';
  return (
    <section className="card" aria-labelledby="ask-heading">
      <h2 id="ask-heading">Ask the notes</h2>
      <div className="form-grid">
        <div className="field wide">
          <label htmlFor={ids.q}>Question</label>
          <textarea
            id={ids.q}
            rows={2}
            maxLength={1000}
            value={form.question}
            onChange={(e) => set({ question: e.target.value })}
          />
        </div>
        <SelectField
          label="Retrieval"
          value={form.mode}
          options={MODES}
          onChange={(mode) => set({ mode })}
        />
        <IntegerField
          label="Results to retrieve (k)"
          value={form.k}
          min={1}
          max={10}
          onChange={(k) => set({ k })}
        />
        <div className="wide">
          <ModelSelect
            label="Model"
            value={modelId}
            options={models}
            onChange={(id) => set({ modelId: id })}
          />
        </div>
      </div>
      <div className="actions">
        <button type="button" className="primary" disabled={busy || empty} onClick={onAsk}>
          {busy ? 'Retrieving…' : 'Retrieve and answer'}
        </button>
        <button type="button" disabled={empty} onClick={onAskWithout}>
          Answer without retrieval
        </button>
        {streaming ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
      </div>
    </section>
  );
}
