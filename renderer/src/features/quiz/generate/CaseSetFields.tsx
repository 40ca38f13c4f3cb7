/**
 * What a run generates: separate questions, or one case-study set (a scenario shared by 2-4
 * questions on one task statement of the picked notes).
 */
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import type { GenerateFormState } from './use-generate-form';
import '../case-sets.css';

const TASK_TITLE = new Map(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])));

export function GenerateKind({ g }: { g: GenerateFormState }) {
  const { form, set } = g;
  return (
    <fieldset className="gen-kind">
      <legend>What to generate</legend>
      <label className="check">
        <input
          type="radio"
          name="gen-kind"
          checked={form.kind === 'questions'}
          onChange={() => set({ kind: 'questions' })}
        />
        Separate questions
      </label>
      <label className="check">
        <input
          type="radio"
          name="gen-kind"
          checked={form.kind === 'case'}
          onChange={() => set({ kind: 'case' })}
        />
        Case study set (one scenario, 2 to 4 questions that need it)
      </label>
    </fieldset>
  );
}

/** The task statement and size of a case set; every question is checked for needing the scenario. */
export function CaseSetFields({ g }: { g: GenerateFormState }) {
  const { form, set } = g;
  return (
    <>
      {g.caseTasks.length > 0 && g.caseTask !== null ? (
        <SelectField
          label="Task statement of the set"
          value={g.caseTask}
          options={g.caseTasks.map((t) => ({
            value: t,
            label: `${t} ${TASK_TITLE.get(t) ?? ''}`.trim(),
          }))}
          onChange={(caseTask) => set({ caseTask })}
        />
      ) : (
        <p className="small muted">Pick a note to choose the set’s task statement.</p>
      )}
      <IntegerField
        label="Questions in the set (2 to 4)"
        min={2}
        max={4}
        value={form.caseCount}
        onChange={(caseCount) => set({ caseCount })}
      />
      <p className="small muted gen-case-note">
        Each question is also put to the model without the scenario; one it still answers is flagged
        “does not need the scenario” for you to decide on.
      </p>
    </>
  );
}
