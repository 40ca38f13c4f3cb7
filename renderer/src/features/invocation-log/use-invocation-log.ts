/**
 * The invocation log as the main process keeps it: read when the screen opens and whenever the
 * window regains focus, refreshed on demand, cleared with an undo, restored.
 */
import { useCallback, useEffect, useState } from 'react';
import type { InvocationList } from '../../../../shared/contract';
import type { AppError, Result } from '../../../../shared/result';
import { call } from '../../api';
import { plural } from '../../lib/format';

export interface InvocationLog {
  list: InvocationList | null;
  error: AppError | null;
  loading: boolean;
  /** When the log was last read: the period and the month are counted up to here. */
  now: Date;
  /** The last clear, while it can be undone. */
  undo: { token: string; removed: number } | null;
  /** What the last restore did. */
  notice: string | null;
  load: () => Promise<void>;
  clear: () => Promise<void>;
  restore: () => Promise<void>;
}

export function useInvocationLog(): InvocationLog {
  const [read, setRead] = useState<{ list: InvocationList | null; now: Date }>(() => ({
    list: null,
    now: new Date(),
  }));
  const [error, setError] = useState<AppError | null>(null);
  const [loading, setLoading] = useState(false);
  const [undo, setUndo] = useState<InvocationLog['undo']>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const apply = useCallback((result: Result<InvocationList>) => {
    if (result.ok) {
      setRead({ list: result.value, now: new Date() });
      setError(null);
    } else {
      setRead((r) => ({ ...r, now: new Date() }));
      setError(result.error);
    }
  }, []);

  const load = useCallback(async () => {
    setLoading(true);
    apply(await call('listInvocations', {}));
    setLoading(false);
  }, [apply]);

  // Read the log on opening, and again whenever the window regains focus.
  useEffect(() => {
    let live = true;
    const reread = () =>
      void call('listInvocations', {}).then((result) => {
        if (live) apply(result);
      });
    reread();
    window.addEventListener('focus', reread);
    return () => {
      live = false;
      window.removeEventListener('focus', reread);
    };
  }, [apply]);

  const clear = async () => {
    setNotice(null);
    const result = await call('clearInvocations');
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const { undoToken, removed } = result.value;
    setUndo(undoToken ? { token: undoToken, removed } : null);
    await load();
  };

  const restore = async () => {
    if (!undo) return;
    const result = await call('restoreInvocations', { undoToken: undo.token });
    setUndo(null);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setNotice(`Restored ${plural(result.value.restored, 'call')}.`);
    await load();
  };

  return { ...read, error, loading, undo, notice, load, clear, restore };
}
