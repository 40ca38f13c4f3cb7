/**
 * The grounded answer tab's form (question, retrieval mode, k, model, prompt template), kept in a
 * small store so it survives switching tabs within the lab.
 */
import { useSyncExternalStore } from 'react';
import { DEFAULT_GROUNDED_TEMPLATE } from '../../../lib/rag/grounded-prompt';
import type { RetrievalMode } from '../retrieval-api';

export interface AnswerForm {
  question: string;
  mode: RetrievalMode;
  k: number;
  /** Empty until the learner picks one: the settings' default text model is used. */
  modelId: string;
  template: string;
}

let form: AnswerForm = {
  question: 'What does a knowledge base do with my documents before a question is asked?',
  mode: 'lexical',
  k: 5,
  modelId: '',
  template: DEFAULT_GROUNDED_TEMPLATE,
};
const listeners = new Set<() => void>();

export function setAnswerForm(patch: Partial<AnswerForm>): void {
  form = { ...form, ...patch };
  for (const l of listeners) l();
}

export function useAnswerForm(): AnswerForm {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => form,
  );
}
