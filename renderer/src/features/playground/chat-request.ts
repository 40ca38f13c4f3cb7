/**
 * From a saved conversation to a ConverseStream request, and the model facts the chat needs.
 * Converse keeps no state between calls, so every turn sends the whole conversation again. Pure
 * (no DOM, no IndexedDB), so it is unit-tested.
 */
import type { ModelEntry } from '../../../../shared/catalog-schema';
import type { Availability, ChatMessage, StreamInput } from '../../../../shared/contract';
import {
  baseModelId,
  findModel,
  isCallableTextModel,
  modelDisplayName,
  modelOptions,
  type ModelOption,
} from '../../../../shared/models';
import { GuardrailIdentifier, GuardrailVersion } from '../../../../shared/guardrails';
import { formatCount } from '../../lib/format';
import type { ConverseRun } from '../../streams/converse-run';
import type { AssistantTurn, ChatSettings, Conversation } from '../../db/schema';

export type ConverseRequest = StreamInput<'converseStream'>;

/** The most output tokens the chat offers when the catalog gives no limit for a model. */
export const FALLBACK_MAX_OUTPUT = 4096;

/** The model's output limit from the catalog (capped by the contract's 200,000). */
export function maxOutputFor(modelId: string): number {
  const max = findModel(modelId)?.maxOutputTokens ?? FALLBACK_MAX_OUTPUT;
  return Math.min(max, 200_000);
}

/** The model's name as the learner reads it, or its id when the catalog does not know it. */
export function modelNameOf(modelId: string): string {
  const entry = findModel(modelId);
  return entry ? modelDisplayName(entry) : modelId;
}

/**
 * Settings with Max tokens within the model's limit, and the sentence that says so when it had to
 * be lowered (a model or preset change is never clamped silently); `note` is null otherwise.
 */
export function fitMaxTokens(settings: ChatSettings): {
  settings: ChatSettings;
  note: string | null;
} {
  const max = maxOutputFor(settings.modelId);
  if (settings.maxTokens <= max) return { settings, note: null };
  return {
    settings: { ...settings, maxTokens: max },
    note: `${modelNameOf(settings.modelId)} writes at most ${formatCount(max)} tokens; using ${formatCount(max)} instead of ${formatCount(settings.maxTokens)}.`,
  };
}

/** The first problem with a guardrail id or version, or null. */
export function guardrailProblem(guardrail: ChatSettings['guardrail']): string | null {
  if (!guardrail) return null;
  const id = GuardrailIdentifier.safeParse(guardrail.id);
  if (!id.success) return id.error.issues[0]?.message ?? 'The guardrail id is not valid.';
  const version = GuardrailVersion.safeParse(guardrail.version);
  if (!version.success) {
    return version.error.issues[0]?.message ?? 'The guardrail version is not valid.';
  }
  return null;
}

/** What a finished (or growing) stream is as a saved turn; usage and cost as main sent them. */
export function assistantTurnFrom(
  base: Pick<AssistantTurn, 'id' | 'at' | 'modelId'>,
  run: ConverseRun,
): AssistantTurn {
  const error = run.error;
  return {
    ...base,
    role: 'assistant',
    text: run.text,
    status: run.status === 'streaming' ? 'complete' : run.status,
    stopReason: run.stopReason,
    error: error
      ? {
          code: error.code,
          message: error.message,
          ...(error.remedy ? { remedy: error.remedy } : {}),
        }
      : null,
    usage: run.usage,
    latencyMs: run.latencyMs,
    firstTokenMs: run.firstTokenMs,
    costUsd: run.costUsd,
    guardrailTrace: run.guardrailTrace,
  };
}

/**
 * The request for the next answer: the conversation's turns as alternating messages, the system
 * prompt and inference settings, and the guardrail when one is set. Assistant turns that produced
 * no text (a failure before the first token) are left out, and the user turns around them are
 * joined, because Converse needs user and assistant messages to alternate.
 */
export function buildConverseInput(
  conversation: Conversation,
  feature: 'chat' | 'compare' = 'chat',
): ConverseRequest {
  const messages: ChatMessage[] = [];
  for (const turn of conversation.turns) {
    const content: ChatMessage['content'] =
      turn.role === 'user'
        ? [
            // Images first, then the question about them (the order the model providers advise).
            ...turn.images.map((i) => ({ image: { format: i.format, base64: i.base64 } })),
            ...(turn.text.trim() ? [{ text: turn.text }] : []),
          ]
        : turn.text.trim()
          ? [{ text: turn.text }]
          : [];
    if (content.length === 0) continue;
    const last = messages.at(-1);
    if (last?.role === turn.role) last.content = [...last.content, ...content];
    else messages.push({ role: turn.role, content });
  }
  const s = conversation.settings;
  const model = findModel(s.modelId);
  const system = s.system.trim() && model?.features.systemPrompt !== false ? s.system : undefined;
  return {
    modelId: s.modelId,
    feature,
    ...(system ? { system } : {}),
    messages,
    inferenceConfig: {
      maxTokens: s.maxTokens,
      temperature: s.temperature,
      ...(s.topP !== null ? { topP: s.topP } : {}),
      ...(s.stopSequences.length > 0 ? { stopSequences: s.stopSequences } : {}),
    },
    ...(s.guardrail
      ? {
          guardrail: {
            id: s.guardrail.id.trim(),
            version: s.guardrail.version.trim(),
            trace: s.guardrail.trace,
          },
        }
      : {}),
  };
}

/** A chat model in the picker: listed once, with the id to call in the region. */
export type ChatModel = ModelOption;

/** Text models that stream and still answer on Bedrock, with the id to call in `region`. */
export function chatModels(region: string): ChatModel[] {
  return modelOptions(region, (m) => isCallableTextModel(m) && m.features.streaming);
}

export type AvailabilityStatus = 'on-demand' | 'profile' | 'not-listed';

/**
 * What the region's availability check says about a model: offered on demand, offered through
 * an inference profile, or not listed in that region (whether the account may call it is only
 * known when a call succeeds).
 */
export function availabilityOf(model: ModelEntry, availability: Availability): AvailabilityStatus {
  const listed = availability.models.find((x) => x.modelId === model.id);
  if (listed?.inferenceTypes.includes('ON_DEMAND')) return 'on-demand';
  const inProfile = availability.inferenceProfiles.some((p) =>
    p.modelIds.some((id) => baseModelId(id) === model.id),
  );
  return inProfile || listed ? 'profile' : 'not-listed';
}

/** Default settings for a new chat with `modelId`. */
export function defaultChatSettings(modelId: string): ChatSettings {
  return {
    modelId,
    system: '',
    temperature: 0.7,
    topP: null,
    maxTokens: Math.min(1024, maxOutputFor(modelId)),
    stopSequences: [],
    guardrail: null,
  };
}
