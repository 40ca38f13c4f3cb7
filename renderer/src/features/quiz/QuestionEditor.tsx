/**
 * Edits one practice question of any of the four types: stem, options (steps, prompts, choices),
 * the answer, explanations, why each wrong option is wrong, difficulty, tags and the quoted
 * passage. Validated as you type with the same checks a stored question must pass (schema, rule
 * checks, the passage against its note); the problems are listed and Save stays disabled until
 * there are none. The id, type, domain, task and source note are kept.
 *
 * The parts live in ./editor: the answer fields per type, the checks, and the draft's hook.
 */
import { useId } from 'react';
import type { Question } from '../../../../shared/questions';
import { CORPUS } from '../../content/corpus';
import { ChoiceFields } from './editor/ChoiceFields';
import { EditorChecks } from './editor/EditorChecks';
import { MatchingFields } from './editor/MatchingFields';
import { OrderingFields } from './editor/OrderingFields';
import { TextArea } from './editor/parts';
import { useQuestionDraft } from './editor/use-question-draft';
import { SelectField, type Choice } from '../../components/choice-fields';

/** The answer part of the form, per type. */
function AnswerFields({ draft, set }: { draft: Question; set: (q: Question) => void }) {
  switch (draft.type) {
    case 'single':
    case 'multiple':
      return <ChoiceFields draft={draft} set={set} />;
    case 'ordering':
      return <OrderingFields draft={draft} set={set} />;
    case 'matching':
      return <MatchingFields draft={draft} set={set} />;
  }
}

const DIFFICULTIES: Choice<Question['difficulty']>[] = [
  { value: 'easy', label: 'Easy' },
  { value: 'medium', label: 'Medium' },
  { value: 'hard', label: 'Hard' },
];

export function QuestionEditor({
  question,
  onSave,
  onCancel,
  saveLabel = 'Save changes',
  otherStems = [],
}: {
  question: Question;
  /** Called with the checked question; a rejection's message is shown under the form. */
  onSave: (q: Question) => Promise<void> | void;
  onCancel: () => void;
  saveLabel?: string;
  /** Stems of the other questions, for a near-duplicate warning (not a blocker). */
  otherStems?: readonly string[];
}) {
  const d = useQuestionDraft(question, otherStems, onSave);
  const { draft, setDraft } = d;
  const ids = { tags: useId(), problems: useId() };
  const note = CORPUS.noteById.get(question.sourceNoteId);
  return (
    <form
      className="question-editor"
      aria-label={`Edit question ${question.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void d.save();
      }}
    >
      <p className="muted small">
        {question.id} · Domain {question.domain} · Task {question.task} · from{' '}
        {note ? `“${note.title}”` : question.sourceNoteId}
      </p>
      <TextArea
        label="Question"
        value={draft.stem}
        onChange={(stem) => setDraft({ ...draft, stem })}
        hint={
          draft.type === 'multiple' ? 'Say how many to choose, e.g. “(Select TWO.)”.' : undefined
        }
      />
      <AnswerFields draft={draft} set={setDraft} />
      <TextArea
        label="Explanation (why the answer is right)"
        value={draft.explanation}
        onChange={(explanation) => setDraft({ ...draft, explanation })}
      />
      <TextArea
        label="Source passage"
        value={draft.sourcePassage}
        onChange={(sourcePassage) => setDraft({ ...draft, sourcePassage })}
        rows={2}
        hint="Copied word for word from the note; it is checked against the note’s text."
      />
      <div className="form-grid">
        <SelectField
          label="Difficulty"
          value={draft.difficulty}
          options={DIFFICULTIES}
          onChange={(difficulty) => setDraft({ ...draft, difficulty })}
        />
        <div className="field">
          <label htmlFor={ids.tags}>Tags (comma-separated)</label>
          <input id={ids.tags} value={d.tags} onChange={(e) => d.setTags(e.target.value)} />
        </div>
      </div>
      <EditorChecks d={d} problemsId={ids.problems} />
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={!d.check.ok || d.saving || !d.changed}
          aria-describedby={ids.problems}
        >
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {!d.changed ? <span className="muted small">No changes yet.</span> : null}
      </div>
    </form>
  );
}
