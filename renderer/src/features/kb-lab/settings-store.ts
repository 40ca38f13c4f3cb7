/**
 * The lab's shared choices, read by every tab: the chunking being looked at (and indexed next) and
 * the vector index that retrieval uses. Kept in localStorage so they survive a reload; read with
 * zod, so a damaged or old value falls back to the defaults.
 *
 * `draft` is the configuration as the learner is typing it (possibly invalid: the Chunking tab
 * shows its problems); `chunking` is the last valid one, which the other tabs use.
 */
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { RagChunking } from '../../db/schema';
import { chunkingProblems, DEFAULT_CHUNKING, type ChunkingConfig } from '../../lib/rag/chunking';

const KEY = 'stratum.kb-lab.settings';

const Stored = z.object({ chunking: RagChunking, activeIndexId: z.string().min(1).nullable() });

export interface KbSettingsState {
  chunking: ChunkingConfig;
  draft: ChunkingConfig;
  activeIndexId: string | null;
}

function read(): KbSettingsState {
  const fallback: KbSettingsState = {
    chunking: DEFAULT_CHUNKING.FIXED_SIZE,
    draft: DEFAULT_CHUNKING.FIXED_SIZE,
    activeIndexId: null,
  };
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    if (!raw) return fallback;
    const parsed = Stored.safeParse(JSON.parse(raw));
    if (!parsed.success) return fallback;
    const chunking: ChunkingConfig = parsed.data.chunking;
    if (chunkingProblems(chunking).length > 0) return fallback;
    return { chunking, draft: chunking, activeIndexId: parsed.data.activeIndexId };
  } catch {
    return fallback;
  }
}

let state: KbSettingsState | null = null;
const listeners = new Set<() => void>();

function current(): KbSettingsState {
  state ??= read();
  return state;
}

function set(next: KbSettingsState) {
  state = next;
  try {
    globalThis.localStorage?.setItem(
      KEY,
      JSON.stringify({ chunking: next.chunking, activeIndexId: next.activeIndexId }),
    );
  } catch {
    // Storage full or blocked: the choice still holds for this window.
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The draft becomes the configuration in use when it is valid. */
export function setChunking(draft: ChunkingConfig): void {
  const valid = chunkingProblems(draft).length === 0;
  set({ ...current(), draft, chunking: valid ? draft : current().chunking });
}

export function setActiveIndexId(activeIndexId: string | null): void {
  set({ ...current(), activeIndexId });
}

export function kbSettings(): KbSettingsState {
  return current();
}

export interface KbSettings extends KbSettingsState {
  setChunking: (config: ChunkingConfig) => void;
  setActiveIndexId: (id: string | null) => void;
}

export function useKbSettings(): KbSettings {
  const s = useSyncExternalStore(subscribe, current);
  return { ...s, setChunking, setActiveIndexId };
}
