/**
 * The "Knowledge base on Bedrock" tab's state: the form (knowledge base id, generation model,
 * question, results wanted, search type), and the last Retrieve or RetrieveAndGenerate call with
 * its result or error. The id and model are remembered across reloads (./kb-id-store).
 */
import { useEffect, useMemo, useState } from 'react';
import {
  KbQuestion,
  KnowledgeBaseId,
  type RetrieveAndGenerateOutput,
  type RetrieveInput,
  type RetrieveOutput,
} from '../../../../../shared/knowledge-bases';
import {
  choiceFor,
  isCallableTextModel,
  modelOptions,
  type ModelOption,
} from '../../../../../shared/models';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';
import { useSettings } from '../../../app/settings-context';
import { readManagedPrefs, writeManagedPrefs } from './kb-id-store';

export interface ManagedForm {
  knowledgeBaseId: string;
  modelId: string;
  query: string;
  numberOfResults: number;
  searchType: RetrieveInput['searchType'];
}

export type ManagedResult =
  | { kind: 'retrieve'; at: number; value: RetrieveOutput }
  | { kind: 'generate'; at: number; value: RetrieveAndGenerateOutput };

export interface ManagedKb {
  form: ManagedForm;
  set: (patch: Partial<ManagedForm>) => void;
  models: ModelOption[];
  region: string;
  /** Why the id or the question cannot be sent yet (null when both can). */
  idProblem: string | null;
  queryProblem: string | null;
  busy: 'retrieve' | 'generate' | null;
  result: ManagedResult | null;
  error: AppError | null;
  retrieve: () => Promise<void>;
  generate: () => Promise<void>;
}

const firstIssue = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? null : (r.error?.issues[0]?.message ?? 'Not valid.');

export function useManagedKb(): ManagedKb {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => modelOptions(region, isCallableTextModel), [region]);
  const [form, setForm] = useState<ManagedForm>(() => {
    const saved = readManagedPrefs();
    const fallback = state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0';
    return {
      knowledgeBaseId: saved?.knowledgeBaseId ?? '',
      modelId: choiceFor(saved?.modelId || fallback, models),
      query: 'What does a knowledge base do with my documents?',
      numberOfResults: 5,
      searchType: 'DEFAULT',
    };
  });
  const [busy, setBusy] = useState<ManagedKb['busy']>(null);
  const [result, setResult] = useState<ManagedResult | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  useEffect(
    () => writeManagedPrefs({ knowledgeBaseId: form.knowledgeBaseId, modelId: form.modelId }),
    [form.knowledgeBaseId, form.modelId],
  );
  const idProblem = firstIssue(KnowledgeBaseId.safeParse(form.knowledgeBaseId));
  const queryProblem = firstIssue(KbQuestion.safeParse(form.query));

  const run = async (kind: 'retrieve' | 'generate') => {
    if (idProblem || queryProblem || busy) return;
    setBusy(kind);
    setError(null);
    const base = {
      knowledgeBaseId: form.knowledgeBaseId.trim(),
      query: form.query,
      numberOfResults: form.numberOfResults,
    };
    const at = Date.now();
    if (kind === 'retrieve') {
      const r = await call('kbRetrieve', { ...base, searchType: form.searchType });
      if (r.ok) setResult({ kind, at, value: r.value });
      else setError(r.error);
    } else {
      const r = await call('kbRetrieveAndGenerate', { ...base, modelId: form.modelId });
      if (r.ok) setResult({ kind, at, value: r.value });
      else setError(r.error);
    }
    setBusy(null);
  };

  return {
    form,
    set: (patch) => setForm((f) => ({ ...f, ...patch })),
    models,
    region,
    idProblem,
    queryProblem,
    busy,
    result,
    error,
    retrieve: () => run('retrieve'),
    generate: () => run('generate'),
  };
}
