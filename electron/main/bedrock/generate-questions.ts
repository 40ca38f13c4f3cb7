/**
 * Practice questions written by a Bedrock model, checked before the learner sees them.
 *
 * A run asks for a few questions per Converse call until `count` are accepted or a call budget is
 * spent. With a model that can be forced to call a tool (Anthropic Claude 3 and later, Amazon
 * Nova: the only models Bedrock documents for `toolChoice.tool`), the questions come back as the
 * input of a forced `record_questions` tool whose JSON Schema is the draft shape; with any other
 * model they come back as one JSON object in text, extracted robustly.
 *
 * Every item goes through the same gate (shared/question-draft `checkDraft`: shape, strict schema,
 * rule checks, requested type/difficulty, the note's tasks, the quoted passage) and then the
 * near-duplicate check against the learner's stems and the items accepted earlier in the run.
 * Only items that pass are emitted as `item`; every other one is emitted as `rejected` with all
 * its reasons. A reply with rejected items or no readable questions gets at most two repair
 * turns that list the problems and ask for replacements. Model text is data: it is parsed as JSON
 * and validated, never evaluated, and stems are kept verbatim as text.
 *
 * Optional blind check: each accepted single/multiple item is put to the model again with its
 * options shuffled and relabelled A, B, C...; the answer is mapped back to the item's own ids and
 * `agrees` says whether it matches the intended answer. If that call fails (throttling after the
 * SDK's retries, an unreadable answer), the item is still emitted, with `blindCheck: null` and
 * `blindCheckProblem` saying why: a missing check never costs the learner an accepted item and is
 * never reported as a rejection.
 *
 * Case-study sets (`input.caseSet`): one call asks for a scenario and 2-4 questions on one task
 * statement through the forced `record_case_study` tool. The set passes only as a whole: title and
 * scenario lengths, the number of questions, `checkDraft` on every question (with the case's id
 * and task) and the near-duplicate check; a refused set gets at most two repair turns. Then every
 * choice question is put to the model WITHOUT the scenario (the needs-the-scenario check): if it
 * still finds the intended answer, the question is flagged and the learner decides. The optional
 * blind check runs with the scenario. The set is emitted as one `case` event.
 */
