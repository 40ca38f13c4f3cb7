/**
 * Generated case-study sets waiting for the learner's decision, kept outside React (like
 * ../generation-store.ts) so they outlive the Generate tab. A set arrives whole from the main
 * process (every question already passed the checks); a question the needs-the-scenario check
 * found answerable without the scenario is flagged, and the learner accepts it anyway or rejects
 * it. Saving stores the case and its kept questions in one transaction (db/cases.ts), after the
 * same checks as any question (schema, rules, the passage in its note). The list (with the
 * decisions) is also kept in IndexedDB as the 'case-drafts' session, so a reload or restart does
 * not lose a set not yet saved; a damaged saved list is set aside with a notice.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { GenerationEvent } from '../../../../../shared/question-generation';
import { addCaseSet } from '../../../db/cases';
import type { CaseDraftsRow } from '../../../db/schema';
import { clearSession, loadSession, saveSession } from '../../../db/sessions';
import { QuestionRejected } from '../../../db/questions';
import { isKnownCase } from '../bank';
import { BANK_IDS } from '../pending-store';
import { sourceProblemsWith } from '../question-rules';

export type ArrivedCase = Extract<GenerationEvent, { type: 'case' }>;
/**
 * A set waiting for review, as the 'case-drafts' session stores it (db/schema CaseDraftsRow):
 * the set, and the learner's decision per question id (a question that needs its scenario starts
 * 'accepted').
 */
export type PendingCase = CaseDraftsRow['sets'][number];
export type Decision = PendingCase['decisions'][string];

let sets: PendingCase[] = [];
const listeners = new Set<() => void>();
/** Set once the saved list has been read back (or found damaged), with its notice if any. */
let restored: Promise<void> | null = null;
let restoreNotice: string | null = null;
/** Saves run one after another, so the last list written is the last list published. */
let saving: Promise<void> = Promise.resolve();

function persist(next: PendingCase[]): void {
  saving = saving
    .then(() =>
      next.length === 0
        ? clearSession('case-drafts').then(() => undefined)
        : saveSession({ kind: 'case-drafts', savedAt: new Date().toISOString(), sets: next }),
    )
    .catch((e: unknown) => {
      // The list is still on screen; only keeping it across a reload failed.
      console.error('Could not keep the case studies waiting for review', e);
    });
}

function publish(next: PendingCase[], save = true) {
  sets = next;
  if (save) persist(next);
  for (const l of listeners) l();
}

/** Reads the saved list once per window (sets that arrived meanwhile come after it). */
export function restoreCaseSets(): Promise<void> {
  restored ??= loadSession('case-drafts').then((loaded) => {
    if (loaded.status === 'discarded') {
      restoreNotice = loaded.notice;
      for (const l of listeners) l();
    }
    if (loaded.status !== 'ok') return;
    const known = new Set(sets.map((p) => p.set.id));
    const saved = loaded.row.sets.filter((p) => !known.has(p.set.id));
    if (saved.length > 0) publish([...saved, ...sets], sets.length > 0);
  });
  return restored;
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => void listeners.delete(l);
};

/** Why the saved list could not be read back (null when it could). */
export function useCaseSetsNotice(): string | null {
  return useSyncExternalStore(subscribe, () => restoreNotice);
}

/** Resolves when every change so far is saved (tests). */
export function caseSetsSaved(): Promise<void> {
  return saving;
}

/** A set from the run: questions that need their scenario start accepted, flagged ones undecided. */
export function addArrivedCase(set: ArrivedCase): void {
  const decisions: Record<string, Decision> = {};
  for (const item of set.items) {
    decisions[item.question.id] =
      item.scenarioCheck?.needsScenario === false ? 'undecided' : 'accepted';
  }
  publish([...sets, { set, decisions }]);
}

export function useCaseSets(): PendingCase[] {
  useEffect(() => void restoreCaseSets(), []);
  return useSyncExternalStore(subscribe, () => sets);
}

/** For tests: the sets waiting now. */
export function getCaseSets(): PendingCase[] {
  return sets;
}

export function decide(caseId: string, questionId: string, decision: Decision): void {
  publish(
    sets.map((p) =>
      p.set.id === caseId ? { ...p, decisions: { ...p.decisions, [questionId]: decision } } : p,
    ),
  );
}

/** Removes a set; returns how to put it back (Undo). */
export function discardCase(caseId: string): () => void {
  const index = sets.findIndex((p) => p.set.id === caseId);
  const removed = sets[index];
  publish(sets.filter((p) => p.set.id !== caseId));
  return () => {
    if (!removed || sets.some((p) => p.set.id === caseId)) return;
    const next = [...sets];
    next.splice(Math.min(index, next.length), 0, removed);
    publish(next);
  };
}

/** Why a set cannot be saved yet (plain sentences), or an empty list. */
export function saveProblems(p: PendingCase): string[] {
  const undecided = p.set.items.filter((i) => p.decisions[i.question.id] === 'undecided').length;
  const kept = p.set.items.filter((i) => p.decisions[i.question.id] === 'accepted').length;
  const problems: string[] = [];
  if (undecided > 0)
    problems.push(
      `Decide on ${undecided === 1 ? 'the flagged question' : `the ${undecided} flagged questions`} first (accept anyway or reject).`,
    );
  else if (kept < 2)
    problems.push(
      `A case study needs at least 2 questions; ${kept === 1 ? 'only 1 is' : `${kept} are`} kept. Discard the set or accept another question.`,
    );
  return problems;
}

/**
 * Stores the set as one of the learner's cases with its kept questions; removes it from the list
 * on success. Throws QuestionRejected with the reasons when it cannot be saved.
 */
export async function saveCase(caseId: string): Promise<number> {
  const p = sets.find((s) => s.set.id === caseId);
  if (!p) throw new QuestionRejected(caseId, ['this set is no longer waiting for review']);
  const problems = saveProblems(p);
  if (problems.length > 0) throw new QuestionRejected(caseId, problems);
  const kept = p.set.items.filter((i) => p.decisions[i.question.id] === 'accepted');
  await addCaseSet(
    { id: p.set.id, title: p.set.title, scenario: p.set.scenario },
    kept.map((i) => ({ question: i.question, blindCheck: i.blindCheck })),
    BANK_IDS,
    (q) => sourceProblemsWith(q, (id) => id === caseId || isKnownCase(id)),
  );
  publish(sets.filter((s) => s.set.id !== caseId));
  return kept.length;
}
