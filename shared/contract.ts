/**
 * The one contract between the renderer and the privileged side. Every request the renderer may
 * make and every stream it may open is listed here with zod schemas for what goes in and what
 * comes out. The Electron IPC binding, the preload and browser mode are all generated from it.
 */
import { z } from 'zod';
import { AppError, resultSchema } from './result';
import { REQUEST_NAMES, STREAM_NAMES } from './channels';
import { ConnectionCheck, ModelId, SettingsPatch, SettingsState } from './settings';
import {
  base64DecodedLength,
  base64LengthFor,
  isStrictBase64,
  sniffBase64Image,
  type ImageFormat,
} from './image-bytes';
import { imageRequestProblems, STABILITY_ASPECT_RATIOS, STABILITY_MAX_SEED } from './image-models';
import {
  CONVERSE_IMAGE_FORMATS,
  MAX_CONVERSE_IMAGES,
  MAX_CONVERSE_IMAGE_SIDE,
  withinConverseSideLimit,
} from './converse-images';
import { GuardrailSettings, GuardrailTraceSummary } from './guardrails';
import { InvocationRecord } from './invocations';
import { findModel } from './models';
import { GenerateQuestionsInput, GenerationEvent } from './question-generation';
import {
  EmbedTextsEvent,
  EmbedTextsInput,
  RerankInput,
  RerankOutput,
  RetrieveAndGenerateInput,
  RetrieveAndGenerateOutput,
  RetrieveInput,
  RetrieveOutput,
} from './knowledge-bases';
import { JudgeResponsesEvent, JudgeResponsesInput } from './eval-judge-contract';
import {
  EvaluationJobDetail,
  GetEvaluationJobInput,
  ListEvaluationJobsOutput,
  StartEvaluationJobInput,
  StartEvaluationJobOutput,
  StopEvaluationJobOutput,
} from './eval-jobs';
import {
  ApplyGuardrailInput,
  ApplyGuardrailOutput,
  CreateGuardrailInput,
  CreateGuardrailVersionInput,
  DeleteGuardrailInput,
  DeleteGuardrailOutput,
  GetGuardrailInput,
  GuardrailDetail,
  GuardrailWriteOutput,
  ListGuardrailsInput,
  ListGuardrailsOutput,
  UpdateGuardrailInput,
} from './guardrails-contract';
import {
  ImportedLogprobsOutput,
  InvokeImportedInput,
  ListImportedModelsOutput,
} from './imported-models-contract';
import { RunEvaluationEvent, RunEvaluationInput } from './eval-contract';
import {
  CustomizationJobDetail,
  CustomizationJobInput,
  JobMetrics,
  ListCustomizationJobsInput,
  ListCustomizationJobsOutput,
  ReadJobMetricsInput,
  StartCustomizationJobInput,
  StartCustomizationJobOutput,
  StopCustomizationJobOutput,
  UploadDatasetFileInput,
  UploadDatasetFileOutput,
} from './customization-jobs-contract';

import {
  ConfirmAgentToolCallInput,
  ConfirmAgentToolCallOutput,
  AgentEvent,
  InvokeAgentEvent,
  InvokeAgentInput,
  RunAgentInput,
} from './agent-contract';

export { channel, REQUEST_NAMES, STREAM_NAMES, type StratumBridge } from './channels';

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  mode: z.enum(['electron', 'browser']),
  platform: z.string(),
  /** True when a custom Bedrock endpoint comes from AWS_ENDPOINT_URL_* (tests, proxies). */
  endpointFromEnvironment: z.boolean(),
});
export type AppInfo = z.infer<typeof AppInfo>;

export const ProfileKind = z.enum([
  'sso',
  'static',
  'assume-role',
  'process',
  'web-identity',
  'other',
]);
export const AwsProfile = z.object({
  name: z.string(),
  kind: ProfileKind,
  region: z.string().nullable(),
  /** Which shared files define it. */
  sources: z.array(z.enum(['config', 'credentials'])).min(1),
});
export type AwsProfile = z.infer<typeof AwsProfile>;
export const ProfileList = z.object({
  profiles: z.array(AwsProfile),
  configFile: z.string(),
  credentialsFile: z.string(),
  /** Profile named by AWS_PROFILE in the app's environment, if any. */
  environmentProfile: z.string().nullable(),
});
export type ProfileList = z.infer<typeof ProfileList>;

