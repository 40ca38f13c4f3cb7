/**
 * Identifier schemas shared by notes, questions and the IPC contract. Kept apart from notes.ts
 * (which parses YAML front matter) so the contract, loaded at start-up, does not pull in a YAML
 * parser the first screen never uses.
 */
import { z } from 'zod';

export const NoteId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'Note ids are kebab-case.');
export const TaskId = z.string().regex(/^[1-5]\.[1-4]$/);
