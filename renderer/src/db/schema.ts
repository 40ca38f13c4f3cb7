/**
 * The shapes of the rows Stratum keeps in IndexedDB, as zod schemas: every read and every import
 * is checked against these. db.ts declares the tables and versions that hold them.
 */
import { z } from 'zod';
import { CaseStudy, Question } from '../../../shared/questions';
import { BlindCheck, CaseSetEvent } from '../../../shared/question-generation';
import { GuardrailTraceSummary } from '../../../shared/guardrails';
import {
  JudgeMetric,
  JudgeResponsesEvent,
  MAX_RUBRIC_CHARS,
} from '../../../shared/eval-judge-contract';
import { AppError } from '../../../shared/result';
import { NetArchitecture } from '../lib/denoiser-weights';

export const NoteProgress = z.object({
  noteId: z.string().min(1),
  read: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  bookmarked: z.boolean(),
  bookmarkedAt: z.iso.datetime().nullable(),
  lastOpenedAt: z.iso.datetime().nullable(),
});
export type NoteProgress = z.infer<typeof NoteProgress>;

/** One live next-word run of the token lab, kept so it can be re-opened later. */
export const TokenExperiment = z.object({
  id: z.string().min(1),
  kind: z.literal('next-word'),
  createdAt: z.iso.datetime(),
  modelId: z.string(),
  region: z.string(),
  prompt: z.string(),
  settings: z.object({
    n: z.number().int().positive(),
    temperature: z.number(),
    topP: z.number(),
    maxTokens: z.number().int().positive(),
    concurrency: z.number().int().positive(),
  }),
  /** Raw replies by call index (null where no reply arrived). */
  replies: z.array(z.string().nullable()),
  status: z.enum(['complete', 'cancelled', 'failed']),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }),
  costUsd: z.number().nullable(),
});
export type TokenExperiment = z.infer<typeof TokenExperiment>;

/** An image generated on Bedrock, with the parameters that made it (the diffusion lab's gallery). */
export const GalleryImage = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  modelId: z.string(),
  task: z.enum(['TEXT_IMAGE', 'IMAGE_VARIATION']),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Null for a model that has neither (the Stability AI models); rows before them all have both. */
  quality: z.enum(['standard', 'premium']).nullable(),
  cfgScale: z.number().nullable(),
  seed: z.number().int(),
  similarityStrength: z.number().nullable(),
  format: z.enum(['png', 'jpeg']),
  base64: z.string().min(1),
  costUsd: z.number().nullable(),
});
export type GalleryImage = z.infer<typeof GalleryImage>;

/** A learner's response to one question (mirrors lib/scoring's Response). */
export const StoredResponse = z.discriminatedUnion('type', [
  z.object({ type: z.literal('single'), choice: z.string().nullable() }),
  z.object({ type: z.literal('multiple'), choices: z.array(z.string()) }),
  z.object({ type: z.literal('ordering'), order: z.array(z.string()) }),
  z.object({ type: z.literal('matching'), pairs: z.record(z.string(), z.string()) }),
]);

export type StoredResponse = z.infer<typeof StoredResponse>;

/**
 * One answer to a question. `mode` says where it was given; a spaced-review answer also carries
 * the learner's FSRS rating (1 Again .. 4 Easy), and a mock-exam answer its exam's id.
 * (Rows from v4 have neither field and stay valid.)
 */
export const Attempt = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  at: z.iso.datetime(),
  correct: z.boolean(),
  mode: z.enum(['practice', 'review', 'exam']),
  rating: z.number().int().min(1).max(4).optional(),
  examId: z.string().min(1).optional(),
  /**
   * Review answers from v7 on, quick-practice answers from v9 on: true when this answer introduced
   * the question to spaced review (it had no card).
   */
  newCard: z.boolean().optional(),
  /**
   * Set by the v9 upgrade on exam rows that an older version wrote for a question left unanswered.
   * Such a row is not an attempt: it is kept (nothing is deleted) but never read as one.
   */
  notAnswered: z.literal(true).optional(),
  /** Review answers from v9 on: the card's FSRS state before this answer (2 = Review). */
  cardState: z.number().int().min(0).max(3).optional(),
  /** From v9 on: what the learner answered (for the question's history in My questions). */
  response: StoredResponse.optional(),
});
export type Attempt = z.infer<typeof Attempt>;

