/**
 * The keys of the screen on show, for the "?" overlay: each screen registers its list while it is
 * mounted (`useScreenKeys`), the overlay reads the latest one. Also whether the overlay is open,
 * so the "?" key and any "Keyboard shortcuts (?)" button open the same dialog.
 */
import { useEffect, useSyncExternalStore } from 'react';

export interface KeyHelp {
  /** As shown: "A–G", "Enter", "Ctrl+Z". */
  keys: string;
  /** What it does: "Choose an option". */
  does: string;
}

export interface KeyGroup {
  /** The screen or mode: "Quick practice". */
  title: string;
  keys: readonly KeyHelp[];
}

interface State {
  open: boolean;
  groups: readonly { id: number; group: KeyGroup }[];
}

let state: State = { open: false, groups: [] };
let nextId = 1;
const listeners = new Set<() => void>();

function set(next: State) {
  state = next;
  listeners.forEach((l) => l());
}

function subscribe(l: () => void) {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function openKeysHelp(): void {
  if (!state.open) set({ ...state, open: true });
}

export function closeKeysHelp(): void {
  if (state.open) set({ ...state, open: false });
}

export function useKeysHelp(): State {
  return useSyncExternalStore(subscribe, () => state);
}

/** Lists `group` in the overlay while the calling component is mounted (latest mounted first). */
export function useScreenKeys(group: KeyGroup): void {
  const signature = JSON.stringify(group);
  useEffect(() => {
    const id = nextId++;
    const parsed = JSON.parse(signature) as KeyGroup;
    set({ ...state, groups: [{ id, group: parsed }, ...state.groups] });
    return () => set({ ...state, groups: state.groups.filter((g) => g.id !== id) });
  }, [signature]);
}
