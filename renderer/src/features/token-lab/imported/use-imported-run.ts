/**
 * The imported-model experiment's form and its one run: InvokeModel with log probabilities
 * through the main process. `reveal` changes when the learner presses Run; `selected` is the
 * token whose alternatives are shown (the first one after a run).
 */
import { useState } from 'react';
import type {
  ImportedLogprobsOutput,
  InvokeImportedInput,
} from '../../../../../shared/imported-models-contract';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';

export type ImportedForm = Omit<InvokeImportedInput, 'modelArn'> & { modelArn: string };

export const DEFAULT_IMPORTED_FORM: ImportedForm = {
  modelArn: '',
  prompt: 'Explain in one sentence how a language model picks its next word.',
  maxTokens: 40,
  temperature: 0.7,
  topLogprobs: 3,
};

export interface ImportedRun {
  form: ImportedForm;
  set: (patch: Partial<ImportedForm>) => void;
  running: boolean;
  result: ImportedLogprobsOutput | null;
  error: AppError | null;
  reveal: number | null;
  selected: number;
  select: (index: number) => void;
  run: (modelArn: string) => void;
}

export function useImportedRun(): ImportedRun {
  const [form, setForm] = useState<ImportedForm>(DEFAULT_IMPORTED_FORM);
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<{
    result: ImportedLogprobsOutput | null;
    error: AppError | null;
  }>({ result: null, error: null });
  const [reveal, setReveal] = useState<number | null>(null);
  const [selected, setSelected] = useState(0);

  const run = (modelArn: string) => {
    setRunning(true);
    setReveal((r) => (r ?? 0) + 1);
    void call('invokeImportedLogprobs', { ...form, modelArn }).then((r) => {
      setRunning(false);
      setSelected(0);
      setOutcome(r.ok ? { result: r.value, error: null } : { result: null, error: r.error });
    });
  };

  return {
    form,
    set: (patch) => setForm((f) => ({ ...f, ...patch })),
    running,
    result: outcome.result,
    error: outcome.error,
    reveal,
    selected,
    select: setSelected,
    run,
  };
}