export const Availability = z.object({
  region: z.string(),
  checkedAt: z.iso.datetime(),
  models: z.array(
    z.object({
      modelId: z.string(),
      name: z.string(),
      provider: z.string(),
      status: z.string(),
      inferenceTypes: z.array(z.string()),
      streaming: z.boolean().nullable(),
    }),
  ),
  inferenceProfiles: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      status: z.string(),
      modelIds: z.array(z.string()),
    }),
  ),
});
export type Availability = z.infer<typeof Availability>;

/**
 * Stratum's own cap on each input image of an image variation, decoded. It is not an AWS limit
 * (the service checks the images itself); it only bounds what one request can carry (browser
 * mode's HTTP bridge takes at most 80 MiB per request body, enough for five such images).
 */
export const MAX_VARIATION_IMAGE_BYTES = 10 * 1024 * 1024;
/** Converse's documented limit for one image block: 3.75 MB (taken as 3,750,000 bytes). */
export const MAX_CONVERSE_IMAGE_BYTES = 3_750_000;

/**
 * A base64 image the renderer sends: strict standard base64 (no `data:` prefix), at most
 * `maxBytes` once decoded, and one of `formats` by its magic bytes.
 */
function base64Image(formats: readonly ImageFormat[], maxBytes: number) {
  const names = formats.map((f) => f.toUpperCase()).join(' or ');
  return z
    .string()
    .min(1)
    .max(
      base64LengthFor(maxBytes),
      `An image may be at most ${maxBytes.toLocaleString('en-US')} bytes.`,
    )
    .refine(isStrictBase64, 'An image must be plain base64 (no data: prefix, no line breaks).')
    .refine((b64) => base64DecodedLength(b64) <= maxBytes, {
      message: `An image may be at most ${maxBytes.toLocaleString('en-US')} bytes.`,
    })
    .refine((b64) => {
      const format = sniffBase64Image(b64);
      return format !== undefined && formats.includes(format);
    }, `An image must be a ${names} file.`);
}

const TextBlock = z.object({ text: z.string().min(1).max(200_000) }).strict();

/**
 * An image attached to a user message, sent to Converse as an image block: strict base64 of a
 * PNG, JPEG, GIF or WebP file whose bytes match `format`, at most 3.75 MB and 8000 px a side
 * (the Converse limits).
 */
export const ImageBlock = z
  .object({
    image: z
      .object({
        format: z.enum(CONVERSE_IMAGE_FORMATS),
        base64: base64Image(CONVERSE_IMAGE_FORMATS, MAX_CONVERSE_IMAGE_BYTES),
      })
      .strict()
      .refine((image) => sniffBase64Image(image.base64) === image.format, {
        path: ['format'],
        message: 'The format does not match the image bytes.',
      })
      .refine((image) => withinConverseSideLimit(image.base64), {
        path: ['base64'],
        message: `An image may be at most ${MAX_CONVERSE_IMAGE_SIDE.toLocaleString('en-US')} pixels wide and high (a Converse limit): resize it and attach it again.`,
      }),
  })
  .strict();
export type ImageBlock = z.infer<typeof ImageBlock>;

export const ContentBlock = z.union([TextBlock, ImageBlock]);
export type ContentBlock = z.infer<typeof ContentBlock>;

export const ChatMessage = z.object({
  role: z.enum(['user', 'assistant']),
  content: z.array(ContentBlock).min(1).max(20),
});
export type ChatMessage = z.infer<typeof ChatMessage>;

function imageCount(messages: readonly ChatMessage[]): number {
  return messages.reduce((n, m) => n + m.content.filter((b) => 'image' in b).length, 0);
}

export const InferenceConfig = z
  .object({
    maxTokens: z.number().int().min(1).max(200_000),
    temperature: z.number().min(0).max(1),
    topP: z.number().min(0).max(1),
    stopSequences: z.array(z.string().min(1).max(100)).max(4),
  })
  .partial()
  .strict();

/** Which playground view started a Converse stream; the invocation log records it. */
export const ConverseFeature = z.enum(['chat', 'compare', 'knowledge-bases']);
export type ConverseFeature = z.infer<typeof ConverseFeature>;