/**
 * A question the learner owns: generated, imported, or an edited copy of a bank question (same id
 * as the bank item, which it then replaces). Deletion is a flag so it can be undone; a deleted
 * bank question stays hidden.
 */
export const QuestionRow = z.object({
  id: z.string().min(1),
  question: Question,
  deleted: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Result of the optional blind check when it was generated; null otherwise. */
  blindCheck: BlindCheck.nullable(),
});
export type QuestionRow = z.infer<typeof QuestionRow>;

/** A learner's report that a question is wrong or unclear. */
export const QuestionReport = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  at: z.iso.datetime(),
  reason: z.enum(['wrong-answer', 'unclear', 'out-of-scope', 'outdated', 'other']),
  comment: z.string().max(2000),
  resolved: z.boolean(),
});
export type QuestionReport = z.infer<typeof QuestionReport>;

/** FSRS memory state of one question (ts-fsrs Card, dates as ISO strings). */
export const ReviewCard = z.object({
  questionId: z.string().min(1),
  due: z.iso.datetime(),
  stability: z.number().nonnegative(),
  difficulty: z.number().nonnegative(),
  elapsedDays: z.number().nonnegative(),
  scheduledDays: z.number().nonnegative(),
  learningSteps: z.number().int().nonnegative(),
  reps: z.number().int().nonnegative(),
  lapses: z.number().int().nonnegative(),
  /** ts-fsrs State: 0 New, 1 Learning, 2 Review, 3 Relearning. */
  state: z.number().int().min(0).max(3),
  lastReview: z.iso.datetime().nullable(),
});
export type ReviewCard = z.infer<typeof ReviewCard>;

/** A quick-practice session in progress, saved on every change so it survives a reload. */
export const PracticeSessionRow = z.object({
  kind: z.literal('practice'),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  /** Time spent on the session so far, counted while it was on screen. */
  activeMs: z.number().nonnegative(),
  questionIds: z.array(z.string().min(1)).min(1).max(500),
  index: z.number().int().nonnegative(),
  response: StoredResponse,
  checked: z.boolean(),
  /** One result per checked question, in order. */
  results: z.array(z.boolean()),
});
export type PracticeSessionRow = z.infer<typeof PracticeSessionRow>;

/** What one review rating wrote (db/review.ts ReviewAnswer), kept so Undo works after a reload. */
const StoredReviewAnswer = z.object({
  questionId: z.string().min(1),
  attemptId: z.string().min(1),
  previous: ReviewCard.nullable(),
  card: ReviewCard,
});
const StoredQueueItem = z.object({
  questionId: z.string().min(1),
  kind: z.enum(['learning', 'review', 'new']),
  card: ReviewCard.nullable(),
});

/** A spaced-review session in progress: the queue left, the answer on screen, the ratings made. */
export const ReviewSessionRow = z.object({
  kind: z.literal('review'),
  startedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  activeMs: z.number().nonnegative(),
  queue: z.array(StoredQueueItem).max(10_000),
  response: StoredResponse,
  correct: z.boolean().nullable(),
  done: z
    .array(
      z.object({
        item: StoredQueueItem,
        response: StoredResponse,
        correct: z.boolean(),
        answer: StoredReviewAnswer,
        rating: z.number().int().min(1).max(4),
        requeued: z.boolean(),
      }),
    )
    .max(10_000),
});
export type ReviewSessionRow = z.infer<typeof ReviewSessionRow>;

/**
 * The playground chat's unsent text per conversation and which conversation was open (the same
 * shape as the chat's sessionStorage copy), so a draft survives quitting the app too.
 */
export const ChatDraftRow = z.object({
  kind: z.literal('chat-draft'),
  updatedAt: z.iso.datetime(),
  currentId: z.string().max(100).nullable(),
  drafts: z.record(z.string().max(100), z.string().max(200_000)),
});
export type ChatDraftRow = z.infer<typeof ChatDraftRow>;

