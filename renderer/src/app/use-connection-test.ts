import { useCallback, useState } from 'react';
import type { AppError } from '../../../shared/result';
import { useSettings } from './settings-context';

/**
 * Test connection as Home and Settings run it: the error the last run ended with (a transport
 * error, or code 'cancelled' after `cancel`; a check's own outcome lands in `lastConnection`), a
 * run that may save first, and a cancel for a test that hangs.
 */
export function useConnectionTest() {
  const { testConnection, cancelTest, testing } = useSettings();
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

  return { run, cancel: cancelTest, testing, error };
}
