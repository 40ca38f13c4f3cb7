/** Read progress and bookmarks for notes. Rows are validated on the way out of IndexedDB. */
import { getDb } from './db';
import { NoteProgress } from './schema';

const empty = (noteId: string): NoteProgress => ({
  noteId,
  read: false,
  readAt: null,
  bookmarked: false,
  bookmarkedAt: null,
  lastOpenedAt: null,
});

/** Every valid progress row; a row that does not validate is skipped, never deleted. */
export async function allProgress(): Promise<Map<string, NoteProgress>> {
  const rows = await getDb().noteProgress.toArray();
  const out = new Map<string, NoteProgress>();
  for (const row of rows) {
    const parsed = NoteProgress.safeParse(row);
    if (parsed.success) out.set(parsed.data.noteId, parsed.data);
  }
  return out;
}

async function update(noteId: string, change: (row: NoteProgress) => NoteProgress): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.noteProgress, async () => {
    const current = NoteProgress.safeParse(await db.noteProgress.get(noteId));
    await db.noteProgress.put(change(current.success ? current.data : empty(noteId)));
  });
}

export function setRead(noteId: string, read: boolean): Promise<void> {
  const now = new Date().toISOString();
  return update(noteId, (row) => ({ ...row, read, readAt: read ? now : null }));
}

export function setBookmarked(noteId: string, bookmarked: boolean): Promise<void> {
  const now = new Date().toISOString();
  return update(noteId, (row) => ({ ...row, bookmarked, bookmarkedAt: bookmarked ? now : null }));
}

export function markOpened(noteId: string): Promise<void> {
  const now = new Date().toISOString();
  return update(noteId, (row) => ({ ...row, lastOpenedAt: now }));
}