/**
 * Chat, compare and the invocation log. `feature` says who is calling (left out: 'chat').
 * Images go in user messages only, at most MAX_CONVERSE_IMAGES in the whole request, and only to
 * models whose catalog entry has vision (models the catalog does not know are left to the
 * service). `guardrail` applies a Bedrock guardrail to the run.
 */
export const ConverseInput = z
  .object({
    modelId: ModelId,
    feature: ConverseFeature.optional(),
    system: z.string().max(100_000).optional(),
    messages: z
      .array(ChatMessage)
      .min(1)
      .max(200)
      .refine((m) => m[0]?.role === 'user', 'A conversation starts with a user message.')
      .refine(
        (m) => m.every((x, i) => i === 0 || x.role !== m[i - 1]?.role),
        'User and assistant messages must alternate.',
      )
      .refine(
        (m) => m.every((x) => x.role === 'user' || x.content.every((b) => !('image' in b))),
        'Images can only be attached to your own (user) messages.',
      )
      .refine(
        (m) => imageCount(m) <= MAX_CONVERSE_IMAGES,
        `A conversation may carry at most ${MAX_CONVERSE_IMAGES} images (a Converse limit): remove some, or start a new conversation.`,
      ),
    inferenceConfig: InferenceConfig.optional(),
    guardrail: GuardrailSettings.optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    const model = findModel(input.modelId);
    if (model && !model.features.vision && imageCount(input.messages) > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['messages'],
        message: `${model.name} does not accept images. Pick a model with vision (such as Amazon Nova Lite or Claude Haiku 4.5), or remove the images.`,
      });
    }
  });
export type ConverseInput = z.infer<typeof ConverseInput>;

export const Usage = z.object({
  inputTokens: z.number().int().nonnegative(),
  outputTokens: z.number().int().nonnegative(),
  totalTokens: z.number().int().nonnegative(),
});

/** What a ConverseStream tells the renderer, in order: start, deltas, stop, metadata. */
export const ConverseStreamEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), modelId: z.string(), region: z.string() }),
  z.object({ type: z.literal('delta'), text: z.string() }),
  /** `stopReason` as Bedrock sent it: end_turn, max_tokens, stop_sequence, guardrail_intervened… */
  z.object({ type: z.literal('stop'), stopReason: z.string() }),
  z.object({
    type: z.literal('metadata'),
    usage: Usage.nullable(),
    /** Server-side latency as Bedrock reports it. */
    latencyMs: z.number().nonnegative().nullable(),
    /** Measured in the main process: request sent to first text delta. */
    firstTokenMs: z.number().nonnegative().nullable(),
    /** The guardrail's trace, summarised, when the run had a guardrail with trace on. */
    guardrailTrace: GuardrailTraceSummary.nullable().default(null),
    /** Estimated from the catalog's token prices (as logged); null when unknown. */
    costUsd: z.number().nonnegative().nullable().default(null),
  }),
]);
export type ConverseStreamEvent = z.infer<typeof ConverseStreamEvent>;

/**
 * The token lab's live experiment: ask a model for the one next word of a prompt, n times, and
 * stream each reply back. Temperature and top-p are sent as Converse inference parameters.
 */
export const SampleNextWordInput = z
  .object({
    modelId: ModelId,
    prompt: z.string().trim().min(1).max(2000),
    n: z.number().int().min(1).max(500),
    temperature: z.number().min(0).max(1),
    topP: z.number().min(0.05).max(1),
    /** Calls in flight at once. */
    concurrency: z.number().int().min(1).max(8),
    /** Output tokens per call: a word can take a few tokens. */
    maxTokens: z.number().int().min(1).max(20),
  })
  .strict();
export type SampleNextWordInput = z.infer<typeof SampleNextWordInput>;

export const SampleNextWordEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('sample'),
    index: z.number().int().nonnegative(),
    reply: z.string(),
    stopReason: z.string(),
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
    latencyMs: z.number().nonnegative(),
  }),
]);
export type SampleNextWordEvent = z.infer<typeof SampleNextWordEvent>;

