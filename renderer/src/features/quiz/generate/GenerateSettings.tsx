/** The Generate settings card: notes, options, the estimate and the Generate button. */
import {
  QuestionType,
  type GenerateQuestionsInput,
} from '../../../../../shared/question-generation';
import { IntegerField } from '../../../components/fields';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import { TYPE_LABEL } from '../filters';
import { CaseSetFields, GenerateKind } from './CaseSetFields';
import { ModelField } from './ModelField';
import { NotePicker } from './NotePicker';
import type { GenerateFormState } from './use-generate-form';
import { SelectField, type Choice } from '../../../components/choice-fields';

/** Most questions one run may ask for. */
export const MAX_COUNT = 50;

const DIFFICULTIES: Choice<GenerateQuestionsInput['difficulty']>[] = [
  { value: 'mixed', label: 'Mixed' },
  { value: 'easy', label: 'Easy' },
  { value: 'medium', label: 'Medium' },
  { value: 'hard', label: 'Hard' },
];

export function GenerateSettings({ g }: { g: GenerateFormState }) {
  const { form, set } = g;
  return (
    <section className="card" aria-label="Generation settings">
      <div className="gen-setup">
        <NotePicker picked={form.picked} setPicked={(picked) => set({ picked })} />
        <Options g={g} />
      </div>
      {g.sources.length > 0 ? (
        <p className="small" data-testid="gen-estimate">
          Rough estimate: about {plural(g.estimate.calls, 'call')},{' '}
          {formatCount(g.estimate.inputTokens)} input and {formatCount(g.estimate.outputTokens)}{' '}
          output tokens, {formatUsdOrUnknown(g.cost, 'unknown (no price in the catalog)')} at
          on-demand list prices. Corrections of rejected items add calls.
        </p>
      ) : (
        <p className="empty">Pick at least one note (or a task statement) to generate from.</p>
      )}
      {form.types.length === 0 ? <p className="field-error">Choose at least one type.</p> : null}
      <div className="actions">
        <button type="button" className="primary" disabled={!g.canRun} onClick={g.start}>
          {form.kind === 'case'
            ? `Generate a case study set of ${form.caseCount}`
            : `Generate ${plural(form.count, 'question')}`}
        </button>
        {g.running ? <span className="muted small">A run is in progress (below).</span> : null}
      </div>
    </section>
  );
}

function Options({ g }: { g: GenerateFormState }) {
  const { form, set } = g;
  const toggle = (t: QuestionType) =>
    set({ types: form.types.includes(t) ? form.types.filter((x) => x !== t) : [...form.types, t] });
  return (
    <div className="gen-options">
      <GenerateKind g={g} />
      {form.kind === 'case' ? (
        <CaseSetFields g={g} />
      ) : (
        <IntegerField
          label={`Questions (1 to ${MAX_COUNT})`}
          min={1}
          max={MAX_COUNT}
          value={form.count}
          onChange={(count) => set({ count })}
        />
      )}
      <fieldset className="gen-types">
        <legend>Types</legend>
        {QuestionType.options.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={form.types.includes(t)} onChange={() => toggle(t)} />
            {TYPE_LABEL[t]}
          </label>
        ))}
      </fieldset>
      <SelectField
        label="Difficulty"
        value={form.difficulty}
        options={DIFFICULTIES}
        onChange={(difficulty) => set({ difficulty })}
      />
      <ModelField value={g.modelId} onChange={(model) => set({ model })} models={g.models} />
      <label className="check">
        <input
          type="checkbox"
          checked={form.blindCheck}
          onChange={(e) => set({ blindCheck: e.target.checked })}
        />
        Blind check (a second call answers each item without the key; disagreements are flagged)
      </label>
      {form.kind === 'questions' ? (
        <label className="check">
          <input
            type="checkbox"
            checked={form.autoAccept}
            onChange={(e) => set({ autoAccept: e.target.checked })}
          />
          Auto-accept (store items that pass every check without review)
        </label>
      ) : null}
    </div>
  );
}