/**
 * Generated case-study sets waiting for the learner's decision (accept anyway / reject flagged
 * questions, then save), kept so a reload or restart does not lose them.
 */
export const CaseDraftsRow = z.object({
  kind: z.literal('case-drafts'),
  savedAt: z.iso.datetime(),
  sets: z.array(
    z.object({
      set: CaseSetEvent,
      decisions: z.record(z.string(), z.enum(['undecided', 'accepted', 'rejected'])),
    }),
  ),
});
export type CaseDraftsRow = z.infer<typeof CaseDraftsRow>;

/** Work in progress, one row per kind (the key), saved as it changes. */
export const SessionRow = z.discriminatedUnion('kind', [
  PracticeSessionRow,
  ReviewSessionRow,
  ChatDraftRow,
  CaseDraftsRow,
]);
export type SessionRow = z.infer<typeof SessionRow>;
export type SessionKind = SessionRow['kind'];

/** The learner's study settings (one row, id 'study'). */
export const StudyPrefs = z.object({
  id: z.literal('study'),
  /** The booked exam day (local date, YYYY-MM-DD), or null. */
  examDate: z.iso.date().nullable(),
  newPerDay: z.number().int().min(0).max(500),
  maxReviewsPerDay: z.number().int().min(1).max(5000),
  /** FSRS requested retention. */
  targetRetention: z.number().min(0.8).max(0.97),
});
export type StudyPrefs = z.infer<typeof StudyPrefs>;

/** A mock exam, saved as it goes so a reload resumes it with the clock still running. */
export const ExamSession = z.object({
  id: z.string().min(1),
  startedAt: z.iso.datetime(),
  /** startedAt + the time limit. */
  deadline: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  questionIds: z.array(z.string().min(1)).min(1),
  responses: z.record(z.string(), StoredResponse),
  flagged: z.array(z.string()),
  /** Set on submit. `scaled` is an estimate on the 100-1000 scale, never an official score. */
  result: z
    .object({
      correct: z.number().int().nonnegative(),
      total: z.number().int().positive(),
      scaled: z.number().int().min(100).max(1000),
      passed: z.boolean(),
      byDomain: z.record(
        z.string(),
        z.object({
          correct: z.number().int().nonnegative(),
          total: z.number().int().nonnegative(),
        }),
      ),
    })
    .nullable(),
});
export type ExamSession = z.infer<typeof ExamSession>;

/** An image attached to a user turn of a playground chat, checked (format, size) when attached. */
export const ChatImage = z.object({
  /** The file name it was attached from (shown, exported; never a path). */
  name: z.string().max(255),
  format: z.enum(['png', 'jpeg', 'gif', 'webp']),
  /** Plain base64 of the file, as Converse takes it. */
  base64: z.string().min(1),
  /** Decoded size in bytes. */
  bytes: z.number().int().positive(),
});
export type ChatImage = z.infer<typeof ChatImage>;

/** What the learner sent in one turn of a playground chat. */
export const UserTurn = z.object({
  id: z.string().min(1),
  role: z.literal('user'),
  at: z.iso.datetime(),
  text: z.string(),
  images: z.array(ChatImage).max(20),
});
export type UserTurn = z.infer<typeof UserTurn>;

/**
 * A model's answer in a playground chat. `status` says how the stream ended: `stopped` when the
 * learner pressed Stop, `failed` on an error; the text that arrived before either is kept.
 */
export const AssistantTurn = z.object({
  id: z.string().min(1),
  role: z.literal('assistant'),
  at: z.iso.datetime(),
  modelId: z.string().min(1),
  text: z.string(),
  status: z.enum(['complete', 'stopped', 'failed']),
  /** Converse's stopReason (end_turn, max_tokens, stop_sequence, guardrail_intervened, ...). */
  stopReason: z.string().nullable(),
  error: z
    .object({ code: z.string(), message: z.string(), remedy: z.string().optional() })
    .nullable(),
  usage: z
    .object({
      inputTokens: z.number().int().nonnegative(),
      outputTokens: z.number().int().nonnegative(),
      totalTokens: z.number().int().nonnegative(),
    })
    .nullable(),
  latencyMs: z.number().nonnegative().nullable(),
  firstTokenMs: z.number().nonnegative().nullable(),
  costUsd: z.number().nonnegative().nullable(),
  /** The guardrail trace summary, when the run had a guardrail with trace on. */
  guardrailTrace: GuardrailTraceSummary.nullable(),
});
export type AssistantTurn = z.infer<typeof AssistantTurn>;