import { randomBytes } from 'node:crypto';
import {
  ConverseCommand,
  type ContentBlock,
  type ConverseCommandInput,
  type ConverseCommandOutput,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import { estimateTokenCost, findModel } from '../../../shared/models';
import { StemIndex } from '../../../shared/question-checks';
import {
  GENERATION_PROMPT_VERSION,
  type BlindCheck,
  type CaseSetItem,
  type CaseSetRequest,
  type GenerateQuestionsInput,
  type GenerationEvent,
  type GenerationSource,
} from '../../../shared/question-generation';
import type { Question } from '../../../shared/questions';
import { AppFailure, toAppError, type ErrorContext } from '../errors';
import type { BedrockCaller } from './client';
import { recordedCall } from './recorded-call';
import {
  CASE_TOOL_NAME,
  caseToolSchema,
  checkCaseDraft,
  checkDraft,
  questionsToolSchema,
  QUESTIONS_TOOL_NAME,
  stemExcerpt,
  type JsonObject,
} from '../../../shared/question-draft';
import {
  BLIND_LABELS,
  BLIND_TOOL_NAME,
  batchPrompt,
  blindPrompt,
  blindToolSchema,
  casePrompt,
  caseRepairPrompt,
  caseSystemPrompt,
  extractJson,
  generationSystemPrompt,
  repairPrompt,
  type Difficulty,
  type ItemProblem,
  shuffled,
  type Slot,
} from '../../../shared/question-prompts';

/** Questions asked for per call (fewer when the model's output limit is small). */
export const BATCH_SIZE = 5;
/** Repair turns per batch after the first reply. */
export const MAX_REPAIRS = 2;
/** Output tokens budgeted per question when sizing batches (a matching item with reasons ~600). */
const TOKENS_PER_ITEM = 800;
/** Ceiling on maxTokens for a generation call. */
const MAX_OUTPUT_TOKENS = 8192;
/** Existing stems shown to the model as "do not repeat" (the check itself uses all of them). */
const AVOID_SAMPLE = 30;

/** Generation calls allowed for a run of `count` items: two per batch of five, plus two spare. */
export function callBudget(count: number): number {
  return Math.ceil(count / BATCH_SIZE) * 2 + 2;
}

export type OutputMode = 'tool' | 'json';

/**
 * 'tool' when the catalog says the model uses tools and Bedrock documents `toolChoice.tool` for
 * its family (Anthropic Claude 3+, Amazon Nova); 'json' otherwise, including unknown models.
 */
export function outputModeFor(modelId: string): OutputMode {
  const model = findModel(modelId);
  if (!model?.features.toolUse) return 'json';
  return model.provider === 'Anthropic' || model.provider === 'Amazon' ? 'tool' : 'json';
}

type Emit = (event: GenerationEvent) => void;

/** Stems of the learner's bank most related to the notes, for the "do not repeat" list. */
function relatedStems(stems: readonly string[], sources: readonly GenerationSource[]): string[] {
  const vocab = new Set(
    sources.flatMap((s) => `${s.title} ${s.text}`.toLowerCase().match(/[a-z0-9]{4,}/g) ?? []),
  );
  const scored = stems.map((stem) => {
    const words = stem.toLowerCase().match(/[a-z0-9]{4,}/g) ?? [];
    const hits = words.filter((w) => vocab.has(w)).length;
    return { stem, score: words.length === 0 ? 0 : hits / words.length };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, AVOID_SAMPLE)
    .map((s) => s.stem);
}

type ReadReply =
  | { kind: 'items'; items: unknown[]; toolUseId: string | null }
  | { kind: 'unreadable'; reason: string; toolUseId: string | null };

/** `{questions: [...]}`, a bare array, or one question object: the items, else null. */
function itemsOf(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value as unknown[];
  if (typeof value !== 'object' || value === null) return null;
  const questions = (value as { questions?: unknown }).questions;
  if (Array.isArray(questions)) return questions as unknown[];
  return 'stem' in value ? [value] : null;
}

function replyText(content: readonly ContentBlock[]): string {
  return content.map((b) => b.text ?? '').join('');
}

function readReply(response: ConverseCommandOutput, mode: OutputMode): ReadReply {
  const content = response.output?.message?.content ?? [];
  const use = content.find((b) => b.toolUse)?.toolUse;
  const toolUseId = use?.toolUseId ?? null;
  let value: unknown;
  if (use) {
    value = use.input;
    if (typeof value === 'string') {
      const parsed = extractJson(value, (v) => itemsOf(v) !== null);
      if (!parsed) {
        return { kind: 'unreadable', reason: 'the tool input was not valid JSON.', toolUseId };
      }
      value = parsed.value;
    }
  } else {
    const text = replyText(content);
    const parsed = extractJson(text, (v) => itemsOf(v) !== null);
    if (!parsed) {
      const why =
        mode === 'tool'
          ? `it did not call the ${QUESTIONS_TOOL_NAME} tool.`
          : text.trim().length === 0
            ? 'it was empty.'
            : 'it contained no JSON object with a "questions" list.';
      return { kind: 'unreadable', reason: why, toolUseId };
    }
    value = parsed.value;
  }
  const items = itemsOf(value);
  if (items === null) {
    return { kind: 'unreadable', reason: 'it had no "questions" list.', toolUseId };
  }
  if (items.length === 0) {
    return { kind: 'unreadable', reason: 'its "questions" list was empty.', toolUseId };
  }
  return { kind: 'items', items, toolUseId };
}

type ReadCaseReply =
  | { kind: 'value'; value: unknown; toolUseId: string | null }
  | { kind: 'unreadable'; reason: string; toolUseId: string | null };

const isCaseShape = (v: unknown) => typeof v === 'object' && v !== null && 'scenario' in v;

/** A case-study reply: the tool input, else one JSON object with a "scenario" in text. */
function readCaseReply(response: ConverseCommandOutput, mode: OutputMode): ReadCaseReply {
  const content = response.output?.message?.content ?? [];
  const use = content.find((b) => b.toolUse)?.toolUse;
  const toolUseId = use?.toolUseId ?? null;
  if (use && typeof use.input !== 'string') return { kind: 'value', value: use.input, toolUseId };
  const text = typeof use?.input === 'string' ? use.input : replyText(content);
  const parsed = extractJson(text, isCaseShape);
  if (parsed) return { kind: 'value', value: parsed.value, toolUseId };
  const reason = use
    ? 'the tool input was not valid JSON.'
    : mode === 'tool'
      ? `it did not call the ${CASE_TOOL_NAME} tool.`
      : text.trim().length === 0
        ? 'it was empty.'
        : 'it contained no JSON object with a "scenario".';
  return { kind: 'unreadable', reason, toolUseId };
}

/**
 * The assistant turn to send back in a repair. Bedrock requires `toolUse.input` to be a JSON
 * object, so input the model garbled (a string) is wrapped instead of replayed as is.
 */
function assistantTurn(response: ConverseCommandOutput): Message | null {
  const content = (response.output?.message?.content ?? []).flatMap((block): ContentBlock[] => {
    if (block.toolUse) {
      const input = block.toolUse.input;
      const objectInput =
        typeof input === 'object' && input !== null && !Array.isArray(input)
          ? input
          : { unreadableInput: typeof input === 'string' ? input : JSON.stringify(input ?? null) };
      return [{ toolUse: { ...block.toolUse, input: objectInput } }];
    }
    if (block.text !== undefined) return block.text.trim().length > 0 ? [{ text: block.text }] : [];
    return [];
  });
  return content.length > 0 ? { role: 'assistant', content } : null;
}

/** Plan of a batch: types rotate through the requested ones, difficulty through easy..hard. */
function planSlots(input: GenerateQuestionsInput, start: number, n: number): Slot[] {
  const levels: Difficulty[] = ['easy', 'medium', 'hard'];
  return Array.from({ length: n }, (_, i) => {
    const k = start + i;
    return {
      type: input.types[k % input.types.length] ?? 'single',
      difficulty:
        input.difficulty === 'mixed' ? (levels[k % levels.length] ?? 'medium') : input.difficulty,
    };
  });
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Options for tests: fixed clock and ids. */
export interface GenerateOptions {
  now?: () => Date;
  newId?: () => string;
}

type Phase = 'generating' | 'repairing' | 'checking';
type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;
interface BlindOutcome {
  check: BlindCheck | null;
  problem?: string;
}

/** The forced-tool part of a request, or nothing in JSON mode. */
function forcedTool(
  mode: OutputMode,
  name: string,
  description: string,
  schema: JsonObject,
): Pick<ConverseCommandInput, 'toolConfig'> {
  if (mode !== 'tool') return {};
  return {
    toolConfig: {
      tools: [{ toolSpec: { name, description, inputSchema: { json: schema } } }],
      toolChoice: { tool: { name } },
    },
  };
}

/** The set of option ids a blind answer chose, or null when it cannot be read. */
function blindChoice(response: ConverseCommandOutput, order: readonly { id: string }[]) {
  const content = response.output?.message?.content ?? [];
  const use = content.find((b) => b.toolUse)?.toolUse;
  const answer =
    use && typeof use.input === 'object' && use.input !== null
      ? use.input
      : extractJson(
          typeof use?.input === 'string' ? use.input : replyText(content),
          (v) => typeof v === 'object' && v !== null && 'answers' in v,
        )?.value;
  const raw = (answer as { answers?: unknown; reason?: unknown } | undefined) ?? {};
  if (!Array.isArray(raw.answers) || raw.answers.length === 0) return null;
  const ids: string[] = [];
  for (const a of raw.answers as unknown[]) {
    const i = BLIND_LABELS.indexOf(
      (typeof a === 'string' ? a.trim().toUpperCase() : '') as (typeof BLIND_LABELS)[number],
    );
    const id = i >= 0 ? order[i]?.id : undefined;
    if (id === undefined) return null;
    ids.push(id);
  }
  const reason = typeof raw.reason === 'string' ? clip(raw.reason, 1000) : null;
  return { ids: [...new Set(ids)].sort(), reason };
}

/** One generation run: its counters, the stems seen so far, and the calls it makes. */
class GenerationRun {
  private readonly ctx: ErrorContext;
  private readonly mode: OutputMode;
  private readonly maxTokens: number;
  private batchSize: number;
  private readonly toolSchema: JsonObject;
  private readonly system: string;
  private readonly useSystemField: boolean;
  private readonly budget: number;
  private readonly index: StemIndex;
  private readonly avoidBase: string[];
  private readonly acceptedStems: string[] = [];
  private readonly now: () => Date;
  private readonly newId: () => string;
  private accepted = 0;
  private rejected = 0;
  private calls = 0;
  private generationCalls = 0;
  private inputTokens = 0;
  private outputTokens = 0;

  constructor(
    private readonly caller: BedrockCaller,
    private readonly input: GenerateQuestionsInput,
    private readonly emit: Emit,
    private readonly signal: AbortSignal,
    options: GenerateOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.newId = options.newId ?? (() => `gen-${randomBytes(6).toString('hex')}`);
    this.ctx = {
      modelId: input.modelId,
      region: caller.target.region,
      profile: caller.target.profile,
    };
    const model = findModel(input.modelId);
    this.mode = outputModeFor(input.modelId);
    this.maxTokens = Math.min(model?.maxOutputTokens ?? 4096, MAX_OUTPUT_TOKENS);
    this.batchSize = Math.max(
      1,
      Math.min(BATCH_SIZE, Math.floor(this.maxTokens / TOKENS_PER_ITEM)),
    );
    const set = input.caseSet;
    this.toolSchema = set
      ? caseToolSchema(input.sources, input.types, set.task, set.questions)
      : questionsToolSchema(input.sources, input.types);
    this.system = set
      ? caseSystemPrompt(this.mode, this.toolSchema)
      : generationSystemPrompt(this.mode, this.toolSchema);
    this.useSystemField = model?.features.systemPrompt ?? false;
    this.budget = callBudget(input.count);
    this.index = new StemIndex(input.existingStems);
    this.avoidBase = relatedStems(input.existingStems, input.sources);
    checkContextWindow(input, this.system, this.maxTokens);
  }

  private get live(): boolean {
    return !this.signal.aborted;
  }

  private send(event: GenerationEvent): void {
    if (this.live) this.emit(event);
  }

  private progress(phase: Phase): void {
    this.send({
      type: 'progress',
      accepted: this.accepted,
      rejected: this.rejected,
      target: this.input.caseSet?.questions ?? this.input.count,
      calls: this.calls,
      phase,
    });
  }

  private usage(): void {
    this.send({
      type: 'usage',
      inputTokens: this.inputTokens,
      outputTokens: this.outputTokens,
      calls: this.calls,
      costUsd: estimateTokenCost(this.input.modelId, this.inputTokens, this.outputTokens),
    });
  }

  private reject(reasons: readonly string[], stem: string | null): void {
    this.rejected++;
    const list = reasons.length > 0 ? reasons : ['the item was not usable'];
    const shown = list.slice(0, 20).map((r) => clip(r, 500));
    if (list.length > 20) shown[19] = `${list.length - 19} more problems`;
    this.send({ type: 'rejected', reasons: shown, stem: stem === null ? null : clip(stem, 300) });
    this.progress('generating');
  }

  /** Runs batches until `count` items are accepted or the call budget is spent. */
  async run(): Promise<void> {
    try {
      if (this.input.caseSet) await this.runCase(this.input.caseSet);
      let slot = 0;
      while (
        !this.input.caseSet &&
        this.live &&
        this.accepted < this.input.count &&
        this.generationCalls < this.budget
      ) {
        const n = Math.min(this.batchSize, this.input.count - this.accepted);
        await this.runBatch(planSlots(this.input, slot, n));
        slot += n;
      }
    } catch (error) {
      if (this.signal.aborted) return;
      throw new AppFailure(toAppError(error, this.ctx));
    }
    this.progress('generating');
  }

  /** One Converse call, recorded and counted, with usage emitted after it. */
  private async converse(request: ConverseCommandInput): Promise<ConverseCommandOutput> {
    this.calls++;
    try {
      return await recordedCall(
        {
          feature: 'quiz',
          operation: 'Converse',
          modelId: this.input.modelId,
          target: this.caller.target,
          record: this.caller.record,
          signal: this.signal,
          timeoutMs: this.caller.timeouts.callMs,
        },
        async (meter) => {
          const response = await this.caller.client.send(
            new ConverseCommand(request),
            meter.sendOptions,
          );
          const inputTokens = response.usage?.inputTokens ?? null;
          const outputTokens = response.usage?.outputTokens ?? null;
          this.inputTokens += inputTokens ?? 0;
          this.outputTokens += outputTokens ?? 0;
          meter.usage(inputTokens, outputTokens);
          meter.stopReason(response.stopReason ?? null);
          return response;
        },
      );
    } finally {
      this.usage();
    }
  }

  private generationRequest(messages: Message[]): ConverseCommandInput {
    return {
      modelId: this.input.modelId,
      messages,
      ...(this.useSystemField ? { system: [{ text: this.system }] } : {}),
      inferenceConfig: { maxTokens: this.maxTokens, temperature: 0.7 },
      ...(this.input.caseSet
        ? forcedTool(
            this.mode,
            CASE_TOOL_NAME,
            'Records one AIF-C01 case-study set: the scenario and its questions. Call it once.',
            this.toolSchema,
          )
        : forcedTool(
            this.mode,
            QUESTIONS_TOOL_NAME,
            'Records new AIF-C01 practice questions. Call it once with all the questions.',
            this.toolSchema,
          )),
    };
  }

  /**
   * One case-study set: a request, then up to MAX_REPAIRS repair turns of the whole set; a set
   * that passes is checked for needing its scenario and emitted as one `case` event.
   */
  private async runCase(request: CaseSetRequest): Promise<void> {
    const caseId = `cs-${this.newId()}`;
    const slots = planSlots(this.input, 0, request.questions);
    const ask = casePrompt(this.input.sources, request.task, slots, this.avoidBase);
    const firstText = this.useSystemField ? ask : `${this.system}\n\n${ask}`;
    let messages: Message[] = [{ role: 'user', content: [{ text: firstText }] }];
    for (let attempt = 0; ; attempt++) {
      this.progress(attempt === 0 ? 'generating' : 'repairing');
      this.generationCalls++;
      const response = await this.converse(this.generationRequest(messages));
      const reply = readCaseReply(response, this.mode);
      const verdict = this.judgeCase(reply, response, caseId, request);
      if (!this.live) return;
      if (verdict.ok) {
        await this.emitCase(caseId, request, verdict.title, verdict.scenario, verdict.questions);
        return;
      }
      if (attempt >= MAX_REPAIRS) return;
      const repair = caseRepairPrompt(
        verdict.setReasons,
        verdict.items,
        verdict.replyProblem,
        request.questions,
        this.mode,
      );
      messages = this.caseRepairTurns(messages, firstText, response, reply.toolUseId, repair);
    }
  }

  /** Checks a case reply; reports every refusal (the set's and each question's) as it goes. */
  private judgeCase(
    reply: ReadCaseReply,
    response: ConverseCommandOutput,
    caseId: string,
    request: CaseSetRequest,
  ):
    | { ok: true; title: string; scenario: string; questions: Question[] }
    | { ok: false; setReasons: string[]; items: ItemProblem[]; replyProblem: string | null } {
    if (reply.kind === 'unreadable') {
      const replyProblem =
        response.stopReason === 'max_tokens'
          ? `it was cut off at the output limit (${this.maxTokens} tokens) before it was complete.`
          : reply.reason;
      this.reject([`The model's reply could not be read: ${replyProblem}`], null);
      return { ok: false, setReasons: [], items: [], replyProblem };
    }
    const outcome = checkCaseDraft(reply.value, {
      sources: this.input.sources,
      types: this.input.types,
      difficulty: this.input.difficulty,
      modelId: this.input.modelId,
      promptVersion: GENERATION_PROMPT_VERSION,
      createdAt: this.now().toISOString(),
      newId: this.newId,
      caseId,
      task: request.task,
      count: request.questions,
    });
    const setReasons = outcome.ok ? [] : outcome.setReasons;
    const items: ItemProblem[] = outcome.ok
      ? this.caseDuplicates(outcome.questions)
      : outcome.items;
    if (setReasons.length > 0)
      this.reject(
        setReasons.map((r) => `case study: ${r}`),
        null,
      );
    for (const item of items) this.reject(item.reasons, item.stem);
    if (outcome.ok && items.length === 0) return { ...outcome, ok: true };
    return { ok: false, setReasons, items, replyProblem: null };
  }

  /** Near-duplicates of a set's questions: against the bank, the run, and each other. */
  private caseDuplicates(questions: readonly Question[]): ItemProblem[] {
    const local = new StemIndex([]);
    const problems: ItemProblem[] = [];
    questions.forEach((q, i) => {
      const dup = this.index.nearest(q.stem);
      const inSet = dup ? null : local.nearest(q.stem);
      local.add(q.stem);
      const found = dup ?? inSet;
      if (!found) return;
      const which = dup ? 'a question already in your bank' : 'another question of this set';
      problems.push({
        position: i + 1,
        stem: stemExcerpt(q.stem),
        reasons: [
          `near-duplicate of ${which} (${Math.round(found.similarity * 100)}% similar): "${clip(found.stem.replace(/\s+/g, ' '), 200)}"`,
        ],
      });
    });
    return problems;
  }

  /** The conversation for a case repair (see `repairTurns`). */
  private caseRepairTurns(
    messages: Message[],
    firstText: string,
    response: ConverseCommandOutput,
    toolUseId: string | null,
    repair: string,
  ): Message[] {
    const assistant = assistantTurn(response);
    if (assistant === null) {
      return [{ role: 'user', content: [{ text: `${firstText}\n\n${repair}` }] }];
    }
    const user: Message =
      this.mode === 'tool' && toolUseId !== null
        ? {
            role: 'user',
            content: [{ toolResult: { toolUseId, status: 'error', content: [{ text: repair }] } }],
          }
        : { role: 'user', content: [{ text: repair }] };
    return [...messages, assistant, user];
  }

  /** Runs the scenario checks (and the blind check if asked) on a passed set and emits it. */
  private async emitCase(
    caseId: string,
    request: CaseSetRequest,
    title: string,
    scenario: string,
    questions: readonly Question[],
  ): Promise<void> {
    for (const q of questions) this.index.add(q.stem);
    this.accepted += questions.length;
    const items: CaseSetItem[] = [];
    for (const question of questions) {
      this.progress('checking');
      let blind: BlindOutcome = { check: null };
      let without: BlindOutcome = {
        check: null,
        problem:
          'Only multiple-choice and multiple-response questions can be answered blind: check yourself that this one needs the scenario.',
      };
      if (question.type === 'single' || question.type === 'multiple') {
        if (this.input.blindCheck) blind = await this.blindCheck(question, scenario);
        without = await this.blindCheck(question);
      }
      items.push({
        question,
        blindCheck: blind.check,
        ...(blind.problem ? { blindCheckProblem: blind.problem } : {}),
        scenarioCheck: without.check
          ? {
              needsScenario: !without.check.agrees,
              chosen: without.check.chosen,
              note: without.check.note,
            }
          : null,
        ...(without.problem
          ? {
              scenarioCheckProblem: without.problem.replace(
                'The blind check',
                'The scenario check',
              ),
            }
          : {}),
      });
    }
    this.send({ type: 'case', id: caseId, title, scenario, task: request.task, items });
  }

  /** One batch: a request, then up to MAX_REPAIRS repair turns. */
  private async runBatch(slots: Slot[]): Promise<void> {
    const avoid = [...this.acceptedStems.slice(-AVOID_SAMPLE), ...this.avoidBase].slice(
      0,
      AVOID_SAMPLE,
    );
    const ask = batchPrompt(this.input.sources, slots, avoid);
    const firstText = this.useSystemField ? ask : `${this.system}\n\n${ask}`;
    let messages: Message[] = [{ role: 'user', content: [{ text: firstText }] }];
    let acceptedHere = 0;
    for (let attempt = 0; ; attempt++) {
      this.progress(attempt === 0 ? 'generating' : 'repairing');
      this.generationCalls++;
      const response = await this.converse(this.generationRequest(messages));
      const reply = readReply(response, this.mode);
      const truncated = response.stopReason === 'max_tokens';
      const problems: ItemProblem[] = [];
      let replyProblem: string | null = null;
      if (reply.kind === 'unreadable') {
        replyProblem = truncated
          ? `it was cut off at the output limit (${this.maxTokens} tokens) before it was complete.`
          : reply.reason;
        this.reject([`The model's reply could not be read: ${replyProblem}`], null);
      } else {
        for (const [i, raw] of reply.items.entries()) {
          if (this.accepted >= this.input.count || !this.live) break;
          const problem = await this.consider(raw, i + 1);
          if (problem) problems.push(problem);
          else acceptedHere++;
        }
      }
      if (!this.live) return;
      if (truncated) {
        // Ask for fewer per call from now on; continuing cut-off JSON is not reliable.
        this.batchSize = Math.max(1, Math.floor(this.batchSize / 2));
        return;
      }
      const wanted = Math.min(slots.length - acceptedHere, this.input.count - this.accepted);
      if (replyProblem === null && problems.length === 0) return;
      if (wanted <= 0 || attempt >= MAX_REPAIRS || this.generationCalls >= this.budget) return;
      messages = this.repairTurns(
        messages,
        firstText,
        response,
        reply,
        problems,
        replyProblem,
        wanted,
      );
    }
  }

  /**
   * The conversation for a repair: the model's reply, then what was wrong (as an error
   * toolResult in tool mode). A reply with nothing to answer restarts from the first prompt.
   */
  private repairTurns(
    messages: Message[],
    firstText: string,
    response: ConverseCommandOutput,
    reply: ReadReply,
    problems: ItemProblem[],
    replyProblem: string | null,
    wanted: number,
  ): Message[] {
    const repair = repairPrompt(problems, replyProblem, wanted, this.mode);
    const assistant = assistantTurn(response);
    if (assistant === null) {
      return [{ role: 'user', content: [{ text: `${firstText}\n\n${repair}` }] }];
    }
    const toolUseId = reply.toolUseId;
    const user: Message =
      this.mode === 'tool' && toolUseId !== null
        ? {
            role: 'user',
            content: [{ toolResult: { toolUseId, status: 'error', content: [{ text: repair }] } }],
          }
        : { role: 'user', content: [{ text: repair }] };
    return [...messages, assistant, user];
  }

  /** Checks one draft; emits it (after any blind check) or rejects it. Returns its problem. */
  private async consider(raw: unknown, position: number): Promise<ItemProblem | null> {
    const outcome = checkDraft(raw, {
      sources: this.input.sources,
      types: this.input.types,
      difficulty: this.input.difficulty,
      modelId: this.input.modelId,
      promptVersion: GENERATION_PROMPT_VERSION,
      createdAt: this.now().toISOString(),
      newId: this.newId,
    });
    const problem: ItemProblem | null = outcome.ok
      ? this.duplicateProblem(outcome.question.stem, position)
      : { position, stem: outcome.stem, reasons: outcome.reasons };
    if (problem || !outcome.ok) {
      const found = problem ?? { position, stem: null, reasons: [] };
      this.reject(found.reasons, found.stem);
      return found;
    }
    const question = outcome.question;
    this.index.add(question.stem);
    this.acceptedStems.push(question.stem);
    this.accepted++;
    let blind: BlindOutcome = { check: null };
    if (this.input.blindCheck && (question.type === 'single' || question.type === 'multiple')) {
      this.progress('checking');
      blind = await this.blindCheck(question);
    }
    this.send({
      type: 'item',
      question,
      blindCheck: blind.check,
      ...(blind.problem ? { blindCheckProblem: blind.problem } : {}),
    });
    this.progress('generating');
    return null;
  }

  private duplicateProblem(stem: string, position: number): ItemProblem | null {
    const dup = this.index.nearest(stem);
    if (!dup) return null;
    const which = this.acceptedStems.includes(dup.stem)
      ? 'a question accepted earlier in this run'
      : 'a question already in your bank';
    const percent = Math.round(dup.similarity * 100);
    return {
      position,
      stem: stemExcerpt(stem),
      reasons: [
        `near-duplicate of ${which} (${percent}% similar): "${clip(dup.stem.replace(/\s+/g, ' '), 200)}"`,
      ],
    };
  }

  /**
   * The blind check of one accepted item (with a case's `scenario` before the stem when given);
   * never throws except when the run is aborted.
   */
  private async blindCheck(q: ChoiceQuestion, scenario?: string): Promise<BlindOutcome> {
    const order = shuffled(q.options, q.id);
    const intended = q.type === 'single' ? [q.answer] : q.answers;
    const prompt = blindPrompt(
      q.stem,
      order.map((o) => o.text),
      intended.length,
      this.mode,
      scenario,
    );
    let response: ConverseCommandOutput;
    try {
      response = await this.converse({
        modelId: this.input.modelId,
        messages: [{ role: 'user', content: [{ text: prompt }] }],
        inferenceConfig: { maxTokens: 400, temperature: 0 },
        ...forcedTool(
          this.mode,
          BLIND_TOOL_NAME,
          'Submits your answer to the question.',
          blindToolSchema(order.length),
        ),
      });
    } catch (error) {
      if (this.signal.aborted) throw error;
      const message = toAppError(error, this.ctx).message;
      return { check: null, problem: clip(`The blind check could not be done: ${message}`, 500) };
    }
    const choice = blindChoice(response, order);
    if (!choice) {
      return {
        check: null,
        problem: 'The blind check could not be done: the answer could not be read.',
      };
    }
    const expected = [...intended].sort();
    const agrees =
      choice.ids.length === expected.length && expected.every((id, i) => id === choice.ids[i]);
    return { check: { agrees, chosen: choice.ids, note: choice.reason } };
  }
}

/**
 * Runs one generation. Emits `progress` before each call and after each item, `usage` after each
 * call, `item` / `rejected` per item. Calls `record` once per Bedrock call.
 *
 * - A call that fails after the SDK's retries (throttling, access, validation...) ends the run
 *   with the mapped AppError; items already emitted stay with the renderer.
 * - Aborting `signal` aborts the call in flight and returns quietly; nothing is emitted after.
 * - When the call budget is spent first, the run ends normally with fewer than `count` items;
 *   the last `progress` event says how many.
 */
export async function generateQuestions(
  caller: BedrockCaller,
  input: GenerateQuestionsInput,
  emit: Emit,
  signal: AbortSignal,
  options: GenerateOptions = {},
): Promise<void> {
  if (signal.aborted) return;
  await new GenerationRun(caller, input, emit, signal, options).run();
}

/**
 * Refuses a run whose notes cannot fit the model's context window before spending a call on it
 * (about 4 characters per token for English, the rule of thumb AWS and the providers give).
 */
function checkContextWindow(
  input: GenerateQuestionsInput,
  system: string,
  maxTokens: number,
): void {
  const model = findModel(input.modelId);
  if (!model?.contextWindow) return;
  const chars = system.length + input.sources.reduce((n, s) => n + s.text.length + 200, 0) + 6000;
  const estimate = Math.ceil(chars / 4);
  if (estimate + maxTokens > model.contextWindow) {
    throw new AppFailure({
      code: 'validation',
      message: `The selected notes are too long for ${model.name}: about ${estimate.toLocaleString('en-US')} tokens with the instructions, and it reads at most ${model.contextWindow.toLocaleString('en-US')} (including its answer).`,
      remedy: 'Pick fewer notes, or a model with a larger context window (see Models).',
    });
  }
}
