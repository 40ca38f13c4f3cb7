/**
 * Open-ended prompts (content/eval/open-prompts.json): questions with no single right answer and
 * no reference response, written for the evaluation lab. Reference-based metrics (ROUGE, BLEU,
 * F1) cannot score them; a model as judge or a human reviewer can. Each line has Bedrock's prompt
 * dataset shape with `prompt` and `category` only.
 */
import { z } from 'zod';
import type { EvalItem } from './builtin';

export const OpenPromptEntry = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    prompt: z.string().trim().min(20).max(600),
    category: z.string().trim().min(1),
  })
  .strict();
export type OpenPromptEntry = z.infer<typeof OpenPromptEntry>;
export const OpenPromptFile = z.array(OpenPromptEntry).min(10);

/** Open prompts as items (no reference). */
export function openPromptItems(entries: readonly OpenPromptEntry[]): EvalItem[] {
  return entries.map((e) => ({
    id: e.id,
    prompt: e.prompt,
    category: e.category,
    source: { kind: 'open' },
  }));
}