/**
 * The diffusion lab's live experiment through InvokeModel: Nova Canvas or Titan Image Generator
 * v2 (text-to-image or image variation, with a width, height, quality and cfgScale), or a
 * Stability AI model (text-to-image with an aspect ratio, one image). The per-model rules (sizes,
 * aspect ratios, seed range, prompt length, which fields belong to which model) are checked here,
 * so a request the model would refuse never costs a call.
 */
export const GenerateImagesInput = z
  .object({
    modelId: ModelId,
    task: z.enum(['TEXT_IMAGE', 'IMAGE_VARIATION']),
    /** Required for TEXT_IMAGE; optional guidance for IMAGE_VARIATION (AWS: text is optional). */
    prompt: z.string().trim().min(1).max(10_000).optional(),
    negativePrompt: z.string().trim().min(1).max(10_000).optional(),
    /** Nova Canvas and Titan only (required there). */
    width: z.number().int().min(1).max(4096).optional(),
    height: z.number().int().min(1).max(4096).optional(),
    quality: z.enum(['standard', 'premium']).optional(),
    cfgScale: z.number().min(1.1).max(10).optional(),
    /** Stability AI only; left out, the model makes a square (1:1) image. */
    aspectRatio: z.enum(STABILITY_ASPECT_RATIOS).optional(),
    /** Nova Canvas 0..858,993,459, Titan v2 0..2,147,483,646, Stability 0..4,294,967,294. */
    seed: z.number().int().min(0).max(STABILITY_MAX_SEED),
    count: z.number().int().min(1).max(5),
    /** IMAGE_VARIATION only: 1-5 PNG or JPEG images, base64. */
    images: z
      .array(base64Image(['png', 'jpeg'], MAX_VARIATION_IMAGE_BYTES))
      .min(1)
      .max(5)
      .optional(),
    /** IMAGE_VARIATION only: how close to the inputs; left out, the service picks its default. */
    similarityStrength: z.number().min(0.2).max(1).optional(),
  })
  .strict()
  .superRefine((input, ctx) => {
    for (const problem of imageRequestProblems(input)) {
      ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
    }
  });
export type GenerateImagesInput = z.infer<typeof GenerateImagesInput>;

