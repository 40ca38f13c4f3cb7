/**
 * What the chat keeps in sessionStorage so that a reload loses nothing the learner typed: which
 * conversation was open and the composer text of each conversation (a draft). Images attached to
 * a draft stay in memory only (they can be megabytes; sessionStorage holds about 5 MB).
 *
 * The stored value is checked with zod on the way in; anything unreadable counts as nothing
 * stored. A storage that throws (disabled, full) is ignored: the drafts still live in the chat
 * store while the app runs.
 */
import { z } from 'zod';

const KEY = 'stratum.chat.session';
/** Drafts kept at most; the oldest go first. */
export const MAX_STORED_DRAFTS = 30;

export const ChatSession = z.object({
  /** The conversation that was open (saved or not yet). */
  currentId: z.string().max(100).nullable(),
  /** Composer text per conversation id, oldest first. */
  drafts: z.record(z.string().max(100), z.string().max(200_000)),
});
export type ChatSession = z.infer<typeof ChatSession>;

export const EMPTY_SESSION: ChatSession = { currentId: null, drafts: {} };

/** The session with `text` as the draft of `id` (an empty text removes it). */
export function withDraft(session: ChatSession, id: string, text: string): ChatSession {
  const others = Object.entries(session.drafts).filter(([key]) => key !== id);
  if (!text) return { ...session, drafts: Object.fromEntries(others) };
  const kept = others.slice(-(MAX_STORED_DRAFTS - 1));
  return { ...session, drafts: { ...Object.fromEntries(kept), [id]: text } };
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function readSession(store: Storage | null = storage()): ChatSession {
  try {
    const raw = store?.getItem(KEY);
    if (!raw) return EMPTY_SESSION;
    const parsed = ChatSession.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : EMPTY_SESSION;
  } catch {
    return EMPTY_SESSION;
  }
}

export function writeSession(session: ChatSession, store: Storage | null = storage()): void {
  try {
    store?.setItem(KEY, JSON.stringify(session));
  } catch {
    // Full or disabled: the drafts stay in memory for this run.
  }
}
