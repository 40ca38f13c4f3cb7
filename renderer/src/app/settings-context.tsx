/**
 * Settings as the renderer sees them, loaded once and shared by Home and Settings, so a test or
 * save in one screen shows at once in the other.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import type { AppError } from '../../../shared/result';
import type { SettingsPatch, SettingsState } from '../../../shared/settings';
import { call } from '../api';

interface SettingsContextValue {
  state: SettingsState | null;
  loadError: AppError | null;
  save: (patch: SettingsPatch) => Promise<AppError | null>;
  /**
   * Runs the check; its outcome lands in `state.settings.lastConnection`. Resolves to a transport
   * error, if any; a test stopped by `cancelTest` resolves to an error with code 'cancelled'
   * (and `lastConnection` keeps the previous outcome).
   */
  testConnection: () => Promise<AppError | null>;
  /** Stops the running Test connection (no-op when none is running). */
  cancelTest: () => void;
  testing: boolean;
}

const SettingsContext = createContext<SettingsContextValue | null>(null);

export function SettingsProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SettingsState | null>(null);
  const [loadError, setLoadError] = useState<AppError | null>(null);
  const [testing, setTesting] = useState(false);

  useEffect(() => {
    void call('getSettings').then((result) => {
      if (result.ok) setState(result.value);
      else setLoadError(result.error);
    });
  }, []);

  const save = useCallback(async (patch: SettingsPatch) => {
    const result = await call('updateSettings', patch);
    if (!result.ok) return result.error;
    setState(result.value);
    return null;
  }, []);

  const testConnection = useCallback(async () => {
    setTesting(true);
    try {
      const result = await call('testConnection', {});
      if (!result.ok) return result.error;
      const check = result.value;
      setState((prev) =>
        prev ? { ...prev, settings: { ...prev.settings, lastConnection: check } } : prev,
      );
      return null;
    } finally {
      setTesting(false);
    }
  }, []);

  const cancelTest = useCallback(() => {
    void call('cancelConnectionTest');
  }, []);

  const value = useMemo(
    () => ({ state, loadError, save, testConnection, cancelTest, testing }),
    [state, loadError, save, testConnection, cancelTest, testing],
  );
  return <SettingsContext.Provider value={value}>{children}</SettingsContext.Provider>;
}

export function useSettings(): SettingsContextValue {
  const value = useContext(SettingsContext);
  if (!value) throw new Error('useSettings must be used inside <SettingsProvider>.');
  return value;
}
