/**
 * One grounded-answer session: retrieve the chunks for the question (the learner's mode and k),
 * fill the prompt template with them as numbered sources, and stream the answer through the
 * shared ConverseStream runner; separately, the same question with no sources at all. Streams are
 * cancelled on Stop and when the tab closes.
 */
import { useState } from 'react';
import type { StreamInput } from '../../../../../shared/contract';
import type { AppError } from '../../../../../shared/result';
import { fillTemplate, templateProblems } from '../../../lib/rag/grounded-prompt';
import { runConverseStream, type ConverseRun } from '../../../streams/converse-run';
import { useStreamHandles } from '../../../streams/use-stream-handles';
import {
  KbRetrievalError,
  kbSettings,
  retrieveLocal,
  type KbCorpus,
  type LocalHit,
  type RetrievalMode,
} from '../retrieval-api';
import type { AnswerForm } from './answer-form';

export interface Retrieved {
  /** Counts up with each Ask (the results region's reveal key). */
  at: number;
  question: string;
  mode: RetrievalMode;
  hits: LocalHit[];
  /** The system prompt sent with the grounded question. */
  system: string;
}

export interface GroundedAnswer {
  retrieved: Retrieved | null;
  retrieving: boolean;
  problem: AppError | null;
  grounded: ConverseRun | null;
  ungrounded: ConverseRun | null;
  /** The question the no-retrieval answer was asked (it may differ from the last retrieval's). */
  ungroundedQuestion: string | null;
  streaming: boolean;
  ask: (form: AnswerForm, modelId: string, corpus: KbCorpus) => Promise<void>;
  askWithout: (form: AnswerForm, modelId: string) => void;
  stop: () => void;
}

const MAX_ANSWER_TOKENS = 700;

function converseInput(modelId: string, question: string, system?: string) {
  return {
    modelId,
    feature: 'knowledge-bases',
    ...(system ? { system } : {}),
    messages: [{ role: 'user', content: [{ text: question }] }],
    inferenceConfig: { maxTokens: MAX_ANSWER_TOKENS, temperature: 0.2 },
  } satisfies StreamInput<'converseStream'>;
}

const failure = (e: unknown): AppError =>
  e instanceof KbRetrievalError
    ? e.error
    : { code: 'internal', message: e instanceof Error ? e.message : String(e) };

export function useGroundedAnswer(): GroundedAnswer {
  const handles = useStreamHandles();
  const [retrieved, setRetrieved] = useState<Retrieved | null>(null);
  const [retrieving, setRetrieving] = useState(false);
  const [problem, setProblem] = useState<AppError | null>(null);
  const [grounded, setGrounded] = useState<ConverseRun | null>(null);
  const [ungrounded, setUngrounded] = useState<{ q: string; run: ConverseRun } | null>(null);

  const ask: GroundedAnswer['ask'] = async (form, modelId, corpus) => {
    const bad = templateProblems(form.template);
    if (bad.length > 0) {
      setProblem({ code: 'invalid_input', message: bad.join(' '), remedy: 'Fix the template.' });
      return;
    }
    setRetrieving(true);
    setProblem(null);
    setGrounded(null);
    try {
      const hits = await retrieveLocal(form.question, form.mode, form.k, {
        corpus,
        indexId: kbSettings().activeIndexId,
      });
      const system = fillTemplate(
        form.template,
        hits.map((h) => ({ title: h.noteTitle, text: (h.parent ?? h.chunk).text })),
      );
      const question = form.question.trim();
      setRetrieved((r) => ({ at: (r?.at ?? 0) + 1, question, mode: form.mode, hits, system }));
      const { handle } = runConverseStream(converseInput(modelId, question, system), setGrounded);
      handles.track(handle);
    } catch (e) {
      setProblem(failure(e));
    } finally {
      setRetrieving(false);
    }
  };

  const askWithout: GroundedAnswer['askWithout'] = (form, modelId) => {
    const q = form.question.trim();
    if (!q) return;
    const { handle } = runConverseStream(converseInput(modelId, q), (run) =>
      setUngrounded({ q, run }),
    );
    handles.track(handle);
  };

  return {
    retrieved,
    retrieving,
    problem,
    grounded,
    ungrounded: ungrounded?.run ?? null,
    ungroundedQuestion: ungrounded?.q ?? null,
    streaming: grounded?.status === 'streaming' || ungrounded?.run.status === 'streaming',
    ask,
    askWithout,
    stop: () => handles.cancelAll(),
  };
}
