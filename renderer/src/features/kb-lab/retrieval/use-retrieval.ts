/**
 * The Retrieval tab's state: the form (question, k, reranking) and the last run's three lists and
 * optional reranking. A run embeds the question once (retrieveAll); reranking then reorders the
 * hybrid list (or the lexical one when there is no vector index), through Bedrock's Rerank API.
 */
import { useRef, useState } from 'react';
import type { RerankModelId } from '../../../../../shared/knowledge-bases';
import type { AppError } from '../../../../../shared/result';
import {
  checkQuestion,
  KbRetrievalError,
  rerankHits,
  retrieveAll,
  type AllLists,
  type KbCorpus,
  type RerankResult,
} from '../retrieval-api';

export interface RetrievalForm {
  question: string;
  k: number;
  rerank: boolean;
  rerankModel: RerankModelId;
}

export interface RetrievalRun {
  id: number;
  lists: AllLists;
  /** Which list was reranked, and how; null when reranking was off. */
  rerank: {
    from: 'hybrid' | 'lexical';
    result: RerankResult | null;
    error: AppError | null;
  } | null;
}

export function useRetrieval(corpus: KbCorpus, indexId: string | null) {
  const [form, setForm] = useState<RetrievalForm>({
    question: '',
    k: 5,
    rerank: false,
    // Amazon Rerank is not offered in us-east-1 (the app's default Region); Cohere Rerank is.
    rerankModel: 'cohere.rerank-v3-5:0',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [run, setRun] = useState<RetrievalRun | null>(null);
  const runs = useRef(0);

  const update = (patch: Partial<RetrievalForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    setProblem(null);
  };

  const submit = async () => {
    try {
      checkQuestion(form.question);
    } catch (e) {
      setProblem(e instanceof KbRetrievalError ? e.message : String(e));
      return;
    }
    setProblem(null);
    setBusy(true);
    const id = ++runs.current;
    try {
      const lists = await retrieveAll(form.question, form.k, { corpus, indexId });
      setRun({ id, lists, rerank: null });
      if (form.rerank) {
        const from = Array.isArray(lists.hybrid) ? 'hybrid' : 'lexical';
        const hits = Array.isArray(lists.hybrid) ? lists.hybrid : lists.lexical;
        try {
          const result = await rerankHits(form.question, hits, form.rerankModel);
          setRun({ id, lists, rerank: { from, result, error: null } });
        } catch (e) {
          const error: AppError =
            e instanceof KbRetrievalError ? e.error : { code: 'internal', message: String(e) };
          setRun({ id, lists, rerank: { from, result: null, error } });
        }
      }
    } finally {
      setBusy(false);
    }
  };

  return { form, update, problem, busy, run, submit };
}
