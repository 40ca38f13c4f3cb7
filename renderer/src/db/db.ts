/**
 * Stratum's one IndexedDB database (Dexie). Versions only ever add: a new version declares its
 * stores and, where rows change shape, an upgrade that keeps every row.
 */
import Dexie, { type Table } from 'dexie';
import { z } from 'zod';

export const NoteProgress = z.object({
  noteId: z.string().min(1),
  read: z.boolean(),
  readAt: z.iso.datetime().nullable(),
  bookmarked: z.boolean(),
  bookmarkedAt: z.iso.datetime().nullable(),
  lastOpenedAt: z.iso.datetime().nullable(),
});
export type NoteProgress = z.infer<typeof NoteProgress>;

export class StratumDb extends Dexie {
  noteProgress!: Table<NoteProgress, string>;

  constructor(name = 'stratum') {
    super(name);
    this.version(1).stores({
      // Primary key noteId; indexes for "read" counts and the bookmark list.
      noteProgress: 'noteId, lastOpenedAt, bookmarkedAt',
    });
  }
}

let instance: StratumDb | null = null;
export function getDb(): StratumDb {
  instance ??= new StratumDb();
  return instance;
}
/** For tests: use another database (e.g. on fake-indexeddb). */
export function setDb(db: StratumDb | null): void {
  instance = db;
}