export const ChatTurn = z.discriminatedUnion('role', [UserTurn, AssistantTurn]);
export type ChatTurn = z.infer<typeof ChatTurn>;

/** The settings a playground chat runs with (kept per conversation). */
export const ChatSettings = z.object({
  modelId: z.string().min(1),
  system: z.string().max(100_000),
  temperature: z.number().min(0).max(1),
  /** Null: not sent (some models refuse temperature and top-p together). */
  topP: z.number().min(0).max(1).nullable(),
  maxTokens: z.number().int().min(1).max(200_000),
  stopSequences: z.array(z.string().min(1).max(100)).max(4),
  /** Optional Amazon Bedrock guardrail applied to every run. */
  guardrail: z
    .object({ id: z.string().min(1), version: z.string().min(1), trace: z.boolean() })
    .nullable(),
});
export type ChatSettings = z.infer<typeof ChatSettings>;

/** A playground chat, saved after every turn so it survives a reload. */
export const Conversation = z.object({
  id: z.string().min(1),
  title: z.string().min(1).max(200),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  settings: ChatSettings,
  turns: z.array(ChatTurn),
});
export type Conversation = z.infer<typeof Conversation>;

/**
 * A generated question waiting for the learner's review (accept, edit or discard), kept so that a
 * reload or restart does not lose what Bedrock was paid to write. Accepting moves it to
 * `questions`; it is never exported (an unreviewed draft).
 */
export const PendingQuestionRow = z
  .object({
    /** The question's id (the primary key). */
    id: z.string().min(1),
    question: Question,
    /** Result of the optional blind check; null when not asked for, not possible, or edited. */
    blindCheck: BlindCheck.nullable(),
    /** Why the blind check could not be done, when it was asked for and failed. */
    blindCheckProblem: z.string().nullable(),
    /** True once the learner changed it in the editor. */
    edited: z.boolean(),
    addedAt: z.iso.datetime(),
    /** The item's place in the review list: rising in the order items arrive, kept on Undo. */
    position: z.number(),
  })
  .refine((row) => row.id === row.question.id, {
    message: 'the row id differs from the question id',
    path: ['id'],
  });
export type PendingQuestionRow = z.infer<typeof PendingQuestionRow>;

/**
 * A case-study scenario the learner owns (generated or imported); its questions are ordinary
 * question rows whose `caseId` names it. Deletion is a flag so it can be undone.
 */
