/**
 * The guardrails lab's shared state, kept outside React so it outlives a tab switch: the
 * definition being built, the guardrail it came from (when editing one), the learner's guardrails
 * as ListGuardrails reports them, and the last control-plane action's outcome. The builder edits
 * it; the test bench reads the list and applies the guardrail last created or opened.
 */
import { useSyncExternalStore } from 'react';
import {
  emptyGuardrailDefinition,
  guardrailProblems,
  type GuardrailDefinition,
} from '../../../../../shared/guardrail-builder';
import { REFERENCE_GUARDRAIL } from '../../../../../shared/guardrail-suite';
import type { GuardrailSummary } from '../../../../../shared/guardrails-contract';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';

export type BuilderBusy = 'list' | 'load' | 'create' | 'update' | 'version' | 'delete' | null;

export interface GuardrailLabState {
  definition: GuardrailDefinition;
  /** The guardrail the definition was opened from or created as (Update and Version act on it). */
  editingId: string | null;
  /** Changes when the definition is replaced as a whole (list fields re-read their text). */
  revision: number;
  guardrails: GuardrailSummary[] | null;
  listError: AppError | null;
  busy: BuilderBusy;
  error: AppError | null;
  /** What the last action did, in a sentence. */
  notice: string | null;
  /** Bumped after each successful write, so the bench knows the guardrail changed. */
  writes: number;
}

let state: GuardrailLabState = {
  definition: { ...REFERENCE_GUARDRAIL, name: 'study-guard' },
  editingId: null,
  revision: 0,
  guardrails: null,
  listError: null,
  busy: null,
  error: null,
  notice: null,
  writes: 0,
};
const listeners = new Set<() => void>();

function set(patch: Partial<GuardrailLabState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useGuardrailLab(): GuardrailLabState {
  return useSyncExternalStore(subscribe, () => state);
}

/** Edits the definition in place (the request preview and problems follow). */
export function editDefinition(update: (d: GuardrailDefinition) => GuardrailDefinition): void {
  set({ definition: update(state.definition), notice: null });
}

/** Starts again from the suite's reference guardrail, or from nothing. */
export function startOver(from: 'reference' | 'empty'): void {
  const definition =
    from === 'reference'
      ? { ...REFERENCE_GUARDRAIL, name: 'study-guard' }
      : emptyGuardrailDefinition();
  set({ definition, editingId: null, revision: state.revision + 1, error: null, notice: null });
}

export async function refreshGuardrails(): Promise<void> {
  set({ busy: state.busy ?? 'list' });
  const r = await call('listGuardrails', {});
  if (r.ok) set({ guardrails: r.value.guardrails, listError: null });
  else set({ listError: r.error });
  if (state.busy === 'list') set({ busy: null });
}

/** Opens a guardrail's working draft (or a version) in the builder. */
export async function openGuardrail(id: string, version?: string): Promise<void> {
  set({ busy: 'load', error: null, notice: null });
  const r = await call('getGuardrail', {
    guardrailIdentifier: id,
    ...(version ? { version } : {}),
  });
  if (r.ok) {
    set({
      definition: r.value.definition,
      editingId: r.value.summary.id,
      revision: state.revision + 1,
      notice: `Opened ${r.value.summary.name} (${r.value.summary.version === 'DRAFT' ? 'working draft' : `version ${r.value.summary.version}`}).`,
    });
  } else set({ error: r.error });
  set({ busy: null });
}

const sendable = () => !guardrailProblems(state.definition).some((p) => p.severity === 'error');

async function write(
  busy: Exclude<BuilderBusy, null>,
  run: () => Promise<
    { ok: true; value: { guardrailId: string; version: string } } | { ok: false; error: AppError }
  >,
  done: (value: { guardrailId: string; version: string }) => string,
): Promise<void> {
  if (state.busy) return;
  set({ busy, error: null, notice: null });
  const r = await run();
  if (r.ok) {
    set({ editingId: r.value.guardrailId, notice: done(r.value), writes: state.writes + 1 });
    await refreshGuardrails();
  } else set({ error: r.error });
  set({ busy: null });
}

export function createGuardrail(): Promise<void> {
  if (!sendable()) return Promise.resolve();
  const name = state.definition.name.trim();
  return write(
    'create',
    () => call('createGuardrail', { definition: state.definition }),
    (v) => `Created ${name} (id ${v.guardrailId}); its working draft is version DRAFT.`,
  );
}

export function updateGuardrail(): Promise<void> {
  const id = state.editingId;
  if (!id || !sendable()) return Promise.resolve();
  return write(
    'update',
    () => call('updateGuardrail', { guardrailIdentifier: id, definition: state.definition }),
    () => `Updated the working draft (DRAFT) of ${state.definition.name.trim()}.`,
  );
}

export function createVersion(): Promise<void> {
  const id = state.editingId;
  if (!id) return Promise.resolve();
  return write(
    'version',
    () => call('createGuardrailVersion', { guardrailIdentifier: id }),
    (v) => `Created version ${v.version}: a read-only snapshot of the working draft.`,
  );
}

/** Deletes a guardrail and every version of it (the caller has asked first). */
export async function deleteGuardrail(id: string, name: string): Promise<void> {
  if (state.busy) return;
  set({ busy: 'delete', error: null, notice: null });
  const r = await call('deleteGuardrail', { guardrailIdentifier: id });
  if (r.ok) {
    set({
      notice: `Deleted ${name} and all its versions.`,
      ...(state.editingId === id ? { editingId: null } : {}),
      writes: state.writes + 1,
    });
    await refreshGuardrails();
  } else set({ error: r.error });
  set({ busy: null });
}
