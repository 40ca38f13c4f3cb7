/** The Models screen's "Check availability in <region>": one free call, its answer and its error. */
import { useState } from 'react';
import type { Availability } from '../../../../shared/contract';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';

export function useAvailabilityCheck(region: string) {
  const [availability, setAvailability] = useState<Availability | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [checking, setChecking] = useState(false);
  const check = async () => {
    setChecking(true);
    setError(null);
    const result = await call('getAvailability');
    setChecking(false);
    if (result.ok) setAvailability(result.value);
    else setError(result.error);
  };
  /** Only an answer for the region now chosen counts (the learner may have changed it since). */
  const current = availability?.region === region ? availability : null;
  return { current, error, checking, check };
}