export const CaseRow = z.object({
  // The same id, title and scenario rules as a bank case (shared/questions).
  id: CaseStudy.shape.id,
  title: CaseStudy.shape.title,
  scenario: CaseStudy.shape.scenario,
  deleted: z.boolean(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CaseRow = z.infer<typeof CaseRow>;

/** How the knowledge bases lab cut the notes into chunks: lib/rag's ChunkingConfig (Bedrock's names). */
export const RagChunking = z.discriminatedUnion('strategy', [
  z.object({
    strategy: z.literal('FIXED_SIZE'),
    maxTokens: z.number().int().positive(),
    overlapPercentage: z.number().int().min(1).max(99),
  }),
  z.object({
    strategy: z.literal('HIERARCHICAL'),
    levelConfigurations: z.tuple([
      z.object({ maxTokens: z.number().int().positive() }),
      z.object({ maxTokens: z.number().int().positive() }),
    ]),
    overlapTokens: z.number().int().nonnegative(),
  }),
  z.object({ strategy: z.literal('SEMANTIC'), maxTokens: z.number().int().positive() }),
  z.object({ strategy: z.literal('NONE') }),
]);
export type RagChunking = z.infer<typeof RagChunking>;

/**
 * One vector index of the knowledge bases lab: which notes (by content hash), cut how, embedded by
 * which model. Its vectors live in `ragVectors`; an index whose notes changed is stale.
 */
export const RagIndex = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  modelId: z.string().min(1),
  dimensions: z.number().int().positive(),
  chunking: RagChunking,
  /** Hash of the notes' text the chunks were cut from. */
  contentHash: z.string().min(1),
  chunkCount: z.number().int().nonnegative(),
  /** Estimated cost of the embedding calls so far (USD). */
  costUsd: z.number().nonnegative(),
  inputTokens: z.number().int().nonnegative(),
});
export type RagIndex = z.infer<typeof RagIndex>;

/** One chunk's vector in an index (unit length when the model normalised it). */
export const RagVector = z.object({
  indexId: z.string().min(1),
  chunkId: z.string().min(1),
  vector: z.instanceof(Float32Array),
});
export type RagVector = z.infer<typeof RagVector>;

/** The task a run's dataset poses (it decides which metrics apply). */
export const EvalTask = z.enum(['qa', 'summarisation', 'classification', 'open']);
export type EvalTask = z.infer<typeof EvalTask>;

/** One item of a run: a prompt dataset line, or a perturbed copy of one (robustness). */
export const EvalRunItem = z.object({
  id: z.string().min(1),
  prompt: z.string().min(1),
  referenceResponse: z.string().optional(),
  category: z.string().optional(),
  /** A perturbed copy: the item it copies and how it was perturbed. */
  perturbation: z
    .object({
      of: z.string().min(1),
      kind: z.enum(['typos', 'casing', 'whitespace', 'word-order']),
    })
    .optional(),
});
export type EvalRunItem = z.infer<typeof EvalRunItem>;

/** One candidate's response to one item, as main reported it (cost as main estimated it). */
export const EvalResponse = z.object({
  itemId: z.string().min(1),
  candidateId: z.string().min(1),
  text: z.string(),
  stopReason: z.string(),
  truncated: z.boolean(),
  empty: z.boolean(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative().nullable(),
  at: z.iso.datetime(),
});
export type EvalResponse = z.infer<typeof EvalResponse>;

/** One run of the evaluation lab: a dataset, the candidates (models, temperatures or templates) and every response. */
export const EvalRunRow = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  name: z.string().min(1),
  dataset: z.object({
    id: z.string().min(1),
    title: z.string().min(1),
    task: EvalTask,
    /** Classification: the labels a response is read against, in order. */
    labels: z.array(z.string()).optional(),
  }),
  items: z.array(EvalRunItem).min(1),
  candidates: z
    .array(
      z.object({
        id: z.string().min(1),
        label: z.string().min(1),
        modelId: z.string().min(1),
        temperature: z.number().min(0).max(1),
        maxTokens: z.number().int().positive(),
        template: z.string(),
        system: z.string().optional(),
      }),
    )
    .min(1)
    .max(3),
  concurrency: z.number().int().min(1),
  /** Robustness: the seed and kinds the perturbed copies were drawn with (null: none). */
  robustness: z.object({ seed: z.number().int(), kinds: z.array(z.string()).min(1) }).nullable(),
  responses: z.array(EvalResponse),
  status: z.enum(['running', 'complete', 'stopped', 'failed']),
  error: z
    .object({ code: z.string(), message: z.string(), remedy: z.string().optional() })
    .nullable(),
  /** The estimate shown before the run started (null: a model without a list price). */
  estimatedCostUsd: z.number().nonnegative().nullable(),
});
export type EvalRunRow = z.infer<typeof EvalRunRow>;

/**
 * A learner's own rating in the evaluation lab, per run item: a 1-5 score of one candidate's
 * response, or a blind A/B preference between two candidates (`shownAsA` records which one was
 * shown first, so position effects in the learner's own choices can be read later). The id is
 * derived from what was rated, so rating the same thing again replaces the earlier rating.
 */
