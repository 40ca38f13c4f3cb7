/**
 * The knowledge base id (and generation model) the learner last entered on the "Knowledge base on
 * Bedrock" tab, kept in localStorage so it survives a reload. A preference, not data: a damaged
 * value falls back to empty.
 */
import { z } from 'zod';

const KEY = 'stratum.kb-lab.managed';
const Stored = z.object({ knowledgeBaseId: z.string().max(100), modelId: z.string().max(2048) });
export type ManagedPrefs = z.infer<typeof Stored>;

export function readManagedPrefs(): ManagedPrefs | null {
  try {
    const parsed = Stored.safeParse(JSON.parse(globalThis.localStorage?.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function writeManagedPrefs(prefs: ManagedPrefs): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(prefs));
  } catch {
    // Storage full or blocked: the id still holds for this window.
  }
}