export const GeneratedImage = z.object({
  /** The image file as the model returned it, base64 (PNG, or JPEG when `format` says so). */
  pngBase64: z.string().min(1),
  format: z.enum(['png', 'jpeg']),
  /** Read from the file's own header, not assumed from the request. */
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type GeneratedImage = z.infer<typeof GeneratedImage>;

export const GenerateImagesOutput = z.object({
  images: z.array(GeneratedImage).min(1).max(5),
  modelId: z.string(),
  seed: z.number().int().nonnegative(),
  /** Measured in the main process: request sent to response parsed. */
  latencyMs: z.number().nonnegative(),
  /** Estimated from the catalog's per-image prices; null when unknown. */
  costUsd: z.number().nonnegative().nullable(),
});
export type GenerateImagesOutput = z.infer<typeof GenerateImagesOutput>;

/** Image-to-text ("How many apples are in this picture?") through Converse with an image block. */
export const DescribeImageInput = z
  .object({
    modelId: ModelId,
    imageBase64: base64Image(['png', 'jpeg', 'gif', 'webp'], MAX_CONVERSE_IMAGE_BYTES),
    format: z.enum(['png', 'jpeg', 'gif', 'webp']),
    question: z.string().trim().min(1).max(2000),
    maxTokens: z.number().int().min(1).max(1000),
  })
  .strict()
  .refine((input) => sniffBase64Image(input.imageBase64) === input.format, {
    path: ['format'],
    message: 'The format does not match the image bytes.',
  });
export type DescribeImageInput = z.infer<typeof DescribeImageInput>;

export const DescribeImageOutput = z.object({
  text: z.string(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
  /** Estimated from the catalog's token prices; null when unknown. */
  costUsd: z.number().nonnegative().nullable(),
});
export type DescribeImageOutput = z.infer<typeof DescribeImageOutput>;

/** Which records to read from the invocation log. Left out: all of them (up to the cap). */
export const ListInvocationsInput = z
  .object({
    /** Only records sent at or after this time. */
    since: z.iso.datetime().optional(),
    /** At most this many (the newest). */
    limit: z.number().int().min(1).max(100_000).optional(),
  })
  .strict()
  .optional();
export type ListInvocationsInput = z.infer<typeof ListInvocationsInput>;

export const InvocationList = z.object({
  /** Newest first. */
  records: z.array(InvocationRecord),
  /** Lines of the log file that could not be read (damaged or from an unknown version). */
  skippedLines: z.number().int().nonnegative(),
  /** Where the log lives on disk (shown so a learner can find or delete it). */
  path: z.string(),
});
export type InvocationList = z.infer<typeof InvocationList>;

/**
 * Clearing the log keeps the cleared records aside until the next clear, so it can be undone:
 * pass `undoToken` to `restoreInvocations`. Calls made after the clear are kept on restore.
 */
export const ClearInvocationsOutput = z.object({
  removed: z.number().int().nonnegative(),
  /** null when there was nothing to clear. */
  undoToken: z.string().nullable(),
});
export type ClearInvocationsOutput = z.infer<typeof ClearInvocationsOutput>;

export const RestoreInvocationsInput = z.object({ undoToken: z.string().min(1).max(200) }).strict();
export const RestoreInvocationsOutput = z.object({
  restored: z.number().int().nonnegative(),
});
export type RestoreInvocationsOutput = z.infer<typeof RestoreInvocationsOutput>;

export const CancelConnectionTestOutput = z.object({
  /** False when no test was running (it had already finished). */
  cancelled: z.boolean(),
});
export type CancelConnectionTestOutput = z.infer<typeof CancelConnectionTestOutput>;

type Spec = { input: z.ZodType; output: z.ZodType };

export const requests = {
  getAppInfo: { input: z.undefined(), output: AppInfo },
  getSettings: { input: z.undefined(), output: SettingsState },
  updateSettings: { input: SettingsPatch, output: SettingsState },
  listProfiles: { input: z.undefined(), output: ProfileList },
  testConnection: {
    input: z.object({ modelId: ModelId.optional() }).strict(),
    output: ConnectionCheck,
  },
  /**
   * Stops the Test connection that is running, if any: its `testConnection` request then fails
   * with code 'cancelled', and the last connection result is left as it was.
   */
  cancelConnectionTest: { input: z.undefined(), output: CancelConnectionTestOutput },
  getAvailability: { input: z.undefined(), output: Availability },
  generateImages: { input: GenerateImagesInput, output: GenerateImagesOutput },
  describeImage: { input: DescribeImageInput, output: DescribeImageOutput },
  listInvocations: { input: ListInvocationsInput, output: InvocationList },
  clearInvocations: { input: z.undefined(), output: ClearInvocationsOutput },
  restoreInvocations: { input: RestoreInvocationsInput, output: RestoreInvocationsOutput },
  /** The knowledge bases lab: rerank chunks with Bedrock's Rerank API (bedrock-agent-runtime). */
  rerank: { input: RerankInput, output: RerankOutput },
  /** Retrieve from a real Bedrock knowledge base. */
  kbRetrieve: { input: RetrieveInput, output: RetrieveOutput },
  /** RetrieveAndGenerate on a real Bedrock knowledge base: an answer with citations. */
  kbRetrieveAndGenerate: { input: RetrieveAndGenerateInput, output: RetrieveAndGenerateOutput },
  /** The agent lab: run or decline a tool call waiting in confirm mode. */
  confirmAgentToolCall: { input: ConfirmAgentToolCallInput, output: ConfirmAgentToolCallOutput },
  /** The evaluation lab: Bedrock model evaluation jobs (CreateEvaluationJob and friends). */
  startEvaluationJob: { input: StartEvaluationJobInput, output: StartEvaluationJobOutput },
  listEvaluationJobs: { input: z.undefined(), output: ListEvaluationJobsOutput },
  getEvaluationJob: { input: GetEvaluationJobInput, output: EvaluationJobDetail },
  stopEvaluationJob: { input: GetEvaluationJobInput, output: StopEvaluationJobOutput },
  /** The customization lab's real job: S3 upload, model customization jobs, loss metrics. */
  uploadCustomizationFile: { input: UploadDatasetFileInput, output: UploadDatasetFileOutput },
  startCustomizationJob: {
    input: StartCustomizationJobInput,
    output: StartCustomizationJobOutput,
  },
  listCustomizationJobs: {
    input: ListCustomizationJobsInput,
    output: ListCustomizationJobsOutput,
  },
  getCustomizationJob: { input: CustomizationJobInput, output: CustomizationJobDetail },
  stopCustomizationJob: { input: CustomizationJobInput, output: StopCustomizationJobOutput },
  readCustomizationMetrics: { input: ReadJobMetricsInput, output: JobMetrics },
  /** The guardrails lab (shared/guardrails-contract.ts): the control plane and ApplyGuardrail. */
  listGuardrails: { input: ListGuardrailsInput, output: ListGuardrailsOutput },
  getGuardrail: { input: GetGuardrailInput, output: GuardrailDetail },
  createGuardrail: { input: CreateGuardrailInput, output: GuardrailWriteOutput },
  updateGuardrail: { input: UpdateGuardrailInput, output: GuardrailWriteOutput },
  createGuardrailVersion: { input: CreateGuardrailVersionInput, output: GuardrailWriteOutput },
  deleteGuardrail: { input: DeleteGuardrailInput, output: DeleteGuardrailOutput },
  applyGuardrail: { input: ApplyGuardrailInput, output: ApplyGuardrailOutput },
  /** The token lab: Custom Model Import models and their token log probabilities. */
  listImportedModels: { input: z.undefined(), output: ListImportedModelsOutput },
  invokeImportedLogprobs: { input: InvokeImportedInput, output: ImportedLogprobsOutput },
} as const satisfies Record<(typeof REQUEST_NAMES)[number], Spec>;

export const streams = {
  converseStream: { input: ConverseInput, event: ConverseStreamEvent },
  sampleNextWord: { input: SampleNextWordInput, event: SampleNextWordEvent },
  generateQuestions: { input: GenerateQuestionsInput, event: GenerationEvent },
  /** The knowledge bases lab: embed chunks or a question, one event per text. */
  embedTexts: { input: EmbedTextsInput, event: EmbedTextsEvent },
  /** The agent lab: Stratum's Converse tool-use loop, streamed as a timeline. */
  runAgent: { input: RunAgentInput, event: AgentEvent },
  /** The agent lab: a real Bedrock agent (InvokeAgent) with its trace. */
  invokeAgent: { input: InvokeAgentInput, event: InvokeAgentEvent },
  /** The evaluation lab: a judge model scores responses (forced tool, retried once on a break). */
  judgeResponses: { input: JudgeResponsesInput, event: JudgeResponsesEvent },
  /** The evaluation lab: one Converse call per item per candidate, one event per response. */
  runEvaluation: { input: RunEvaluationInput, event: RunEvaluationEvent },
} as const satisfies Record<(typeof STREAM_NAMES)[number], { input: z.ZodType; event: z.ZodType }>;

export type Requests = typeof requests;
export type RequestName = keyof Requests;
export type RequestInput<K extends RequestName> = z.input<Requests[K]['input']>;
export type RequestOutput<K extends RequestName> = z.output<Requests[K]['output']>;

export type Streams = typeof streams;
export type StreamName = keyof Streams;
export type StreamInput<K extends StreamName> = z.input<Streams[K]['input']>;
export type StreamEvent<K extends StreamName> = z.output<Streams[K]['event']>;

export const requestNames: readonly RequestName[] = REQUEST_NAMES;
export const streamNames: readonly StreamName[] = STREAM_NAMES;

export function isRequestName(name: string): name is RequestName {
  return Object.hasOwn(requests, name);
}
export function isStreamName(name: string): name is StreamName {
  return Object.hasOwn(streams, name);
}

/** Stream ids are chosen by the renderer (so it can listen before the first event arrives). */
export const StreamId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/**
 * Messages on the stream channel. `event` carries one typed event; `end` closes the stream, with
 * an error if it failed (text already delivered stays delivered: callers keep partial output).
 */
export const StreamMessage = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('event'), streamId: StreamId, event: z.unknown() }),
  z.object({ kind: z.literal('end'), streamId: StreamId, error: AppError.nullable() }),
]);
export type StreamMessage = z.infer<typeof StreamMessage>;

export const StartStreamResult = resultSchema(z.null());
