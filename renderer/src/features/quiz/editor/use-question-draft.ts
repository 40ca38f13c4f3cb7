/**
 * The editor's state: the draft question and its tags text, checked as the learner types (schema,
 * rule checks, the passage against its note; a near-duplicate stem is a warning), and saving.
 */
import { useMemo, useState } from 'react';
import { StemIndex } from '../../../../../shared/question-checks';
import type { Question } from '../../../../../shared/questions';
import { checkQuestion } from '../../../db/questions';
import { sourceProblems } from '../question-rules';
import { parseTags } from './parts';

export function useQuestionDraft(
  question: Question,
  otherStems: readonly string[],
  onSave: (q: Question) => Promise<void> | void,
) {
  const [draft, setDraft] = useState<Question>(question);
  const [tags, setTags] = useState(question.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const candidate = useMemo(() => ({ ...draft, tags: parseTags(tags) }), [draft, tags]);
  const check = useMemo(() => checkQuestion(candidate, sourceProblems), [candidate]);
  const index = useMemo(() => new StemIndex(otherStems), [otherStems]);
  const duplicate = useMemo(() => index.nearest(candidate.stem), [index, candidate.stem]);
  const changed = JSON.stringify(candidate) !== JSON.stringify(question);

  const save = async () => {
    if (!check.ok) return;
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(check.question);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return { draft, setDraft, tags, setTags, check, duplicate, changed, saving, saveError, save };
}

export type QuestionDraft = ReturnType<typeof useQuestionDraft>;
