/**
 * The backup card's state: export, and the steps of an import (checking in a worker with
 * progress, refused, asking to confirm, done). `attempt` counts the learner's actions, so the
 * results region scrolls into view when a new step follows one of them.
 */
import { useRef, useState } from 'react';
import {
  applyImport,
  caseReferenceProblems,
  backupFileName,
  backupText,
  exportBackup,
  planImport,
  shownProblems,
  TABLE_NAMES,
  type Backup,
  type ImportChoice,
  type ImportPlan,
} from '../../../db/backup';
import { getDb } from '../../../db/db';
import { plural } from '../../../lib/format';
import { rowCount } from '../../../db/backup';
import { loadCases } from '../../../db/cases';
import { checkBackupFile, MAX_BACKUP_BYTES, megabytes, type CheckProgress } from './backup-check';
import { downloadText } from '../../../lib/download';

/**
 * The questions of a checked backup whose case study is neither in the file, in the bank nor one
 * of the learner's stored cases (the worker knows only the file): how many, and the refusals
 * shown (at most ten).
 */
async function unknownCases(backup: Backup): Promise<{ count: number; shown: string[] }> {
  // The starter bank's cases: loaded with the first import, not with Settings.
  const { isKnownCase } = await import('../../quiz/bank');
  const stored = new Set((await loadCases()).rows.map((r) => r.id));
  const inFile = new Set(backup.tables.cases.map((c) => c.id));
  const all = caseReferenceProblems(
    backup.tables.questions,
    (id) => inFile.has(id) || stored.has(id) || isKnownCase(id),
  );
  return { count: all.length, shown: shownProblems(all) };
}

export type ImportState =
  | { step: 'idle' }
  | { step: 'exported'; text: string }
  | { step: 'export-failed'; reason: string }
  | { step: 'checking'; file: string; size: number; progress: CheckProgress | null }
  | { step: 'refused'; file: string; reason: string; problems: string[] }
  | { step: 'confirm'; file: string; backup: Backup; plan: ImportPlan; choice: ImportChoice }
  | { step: 'writing'; file: string }
  | { step: 'done'; file: string; plan: ImportPlan };

/** "12 questions, 3 answers": the rows of a backup in words. */
export function countRows(backup: Backup): string {
  const parts = TABLE_NAMES.filter((t) => backup.tables[t].length > 0).map((t) =>
    rowCount(t, backup.tables[t].length),
  );
  return parts.length ? parts.join(', ') : 'no rows at all';
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Saves the backup as a file through a download link; returns what to tell the learner. */
async function download(): Promise<string> {
  const { backup, skipped, orphans } = await exportBackup(getDb());
  const text = backupText(backup);
  downloadText(backupFileName(backup), text, 'application/json');
  const first = skipped[0];
  const orphan = orphans[0];
  // In bytes (UTF-8), as the import measures the file.
  const size = new Blob([text]).size;
  return (
    `Saved ${backupFileName(backup)} (${megabytes(size)}): ${countRows(backup)}.` +
    (size > MAX_BACKUP_BYTES
      ? ` It is larger than the ${megabytes(MAX_BACKUP_BYTES)} an import reads: delete gallery images or chats with pictures you no longer need, and export again.`
      : '') +
    (first
      ? ` ${plural(skipped.length, 'stored row')} could not be read and ${skipped.length === 1 ? 'was' : 'were'} left out (first: ${first.table} “${first.key}”, ${first.problem}).`
      : '') +
    (orphan
      ? ` ${plural(orphans.length, 'stored row')} whose parent is gone ${orphans.length === 1 ? 'was' : 'were'} left out (first: ${orphan.table} “${orphan.key}”: ${orphan.problem}).`
      : '')
  );
}

/**
 * Export and import of the learner's data: the file check in the worker, the confirmation, the
 * write and their messages. Long on purpose: one flow (pick, check, confirm, write, report) whose
 * steps share the same state.
 */
export function useBackup() {
  const [state, setState] = useState<ImportState>({ step: 'idle' });
  const [attempt, setAttempt] = useState(0);
  /** The import being checked; a newer one (or Cancel) makes an older one's result stale. */
  const current = useRef<AbortController | null>(null);

  const doExport = async () => {
    setAttempt((n) => n + 1);
    try {
      setState({ step: 'exported', text: await download() });
    } catch (error) {
      setState({
        step: 'export-failed',
        reason: `The backup could not be made, so no file was saved (${messageOf(error)}). Try again; if it fails again, delete gallery images or chats with pictures you no longer need.`,
      });
    }
  };

  const read = async (file: File) => {
    current.current?.abort();
    const mine = new AbortController();
    current.current = mine;
    const stale = () => current.current !== mine;
    setAttempt((n) => n + 1);
    setState({ step: 'checking', file: file.name, size: file.size, progress: null });
    const parsed = await checkBackupFile(
      file,
      (progress) => {
        if (!stale()) setState({ step: 'checking', file: file.name, size: file.size, progress });
      },
      mine.signal,
    );
    if (stale()) return;
    if (!parsed.ok) {
      setState({ step: 'refused', file: file.name, ...parsed });
      return;
    }
    try {
      const unknown = await unknownCases(parsed.backup);
      if (stale()) return;
      if (unknown.count > 0) {
        setState({
          step: 'refused',
          file: file.name,
          reason: `The backup has ${plural(unknown.count, 'question')} whose case study is missing (not in the file, the bank or your case studies), so nothing was imported.`,
          problems: unknown.shown,
        });
        return;
      }
      const plan = await planImport(getDb(), parsed.backup);
      if (stale()) return;
      setState({
        step: 'confirm',
        file: file.name,
        backup: parsed.backup,
        plan,
        choice: 'keep-newer',
      });
    } catch (error) {
      if (stale()) return;
      setState({
        step: 'refused',
        file: file.name,
        reason: `The backup could not be compared with your data (${messageOf(error)}).`,
        problems: [],
      });
    }
  };

  const apply = async (confirm: Extract<ImportState, { step: 'confirm' }>) => {
    setState({ step: 'writing', file: confirm.file });
    try {
      const plan = await applyImport(getDb(), confirm.backup, confirm.choice);
      setState({ step: 'done', file: confirm.file, plan });
    } catch (error) {
      setState({
        step: 'refused',
        file: confirm.file,
        reason: `The import failed while writing, so nothing was changed (${messageOf(error)}).`,
        problems: [],
      });
    }
  };

  return {
    state,
    attempt,
    busy: state.step === 'checking' || state.step === 'writing',
    doExport,
    read,
    apply,
    choose: (choice: ImportChoice) =>
      setState((s) => (s.step === 'confirm' ? { ...s, choice } : s)),
    cancel: () => {
      current.current?.abort();
      current.current = null;
      setState({ step: 'idle' });
    },
  };
}
