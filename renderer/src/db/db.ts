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

/** An image generated on Bedrock, with the parameters that made it (the diffusion lab's gallery). */
export const GalleryImage = z.object({
  id: z.string().min(1),
  createdAt: z.iso.datetime(),
  modelId: z.string(),
  task: z.enum(['TEXT_IMAGE', 'IMAGE_VARIATION']),
  prompt: z.string().nullable(),
  negativePrompt: z.string().nullable(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  quality: z.enum(['standard', 'premium']),
  cfgScale: z.number(),
  seed: z.number().int(),
  similarityStrength: z.number().nullable(),
  format: z.enum(['png', 'jpeg']),
  base64: z.string().min(1),
  costUsd: z.number().nullable(),
});
export type GalleryImage = z.infer<typeof GalleryImage>;

/** One answer to a practice question. */
export const Attempt = z.object({
  id: z.string().min(1),
  questionId: z.string().min(1),
  at: z.iso.datetime(),
  correct: z.boolean(),
  mode: z.enum(['practice']),
});
export type Attempt = z.infer<typeof Attempt>;

export class StratumDb extends Dexie {
  noteProgress!: Table<NoteProgress, string>;
  experiments!: Table<TokenExperiment, string>;
  images!: Table<GalleryImage, string>;
  attempts!: Table<Attempt, string>;

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
    // v3 adds the diffusion lab's image gallery.
    this.version(3).stores({
      images: 'id, createdAt',
    });
    // v4 adds practice attempts.
    this.version(4).stores({
      attempts: 'id, questionId, at',
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
