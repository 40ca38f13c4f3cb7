/** The knowledge base ID, the generation model, the question and the two calls. */
import { useId } from 'react';
import { MAX_QUESTION_CHARS } from '../../../../../shared/knowledge-bases';
import { SelectField, type Choice } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import { ModelSelect } from '../../../components/ModelSelect';
import { formatCount } from '../../../lib/format';
import type { ManagedKb } from './use-managed-kb';

const SEARCH_TYPES: Choice<ManagedKb['form']['searchType']>[] = [
  { value: 'DEFAULT', label: 'Default (the knowledge base decides)' },
  { value: 'HYBRID', label: 'Hybrid (keywords and vectors)' },
  { value: 'SEMANTIC', label: 'Semantic (vectors only)' },
];

/** Why the two buttons are disabled, said beside them; null when they can be pressed. */
function blocker(kb: ManagedKb): string | null {
  const { form } = kb;
  if (kb.busy !== null) return null;
  if (form.knowledgeBaseId.trim() === '') return 'Enter a knowledge base ID to retrieve.';
  if (kb.idProblem) return 'Correct the knowledge base ID above.';
  if (form.query.trim() === '') return 'Enter a question to retrieve.';
  if (kb.queryProblem) return 'Correct the question above.';
  return null;
}

export function ManagedForm({ kb }: { kb: ManagedKb }) {
  const ids = { kb: useId(), kbHint: useId(), q: useId(), qHint: useId() };
  const { form, set } = kb;
  const showIdProblem = form.knowledgeBaseId.trim() !== '' && kb.idProblem;
  const blocked = !!kb.idProblem || !!kb.queryProblem || kb.busy !== null;
  const reason = blocked ? blocker(kb) : null;
  const reasonId = `${ids.kb}-blocker`;
  return (
    <section className="card" aria-labelledby="managed-form-heading">
      <h2 id="managed-form-heading">Ask your knowledge base</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.kb}>Knowledge base ID</label>
          <input
            id={ids.kb}
            value={form.knowledgeBaseId}
            spellCheck={false}
            autoComplete="off"
            placeholder="ABCDE12345"
            aria-invalid={showIdProblem ? true : undefined}
            aria-describedby={ids.kbHint}
            onChange={(e) => set({ knowledgeBaseId: e.target.value })}
          />
          <p id={ids.kbHint} className={showIdProblem ? 'hint field-problem' : 'hint'}>
            {showIdProblem
              ? kb.idProblem
              : `10 letters or digits, from the console's Knowledge Bases page (region ${kb.region}).`}
          </p>
        </div>
        <ModelSelect
          label="Generation model (RetrieveAndGenerate)"
          value={form.modelId}
          options={kb.models}
          onChange={(modelId) => set({ modelId })}
          hint="Retrieve needs no model; RetrieveAndGenerate answers with this one."
        />
        <div className="field wide">
          <label htmlFor={ids.q}>Question</label>
          <textarea
            id={ids.q}
            rows={2}
            value={form.query}
            aria-describedby={ids.qHint}
            onChange={(e) => set({ query: e.target.value })}
          />
          <p id={ids.qHint} className={kb.queryProblem ? 'hint field-problem' : 'hint'}>
            {kb.queryProblem ??
              `${formatCount(form.query.length)} of ${formatCount(MAX_QUESTION_CHARS)} characters.`}
          </p>
        </div>
        <IntegerField
          label="Results to retrieve (k)"
          value={form.numberOfResults}
          min={1}
          max={100}
          onChange={(numberOfResults) => set({ numberOfResults })}
        />
        <SelectField
          label="Search type (Retrieve)"
          value={form.searchType}
          options={SEARCH_TYPES}
          onChange={(searchType) => set({ searchType })}
        />
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={blocked}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void kb.retrieve()}
        >
          {kb.busy === 'retrieve' ? 'Retrieving…' : 'Retrieve'}
        </button>
        <button
          type="button"
          disabled={blocked}
          aria-describedby={reason ? reasonId : undefined}
          onClick={() => void kb.generate()}
        >
          {kb.busy === 'generate' ? 'Generating…' : 'Retrieve and generate'}
        </button>
        {reason ? (
          <span className="hint" id={reasonId} data-testid="kb-managed-blocker">
            {reason}
          </span>
        ) : null}
      </div>
    </section>
  );
}
