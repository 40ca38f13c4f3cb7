/**
 * The contract of question generation: what the renderer asks the main process for, and the
 * events it streams back. The main process calls Bedrock, parses and validates every item (zod,
 * the rule checks in ./questions, the passage check, near-duplicates) and only ever emits items
 * that passed; each rejected item is reported with its reason.
 */
import { z } from 'zod';
import { NoteId, TaskId } from './ids';
import { ModelId } from './settings';
import { Question } from './questions';

/** Bumped whenever the generation prompt or tool schema changes; stored on every item made. */
export const GENERATION_PROMPT_VERSION = 'gen-2026-11-23';

export const QuestionType = z.enum(['single', 'multiple', 'ordering', 'matching']);
export type QuestionType = z.infer<typeof QuestionType>;

/** One note the questions must be grounded in, as plain text (Markdown removed). */
export const GenerationSource = z
  .object({
    noteId: NoteId,
    title: z.string().min(1).max(200),
    domain: z.number().int().min(1).max(5),
    /** Task statements the note teaches; every generated item must use one of them. */
    tasks: z.array(TaskId).min(1).max(14),
    text: z.string().min(50).max(80_000),
  })
  .strict();
export type GenerationSource = z.infer<typeof GenerationSource>;

/**
 * A case-study set instead of separate questions: one scenario (200-2,500 characters) shared by
 * `questions` (2-4) items on one task statement, each of which must need the scenario.
 */
export const CaseSetRequest = z
  .object({
    task: TaskId,
    questions: z.number().int().min(2).max(4),
  })
  .strict();
export type CaseSetRequest = z.infer<typeof CaseSetRequest>;

export const GenerateQuestionsInput = z
  .object({
    modelId: ModelId,
    sources: z.array(GenerationSource).min(1).max(8),
    count: z.number().int().min(1).max(50),
    types: z.array(QuestionType).min(1).max(4),
    difficulty: z.enum(['easy', 'medium', 'hard', 'mixed']),
    /** Stems already in the learner's bank, for the near-duplicate check. */
    existingStems: z.array(z.string().max(1500)).max(20_000),
    /** Ask a second call to answer each accepted item with its options shuffled. */
    blindCheck: z.boolean(),
    /** Set for a case-study set (then `count` is the set's number of questions). */
    caseSet: CaseSetRequest.optional(),
  })
  .strict();
export type GenerateQuestionsInput = z.infer<typeof GenerateQuestionsInput>;

export const BlindCheck = z.object({
  /** True when the blind answer matched the intended answer. */
  agrees: z.boolean(),
  /** The option ids the blind call chose, mapped back to the item's own ids. */
  chosen: z.array(z.string()),
  /** A short reason from the answering model, if it gave one. */
  note: z.string().max(1000).nullable(),
});
export type BlindCheck = z.infer<typeof BlindCheck>;

/**
 * Whether a case question needs its scenario: the blind check asked WITHOUT the scenario. When
 * the model still picks the intended answer, the question does not need the scenario
 * (`needsScenario` false) and the learner decides whether to keep it.
 */
export const ScenarioCheck = z.object({
  needsScenario: z.boolean(),
  /** The option ids the model chose without the scenario, mapped back to the item's own ids. */
  chosen: z.array(z.string()),
  note: z.string().max(1000).nullable(),
});
export type ScenarioCheck = z.infer<typeof ScenarioCheck>;

/** One question of a generated case set, with its checks. */
export const CaseSetItem = z.object({
  question: Question,
  /** The ordinary blind check (with the scenario); null when not requested or not possible. */
  blindCheck: BlindCheck.nullable(),
  blindCheckProblem: z.string().max(500).optional(),
  /** The needs-the-scenario check; null when it could not be done (see the problem). */
  scenarioCheck: ScenarioCheck.nullable(),
  scenarioCheckProblem: z.string().max(500).optional(),
});
export type CaseSetItem = z.infer<typeof CaseSetItem>;

/** The limits of a case set's scenario and title (the same as the bank's CaseStudy schema). */
export const CASE_LIMITS = {
  titleMin: 5,
  titleMax: 120,
  scenarioMin: 200,
  scenarioMax: 2500,
} as const;

/** A case-study set whose every question passed every check (the scenario checks are flags). */
export const CaseSetEvent = z.object({
  type: z.literal('case'),
  id: z.string().regex(/^cs-[a-z0-9]+(-[a-z0-9]+)*$/),
  title: z.string().trim().min(CASE_LIMITS.titleMin).max(CASE_LIMITS.titleMax),
  scenario: z.string().trim().min(CASE_LIMITS.scenarioMin).max(CASE_LIMITS.scenarioMax),
  task: TaskId,
  items: z.array(CaseSetItem).min(2).max(4),
});
export type CaseSetEvent = z.infer<typeof CaseSetEvent>;

export const GenerationEvent = z.discriminatedUnion('type', [
  CaseSetEvent,
  /** Where the run stands: accepted of target, and what the main process is doing now. */
  z.object({
    type: z.literal('progress'),
    accepted: z.number().int().nonnegative(),
    rejected: z.number().int().nonnegative(),
    target: z.number().int().positive(),
    calls: z.number().int().nonnegative(),
    phase: z.enum(['generating', 'repairing', 'checking']),
  }),
  /** An item that passed every check. `blindCheck` is null when not requested or not possible. */
  z.object({
    type: z.literal('item'),
    question: Question,
    blindCheck: BlindCheck.nullable(),
    /**
     * Set when a blind check was requested but could not be done (throttled, unreadable answer).
     * The item itself passed every check and is still offered; only its blind check is missing.
     */
    blindCheckProblem: z.string().max(500).optional(),
  }),
  /** An item (or a whole reply) that was refused, with the reasons a learner can read. */
  z.object({
    type: z.literal('rejected'),
    reasons: z.array(z.string().max(500)).min(1).max(20),
    /** The start of the refused stem, shown as plain text; null when no stem could be read. */
    stem: z.string().max(300).nullable(),
  }),
  /** Running totals over every call of the run (generation, repairs, blind checks). */
  z.object({
    type: z.literal('usage'),
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    calls: z.number().int().nonnegative(),
    /** Estimated from the catalog's prices; null when the model's price is unknown. */
    costUsd: z.number().nonnegative().nullable(),
  }),
]);
export type GenerationEvent = z.infer<typeof GenerationEvent>;
