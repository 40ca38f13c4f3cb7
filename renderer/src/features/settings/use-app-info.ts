import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/contract';
import { call } from '../../api';

/** The app's version and how it runs (null until main answers). */
export function useAppInfo(): AppInfo | null {
  const [appInfo, setAppInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void call('getAppInfo').then((r) => r.ok && setAppInfo(r.value));
  }, []);
  return appInfo;
}
