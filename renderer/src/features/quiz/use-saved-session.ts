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

/** Reads the saved row once `want` is true and hands the result to `done` (while mounted). */
function useReadBack<K extends Kind, S>(
  kind: K,
  want: boolean,
  restore: (row: RowOf<K>) => Restored<S> | null,
  done: (out: { state: S | null; notice: string | null }) => void,
) {
  const latest = useRef({ restore, done });
  useEffect(() => {
    latest.current = { restore, done };
  });
  useEffect(() => {
    if (!want) return;
    let live = true;
    void readBack(kind, (row) => latest.current.restore(row)).then((out) => {
      if (live) latest.current.done(out);
    });
    return () => {
      live = false;
    };
  }, [kind, want]);
}

/** How `commit` stores a session: the write, its failure notice, and when the screen shows it. */
interface CommitOptions<Row> {
  write?: (row: Row) => Promise<unknown>;
  failed?: (e: unknown) => string;
  showAfterWrite?: boolean;
}

const noop = () => undefined;
const placeNotSaved = (e: unknown) =>
  `Could not save your place (${String(e)}); it is kept while this screen is open.`;

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
  useReadBack(kind, ready && !loaded, restore, (out) => {
    if (out.state) {
      since.current = Date.now();
      setState(out.state);
    }
    setNotice(out.notice);
    setLoaded(true);
  });

  /**
   * Time on screen so far, including the part since the last change. A gap longer than
   * IDLE_CAP_MS between changes (the learner walked away) counts as IDLE_CAP_MS.
   */
  const activeMs = (s: S) =>
    s.activeMs +
    (since.current > 0 ? Math.min(IDLE_CAP_MS, Math.max(0, Date.now() - since.current)) : 0);

  /** The saves in the order they were asked for (one waits for the one before). */
  const saving = useRef<Promise<void>>(Promise.resolve());

  /**
   * Sets the session and stores it with `write` (by default saveSession). Writes keep their order:
   * each waits for the one before, so a later change is never overwritten by an earlier one. A
   * checked answer passes a `write` that stores its attempt and this row in one transaction, and
   * `showAfterWrite`, so its verdict appears once both are stored (a reload then keeps both; a
   * failed write still shows it, with the notice).
   */
  const commit = (next: S, options: CommitOptions<RowOf<K>> = {}) => {
    const { write = saveSession, showAfterWrite = false, failed = placeNotSaved } = options;
    // A new session starts its own clock; a change to the shown one adds the time since.
    const total = state?.startedAt === next.startedAt ? activeMs(next) : next.activeMs;
    since.current = Date.now();
    const withTime = { ...next, activeMs: total };
    if (!showAfterWrite) setState(withTime);
    const row = toRow(withTime, new Date());
    saving.current = saving.current
      .then(() => write(row))
      .then(noop, (e: unknown) => setNotice(failed(e)))
      .then(() => {
        if (showAfterWrite) setState(withTime);
      });
    return saving.current;
  };

  /** Sets the session and saves it (null: the session ended; its row is removed). */
  const update = (next: S | null): void => {
    if (next) {
      void commit(next);
      return;
    }
    setState(null);
    saving.current = saving.current.then(() => clearSession(kind)).then(noop, noop);
  };

  return {
    state,
    loaded,
    notice,
    setNotice,
    update,
    commit,
    activeMs,
    /** Shows a state without saving it (e.g. a finished session's summary). */
    setState,
  };
}
