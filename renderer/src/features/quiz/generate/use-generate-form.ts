/**
 * The Generate settings the learner is filling in (notes, count, types, difficulty, model, blind
 * check, auto-accept), what follows from them (sources, estimate, cost) and starting a run.
 */
import { useMemo, useState } from 'react';
import {
  choiceFor,
  estimateTokenCost,
  isCallableTextModel,
  modelOptions,
  type ModelOption,
} from '../../../../../shared/models';
import {
  QuestionType,
  type GenerateQuestionsInput,
  type GenerationSource,
} from '../../../../../shared/question-generation';
import { useSettings } from '../../../app/settings-context';
import { CORPUS } from '../../../content/corpus';
import { useQuestionPool } from '../../../db/questions';
import { BANK } from '../bank';
import {
  connectionKey,
  startGeneration,
  type PendingItem,
  type RunState,
} from '../generation-store';
import { getCaseSets } from './case-sets';
import { estimateCaseRun, estimateRun, sourceOf } from './estimate';

export interface GenerateForm {
  picked: string[];
  count: number;
  types: QuestionType[];
  difficulty: GenerateQuestionsInput['difficulty'];
  /** The model the learner chose; null: the default text model from Settings. */
  model: string | null;
  blindCheck: boolean;
  autoAccept: boolean;
  /** Separate questions, or one case-study set (a scenario shared by 2-4 questions). */
  kind: 'questions' | 'case';
  /** The task statement of a case set; null: the first task of the picked notes. */
  caseTask: string | null;
  /** Questions in a case set (2 to 4). */
  caseCount: number;
}

export type ModelChoice = ModelOption;

/** The text models that can write questions, with and without tool use, for `region`. */
function modelChoices(region: string): { tools: ModelChoice[]; text: ModelChoice[] } {
  const usable = modelOptions(region, (m) => isCallableTextModel(m) && m.features.systemPrompt);
  return {
    tools: usable.filter((o) => o.model.features.toolUse),
    text: usable.filter((o) => !o.model.features.toolUse),
  };
}

/** What a run is asked for: separate questions, or a case set on `caseTask`. */
function generationInput(
  form: GenerateForm,
  modelId: string,
  sources: GenerationSource[],
  caseTask: string | null,
  existingStems: readonly string[],
): GenerateQuestionsInput {
  const caseSet =
    form.kind === 'case' && caseTask ? { task: caseTask, questions: form.caseCount } : null;
  return {
    modelId,
    sources,
    count: caseSet ? caseSet.questions : form.count,
    types: form.types,
    difficulty: form.difficulty,
    existingStems: existingStems.slice(0, 20_000),
    blindCheck: form.blindCheck,
    ...(caseSet ? { caseSet } : {}),
  };
}

/** The task statements of the picked notes, for a case set, and the one in use (else the first). */
function useCaseTask(sources: readonly GenerationSource[], chosen: string | null) {
  const caseTasks = useMemo(() => [...new Set(sources.flatMap((s) => s.tasks))].sort(), [sources]);
  const caseTask = chosen && caseTasks.includes(chosen) ? chosen : (caseTasks[0] ?? null);
  return { caseTasks, caseTask };
}

export function useGenerateForm(run: RunState | null, pending: readonly PendingItem[]) {
  const { state } = useSettings();
  const pool = useQuestionPool(BANK);
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => modelChoices(region), [region]);
  const [form, setForm] = useState<GenerateForm>({
    picked: [],
    count: 5,
    types: [...QuestionType.options],
    difficulty: 'mixed',
    model: null,
    blindCheck: false,
    autoAccept: false,
    kind: 'questions',
    caseTask: null,
    caseCount: 3,
  });
  // Settings may hold a bare model id; the run calls the id the picker lists for the region.
  const modelId =
    form.model ??
    choiceFor(state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0', [
      ...models.tools,
      ...models.text,
    ]);
  const sources = useMemo(
    () =>
      form.picked.flatMap((id) => {
        const note = CORPUS.noteById.get(id);
        return note ? [sourceOf(note)] : [];
      }),
    [form.picked],
  );
  const isCase = form.kind === 'case';
  const { caseTasks, caseTask } = useCaseTask(sources, form.caseTask);
  const estimate = isCase
    ? estimateCaseRun(sources, form.caseCount, form.blindCheck)
    : estimateRun(sources, form.count, form.blindCheck);
  const cost = estimateTokenCost(modelId, estimate.inputTokens, estimate.outputTokens);
  const running = run?.status === 'running';
  const canRun =
    sources.length > 0 &&
    form.types.length > 0 &&
    !running &&
    pool !== undefined &&
    (!isCase || caseTasks.length > 0);

  const start = () => {
    if (!canRun) return;
    const existingStems = [
      ...(pool ?? []).map((q) => q.stem),
      ...pending.map((p) => p.question.stem),
      ...getCaseSets().flatMap((c) => c.set.items.map((i) => i.question.stem)),
    ];
    const input = generationInput(form, modelId, sources, caseTask, existingStems);
    startGeneration(
      input,
      // A case set always waits for review: flagged questions need the learner's decision.
      input.caseSet ? false : form.autoAccept,
      state ? connectionKey(state.settings.aws) : '',
    );
  };

  return {
    form,
    set: (patch: Partial<GenerateForm>) => setForm((f) => ({ ...f, ...patch })),
    models,
    modelId,
    sources,
    estimate,
    cost,
    running,
    canRun,
    start,
    caseTasks,
    caseTask,
  };
}

export type GenerateFormState = ReturnType<typeof useGenerateForm>;
