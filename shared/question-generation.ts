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

export const GenerationEvent = z.discriminatedUnion('type', [
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
