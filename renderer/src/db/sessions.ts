/**
 * Work in progress, one row per kind: the quick-practice session, the spaced-review session, the
 * chat draft and generated case-study sets waiting for review. Saved as they change, read back on return or after a reload. A row that does not
 * validate (tampered, or from an older shape) is deleted and reported once, never a crash.
 */
import { getDb } from './db';
import {
  CaseDraftsRow,
  ChatDraftRow,
  PracticeSessionRow,
  ReviewSessionRow,
  type SessionKind,
  type SessionRow,
} from './schema';

type RowOf<K extends SessionKind> = Extract<SessionRow, { kind: K }>;
const SCHEMAS = {
  practice: PracticeSessionRow,
  review: ReviewSessionRow,
  'chat-draft': ChatDraftRow,
  'case-drafts': CaseDraftsRow,
} as const;

/** What reading a saved session found. */
export type Loaded<K extends SessionKind> =
  | { status: 'none' }
  | { status: 'ok'; row: RowOf<K> }
  /** A row was there but could not be used; it has been removed. */
  | { status: 'discarded'; notice: string };

const NAMES: Record<SessionKind, string> = {
  practice: 'quick-practice session',
  review: 'review session',
  'chat-draft': 'unsent chat message',
  'case-drafts': 'list of generated case studies waiting for review',
};

export async function loadSession<K extends SessionKind>(kind: K): Promise<Loaded<K>> {
  const db = getDb();
  const raw: unknown = await db.sessions.get(kind);
  if (raw === undefined) return { status: 'none' };
  const parsed = SCHEMAS[kind].safeParse(raw);
  if (parsed.success) return { status: 'ok', row: parsed.data as RowOf<K> };
  await db.sessions.delete(kind);
  return {
    status: 'discarded',
    notice: `A saved ${NAMES[kind]} could not be read (it was damaged or from an older version), so it was set aside. Your answers and ratings already recorded are kept.`,
  };
}

/** Saves (replaces) the session of the row's kind. Invalid rows are refused with an error. */
export async function saveSession(row: SessionRow): Promise<void> {
  await getDb().sessions.put(checkedSessionRow(row));
}

/** A session row checked against its kind's schema (throws when it does not fit). */
export function checkedSessionRow(row: SessionRow): SessionRow {
  return SCHEMAS[row.kind].parse(row);
}

/** Removes the saved session of `kind` and returns it (for Undo), or null when there was none. */
export async function clearSession<K extends SessionKind>(kind: K): Promise<RowOf<K> | null> {
  const db = getDb();
  return db.transaction('rw', db.sessions, async () => {
    const parsed = SCHEMAS[kind].safeParse(await db.sessions.get(kind));
    await db.sessions.delete(kind);
    return parsed.success ? (parsed.data as RowOf<K>) : null;
  });
}

/** The saved session of `kind` if it is valid, without changing anything (for Home). */
export async function peekSession<K extends SessionKind>(kind: K): Promise<RowOf<K> | null> {
  const parsed = SCHEMAS[kind].safeParse(await getDb().sessions.get(kind));
  return parsed.success ? (parsed.data as RowOf<K>) : null;
}
