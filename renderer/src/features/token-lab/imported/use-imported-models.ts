/**
 * The learner's imported models (Custom Model Import), listed when the panel opens and again on
 * Reload. `models` is null until the first answer; `loading` is true while a listing is on its way.
 */
import { useEffect, useState } from 'react';
import type { ImportedModel } from '../../../../../shared/imported-models-contract';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';

export interface ImportedModels {
  models: readonly ImportedModel[] | null;
  region: string | null;
  error: AppError | null;
  loading: boolean;
  reload: () => void;
}

interface Answer {
  /** Which request this answers (the Reload count when it was sent). */
  request: number;
  list: { models: ImportedModel[]; region: string } | null;
  error: AppError | null;
}

export function useImportedModels(): ImportedModels {
  const [request, setRequest] = useState(0);
  const [answer, setAnswer] = useState<Answer>({ request: -1, list: null, error: null });

  useEffect(() => {
    let live = true;
    void call('listImportedModels').then((r) => {
      if (!live) return;
      setAnswer((last) =>
        r.ok
          ? { request, list: r.value, error: null }
          : { request, list: last.list, error: r.error },
      );
    });
    return () => {
      live = false;
    };
  }, [request]);

  return {
    models: answer.list?.models ?? null,
    region: answer.list?.region ?? null,
    error: answer.error,
    loading: answer.request !== request,
    reload: () => setRequest((n) => n + 1),
  };
}
