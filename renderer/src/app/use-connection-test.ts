import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { useSettings } from './settings-context';

/**
 * Test connection as Home and Settings run it: the error the last run ended with (a transport
 * error; a check's own outcome lands in `lastConnection`), and a run that may save first.
 */
export function useConnectionTest() {
  const { testConnection, testing } = useSettings();
  const [error, setError] = useState<AppError | null>(null);

  /** Runs the test; `before` (a save) runs first, and a false answer stops the test. */
  const run = useCallback(
    async (before?: () => Promise<boolean>) => {
      setError(null);
      if (before && !(await before())) return;
      setError(await testConnection());
    },
    [testConnection],
  );

  // Filled in when settings-context offers cancelTest().
  const cancel: (() => void) | undefined = undefined;
  return { run, cancel, testing, error };
}