export const EvalRatingRow = z.discriminatedUnion('kind', [
  z.object({
    id: z.string().min(1),
    runId: z.string().min(1),
    itemId: z.string().min(1),
    at: z.iso.datetime(),
    kind: z.literal('rating'),
    candidateId: z.string().min(1),
    score: z.int().min(1).max(5),
  }),
  z.object({
    id: z.string().min(1),
    runId: z.string().min(1),
    itemId: z.string().min(1),
    at: z.iso.datetime(),
    kind: z.literal('preference'),
    /** The two candidates compared, in the run's order. */
    pair: z.tuple([z.string().min(1), z.string().min(1)]),
    shownAsA: z.string().min(1),
    /** A candidate id, or 'tie'. */
    preferred: z.string().min(1),
  }),
]);
export type EvalRatingRow = z.infer<typeof EvalRatingRow>;

/**
 * A customization dataset the learner is building: its lines exactly as typed, built or imported
 * (JSON Lines text, problems included, so a half-fixed file can be saved and fixed later), the
 * model and method it is checked for, and a summary for the list (from the last check).
 */
export const CustomDatasetRow = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  /** A model id of shared/customization/models.ts (checked against the table when opened). */
  model: z.string().min(1),
  method: z.enum(['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION']),
  /** The lines, joined with "\n" (no final newline). */
  jsonl: z.string(),
  lines: z.number().int().nonnegative(),
  validRecords: z.number().int().nonnegative(),
  /** Estimated tokens of the valid records (characters / 6). */
  estimatedTokens: z.number().int().nonnegative(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type CustomDatasetRow = z.infer<typeof CustomDatasetRow>;

/** One judged result of a judge run: a response's scores (single) or one order's verdict. */
export const EvalJudgement = z.union([
  JudgeResponsesEvent.options[1],
  JudgeResponsesEvent.options[2],
]);
export type EvalJudgement = z.infer<typeof EvalJudgement>;

/**
 * One model-as-judge run of the evaluation lab over a saved run (v12): what the judge was asked
 * (model, mode, metrics with the rubrics sent, the pair compared) so a stopped run can be resumed
 * the same way, and every judged result with its reasoning, saved as each one arrives. `total` is
 * the number of results the run asked for (responses in single mode, two verdicts per item in
 * pairwise mode). Rows are read with this schema and a damaged row is skipped.
 */
export const EvalJudgementRow = z.object({
  id: z.string().min(1),
  runId: z.string().min(1),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  judgeModelId: z.string().min(1),
  mode: z.enum(['single', 'pairwise']),
  metrics: z
    .array(z.object({ metric: JudgeMetric, rubric: z.string().min(1).max(MAX_RUBRIC_CHARS) }))
    .min(1),
  pair: z.tuple([z.string().min(1), z.string().min(1)]).nullable(),
  total: z.number().int().nonnegative(),
  judgements: z.array(EvalJudgement),
  /** 'running' in a stored row means the window closed mid-run: read as stopped. */
  status: z.enum(['running', 'complete', 'stopped', 'failed']),
  error: AppError.nullable(),
});
export type EvalJudgementRow = z.infer<typeof EvalJudgementRow>;

/**
 * A denoising network the learner trained in the diffusion lab (v12): its weights (float16,
 * little-endian, base64, as in content/diffusion/shapes-denoiser.json), its architecture, and how
 * it was trained (on the lab's shapes dataset, seeded).
 */
export const DiffusionModelRow = z.object({
  id: z.string().min(1),
  name: z.string().trim().min(1).max(200),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  architecture: NetArchitecture,
  parameters: z.number().int().positive(),
  weights: z.string().min(1),
  training: z.object({
    start: z.enum(['fresh', 'shipped']),
    seed: z.number().int(),
    steps: z.number().int().nonnegative(),
    batch: z.number().int().positive(),
    /** Mean loss per window of `lossWindow` steps. */
    lossCurve: z.array(z.number().nonnegative()),
    lossWindow: z.number().int().positive(),
    ms: z.number().nonnegative(),
    cancelled: z.boolean(),
  }),
  dataset: z.object({ seed: z.number().int(), count: z.number().int().positive() }),
});
export type DiffusionModelRow = z.infer<typeof DiffusionModelRow>;
