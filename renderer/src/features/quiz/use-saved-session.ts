/**
 * Keeps a study session in IndexedDB as it changes (db/sessions.ts), so that leaving the screen,
 * switching tabs or reloading resumes it exactly. On mount (once the question pool is known) the
 * saved row is read back through `restore`; every later change is written through `toRow`. Time on
 * screen is counted while the hook is mounted and added to the row's `activeMs`.
 *
 * A row that cannot be used (damaged, from an older shape, or every question deleted) is dropped
 * with a one-line notice; saving errors become a notice too, never a crash.
 */
import { useEffect, useRef, useState } from 'react';
import { clearSession, loadSession, saveSession } from '../../db/sessions';
import type { SessionRow } from '../../db/schema';

type Kind = 'practice' | 'review';

/** The most one gap between two changes adds to a session's time on screen. */
export const IDLE_CAP_MS = 5 * 60_000;
type RowOf<K extends Kind> = Extract<SessionRow, { kind: K }>;

export interface Restored<S> {
  state: S;
  /** Said once, e.g. "1 question of this session was deleted; it was skipped." */
  notice: string | null;
}

/** Reads the saved row of `kind` and restores it; never throws (problems become the notice). */
async function readBack<K extends Kind, S>(
  kind: K,
  restore: (row: RowOf<K>) => Restored<S> | null,
): Promise<{ state: S | null; notice: string | null }> {
  try {
    const found = await loadSession(kind);
    if (found.status === 'none') return { state: null, notice: null };
    if (found.status === 'discarded') return { state: null, notice: found.notice };
    const back = restore(found.row);
    if (back) return back;
    await clearSession(kind);
    return {
      state: null,
      notice: 'Your saved session had no questions left (they were deleted), so it ended.',
    };
  } catch (e) {
    return { state: null, notice: `Could not read your saved session (${String(e)}).` };
  }
}

export function useSavedSession<K extends Kind, S extends { startedAt: string; activeMs: number }>(
  kind: K,
  ready: boolean,
  restore: (row: RowOf<K>) => Restored<S> | null,
  toRow: (state: S, now: Date) => RowOf<K>,
) {
  const [state, setState] = useState<S | null>(null);
  const [loaded, setLoaded] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  /** When the time on screen was last added up (set when a session is shown). */
  const since = useRef(0);
  const restoreRef = useRef(restore);
  useEffect(() => {
    restoreRef.current = restore;
  });

  useEffect(() => {
    if (!ready || loaded) return;
    let live = true;
    void readBack(kind, (row) => restoreRef.current(row)).then((out) => {
      if (!live) return;
      if (out.state) {
        since.current = Date.now();
        setState(out.state);
      }
      setNotice(out.notice);
      setLoaded(true);
    });
    return () => {
      live = false;
    };
  }, [kind, ready, loaded]);

  /**
   * Time on screen so far, including the part since the last change. A gap longer than
   * IDLE_CAP_MS between changes (the learner walked away) counts as IDLE_CAP_MS.
   */
  const activeMs = (s: S) =>
    s.activeMs +
    (since.current > 0 ? Math.min(IDLE_CAP_MS, Math.max(0, Date.now() - since.current)) : 0);

  /** Sets the session and saves it (null: the session ended; its row is removed). */
  const update = (next: S | null) => {
    if (next) {
      // A new session starts its own clock; a change to the shown one adds the time since.
      const total = state?.startedAt === next.startedAt ? activeMs(next) : next.activeMs;
      since.current = Date.now();
      const withTime = { ...next, activeMs: total };
      setState(withTime);
      saveSession(toRow(withTime, new Date())).catch((e: unknown) =>
        setNotice(
          `Could not save your place (${String(e)}); it is kept while this screen is open.`,
        ),
      );
    } else {
      setState(null);
      void clearSession(kind);
    }
  };

  return {
    state,
    loaded,
    notice,
    setNotice,
    update,
    activeMs,
    /** Shows a state without saving it (e.g. a finished session's summary). */
    setState,
  };
}
