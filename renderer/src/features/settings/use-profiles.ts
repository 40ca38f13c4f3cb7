import { useCallback, useEffect, useState } from 'react';
import type { ProfileList } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';

/** The AWS profiles found in the learner's shared config files, loaded on mount and on demand. */
export function useProfiles() {
  const [profiles, setProfiles] = useState<ProfileList | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const reload = useCallback(() => {
    void call('listProfiles').then((r) => {
      if (r.ok) {
        setProfiles(r.value);
        setError(null);
      } else setError(r.error);
    });
  }, []);
  useEffect(reload, [reload]);
  return { profiles, error, reload };
}
