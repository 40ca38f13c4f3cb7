/**
 * A filter another view asks Quick practice to start with ("practise task 3.2" from Stats). Kept
 * in memory for one hand-over: Quick practice takes it once when it mounts, so it never lingers
 * in the address or comes back on a later visit.
 */
export interface PracticeIntent {
  domain?: number;
  task?: string;
  /** Practise exactly these questions (e.g. "retry the missed ones"), without the set-up. */
  questionIds?: string[];
}

let pending: PracticeIntent | null = null;

export function setPracticeIntent(intent: PracticeIntent): void {
  pending = intent;
}

export function takePracticeIntent(): PracticeIntent | null {
  const intent = pending;
  pending = null;
  return intent;
}

/** The hand-over waiting, if any, without taking it. */
export function peekPracticeIntent(): PracticeIntent | null {
  return pending;
}
