/**
 * The learner's own case studies, kept live outside React: one Dexie liveQuery over `cases`
 * (db/cases.ts), started by the first component that subscribes and kept for the window's life.
 * Every change is handed to ./bank.ts (`findCase`, `isKnownCase`), so the scenario shows beside
 * its questions everywhere a bank case does (practice, review, the mock exam, previews) and the
 * source checks know the learner's cases.
 */
import { liveQuery } from 'dexie';
import { useSyncExternalStore } from 'react';
import { loadCases, type CaseLoad } from '../../db/cases';
import { setLearnerCases } from './bank';

let snapshot: CaseLoad | undefined;
let started = false;
const listeners = new Set<() => void>();

function publish(load: CaseLoad) {
  snapshot = load;
  setLearnerCases(
    new Map(
      load.rows.map((r) => [
        r.id,
        { id: r.id, title: r.title, scenario: r.scenario, deleted: r.deleted },
      ]),
    ),
  );
  for (const l of listeners) l();
}

/** Starts watching the table (once); errors leave the last good snapshot in place. */
function startLearnerCases(): void {
  if (started) return;
  started = true;
  liveQuery(loadCases).subscribe({
    next: publish,
    error: () => publish(snapshot ?? { rows: [], skipped: [] }),
  });
}

function subscribe(listener: () => void): () => void {
  startLearnerCases();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The learner's cases (deleted ones included) and the rows that could not be read. */
export function useLearnerCases(): CaseLoad | undefined {
  return useSyncExternalStore(subscribe, () => snapshot);
}
