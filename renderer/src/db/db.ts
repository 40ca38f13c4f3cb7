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

export class StratumDb extends Dexie {
  noteProgress!: Table<NoteProgress, string>;
  experiments!: Table<TokenExperiment, string>;

  constructor(name = 'stratum') {
    super(name);
    this.version(1).stores({
      // Primary key noteId; indexes for "read" counts and the bookmark list.
      noteProgress: 'noteId, lastOpenedAt, bookmarkedAt',
    });
    // v2 adds the labs' saved experiments; v1 tables and rows carry over unchanged.
    this.version(2).stores({
      experiments: 'id, createdAt, kind',
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
