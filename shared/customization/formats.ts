/**
 * The record shapes Amazon Bedrock documents for its customization methods, as zod schemas, as
 * checked on 2026-12-04 against these Amazon Bedrock / Amazon Nova User Guide pages:
 *
 * - "Prepare data for fine-tuning your models" (bedrock/latest/userguide/model-customization-prepare,
 *   section "Prepare data for fine-tuning text-to-text models"):
 *   - non-conversational tasks: `{"prompt": "...", "completion": "..."}` (Titan Text G1 Express and
 *     Lite, Titan Text Premier, Cohere Command and Command Light, Meta Llama 3.1 8B/70B Instruct);
 *   - "Converse API format (Single turn and Multi turn)": `schemaVersion` "bedrock-conversation-2024",
 *     `system: [{text}]`, `messages: [{role, content: [{text}]}]` (Meta Llama 3.2 and 3.3);
 *   - "Anthropic Claude 3 Haiku: Single-turn / Multi-turn conversations": `{"system": "<text>",
 *     "messages": [{"role": "user", "content": "<text>"}, {"role": "assistant", ...}]}`, i.e. the
 *     system prompt and each turn's content are PLAIN STRINGS and there is no schemaVersion.
 * - "Prepare data for fine-tuning Understanding models" (nova/latest/userguide/
 *   fine-tune-prepare-data-understanding): Amazon Nova Micro/Lite/Pro take the Converse shape;
 *   "schemaVersion can be any string value"; system is optional; roles are user and assistant; the
 *   first turn is "user" and the last is "assistant"; `User:`, `Bot:`, `Assistant:`, `System:`,
 *   `<image>`, `<video>` and `[EOS]` are reserved and a prompt containing one fails the job.
 * - "Prepare datasets for continued pre-training": each line is `{"input": "<input text>"}`.
 * - "Option 1: Provide your own prompts for data preparation" (distillation-data-prep-option-1):
 *   a distillation record has `schemaVersion` (the page's text says the value is
 *   "bedrock-conversion-2024", its example says "bedrock-conversation-2024"; Stratum writes the
 *   example's spelling), an optional `system`, a user turn with the prompt and optionally an
 *   assistant turn with the desired response. "Anthropic and Meta Llama models support only
 *   single-turn conversation prompts"; Amazon Nova models take multi-turn records.
 */
import { z } from 'zod';

export const CONVERSATION_SCHEMA_VERSION = 'bedrock-conversation-2024';

export const CustomizationMethod = z.enum([
  'FINE_TUNING',
  'CONTINUED_PRE_TRAINING',
  'DISTILLATION',
]);
export type CustomizationMethod = z.infer<typeof CustomizationMethod>;

/** Which documented record shape a file holds. */
export const RecordShape = z.enum([
  'prompt-completion',
  'converse',
  'claude-messages',
  'input-only',
  'distillation-prompt',
]);
export type RecordShape = z.infer<typeof RecordShape>;

const NonEmpty = z.string().trim().min(1);

export const PromptCompletionRecord = z.object({ prompt: NonEmpty, completion: NonEmpty });
export type PromptCompletionRecord = z.infer<typeof PromptCompletionRecord>;

export const TextBlock = z.object({ text: NonEmpty });
const MediaBlock = z.object({ image: z.unknown() }).or(z.object({ video: z.unknown() }));
export const ContentBlock = TextBlock.or(MediaBlock);
export const Role = z.enum(['user', 'assistant']);
export type Role = z.infer<typeof Role>;

export const ConverseMessage = z.object({ role: Role, content: z.array(ContentBlock).min(1) });
export const ConverseRecord = z.object({
  schemaVersion: z.string().optional(),
  system: z.array(TextBlock).optional(),
  messages: z.array(ConverseMessage).min(1),
});
export type ConverseRecord = z.infer<typeof ConverseRecord>;

export const ClaudeMessagesRecord = z.object({
  system: NonEmpty.optional(),
  messages: z.array(z.object({ role: Role, content: NonEmpty })).min(2),
});
export type ClaudeMessagesRecord = z.infer<typeof ClaudeMessagesRecord>;

export const InputOnlyRecord = z.object({ input: NonEmpty });
export type InputOnlyRecord = z.infer<typeof InputOnlyRecord>;

/** A distillation prompt record: the Converse shape with schemaVersion required. */
export const DistillationRecord = ConverseRecord.extend({ schemaVersion: z.string() });
export type DistillationRecord = z.infer<typeof DistillationRecord>;

export type DatasetRecord =
  | PromptCompletionRecord
  | ConverseRecord
  | ClaudeMessagesRecord
  | InputOnlyRecord
  | DistillationRecord;

export const RECORD_SCHEMAS = {
  'prompt-completion': PromptCompletionRecord,
  converse: ConverseRecord,
  'claude-messages': ClaudeMessagesRecord,
  'input-only': InputOnlyRecord,
  'distillation-prompt': DistillationRecord,
} as const satisfies Record<RecordShape, z.ZodType>;

/** The keys each shape documents; any other key is reported as a warning (Bedrock ignores it or fails). */
export const KNOWN_KEYS: Record<RecordShape, readonly string[]> = {
  'prompt-completion': ['prompt', 'completion'],
  converse: ['schemaVersion', 'system', 'messages'],
  'claude-messages': ['system', 'messages'],
  'input-only': ['input'],
  'distillation-prompt': ['schemaVersion', 'system', 'messages'],
};

/** Amazon Nova's reserved keywords (Nova User Guide, item 12 of the data preparation list). */
export const NOVA_RESERVED_KEYWORDS = [
  'User:',
  'Bot:',
  'Assistant:',
  'System:',
  '<image>',
  '<video>',
  '[EOS]',
] as const;

/** A shape's one-line description, for pickers and messages. */
export const SHAPE_LABELS: Record<RecordShape, string> = {
  'prompt-completion': '{"prompt", "completion"} pairs',
  converse: 'Converse format (schemaVersion, system, messages with content blocks)',
  'claude-messages': 'Claude 3 Haiku format (system and message content as plain text)',
  'input-only': '{"input"} unlabelled text (continued pre-training)',
  'distillation-prompt': 'Distillation prompts (Converse format, assistant turn optional)',
};
