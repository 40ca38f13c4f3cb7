/** The question (KbQuestion's limits), how many chunks to bring back, and optional reranking. */
import { useId } from 'react';
import { MAX_QUESTION_CHARS, RERANK_MODELS } from '../../../../../shared/knowledge-bases';
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import { formatCount } from '../../../lib/format';
import type { RetrievalForm } from './use-retrieval';

const RERANK_LABELS: Record<(typeof RERANK_MODELS)[number], string> = {
  'amazon.rerank-v1:0': 'Amazon Rerank 1.0',
  'cohere.rerank-v3-5:0': 'Cohere Rerank 3.5',
};

export function QuestionForm({
  form,
  update,
  problem,
  busy,
  onSubmit,
}: {
  form: RetrievalForm;
  update: (patch: Partial<RetrievalForm>) => void;
  problem: string | null;
  busy: boolean;
  onSubmit: () => void;
}) {
  const id = useId();
  const length = form.question.trim().length;
  return (
    <form
      className="card kb-question"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h2 id={`${id}-h`}>Ask the notes</h2>
      <div className="field">
        <label htmlFor={`${id}-q`}>Question</label>
        <textarea
          id={`${id}-q`}
          rows={3}
          value={form.question}
          aria-invalid={problem ? true : undefined}
          aria-describedby={`${id}-count${problem ? ` ${id}-problem` : ''}`}
          onChange={(e) => update({ question: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) onSubmit();
          }}
        />
        <p id={`${id}-count`} className={length > MAX_QUESTION_CHARS ? 'field-error' : 'hint'}>
          {formatCount(length)} of {formatCount(MAX_QUESTION_CHARS)} characters
        </p>
        {problem ? (
          <p id={`${id}-problem`} className="field-error" role="alert">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="form-grid">
        <IntegerField
          label="Results to retrieve (k)"
          min={1}
          max={20}
          value={form.k}
          onChange={(k) => update({ k })}
        />
        <label className="checkbox kb-rerank-toggle">
          <input
            type="checkbox"
            checked={form.rerank}
            onChange={(e) => update({ rerank: e.target.checked })}
          />
          Rerank the hybrid list
        </label>
        <SelectField
          label="Rerank model"
          value={form.rerankModel}
          disabled={!form.rerank}
          options={RERANK_MODELS.map((m) => ({ value: m, label: RERANK_LABELS[m] }))}
          onChange={(rerankModel) => update({ rerankModel })}
        />
      </div>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Retrieving…' : 'Retrieve'}
        </button>
      </div>
    </form>
  );
}
