/**
 * Bench figure for the backup (printed by bench/run.ts): importing a file of 10,000 generated
 * questions into a fresh database. Parsing and checking (JSON, zod, rule checks, the passage check
 * against the notes) and the one-transaction merge are timed separately. IndexedDB here is
 * fake-indexeddb, a pure-JS implementation in Node that is slower per row than Chromium's, so the
 * write figure is an upper bound.
 */
import 'fake-indexeddb/auto';
import { markdownToPlainText } from '../shared/question-checks';
import type { Question } from '../shared/questions';
import { StratumDb } from '../renderer/src/db/db';
import { type QuestionRow } from '../renderer/src/db/schema';
import { applyImport, backupText, parseBackup, type Backup } from '../renderer/src/db/backup';
import { BACKUP_VERSION, emptyTables } from '../renderer/src/db/backup-format';
import { makeSourceCheck } from '../renderer/src/lib/source-check';
import { loadCorpus } from '../tests/support/corpus';

/** A valid generated item quoting a real sentence of a real note. */
function question(
  i: number,
  note: { id: string; domain: number; tasks: string[] },
  passage: string,
): Question {
  return {
    id: `gen-bench-${i}`,
    type: 'single',
    stem: `Benchmark scenario ${i}: a team reads the note on ${note.id} and must choose one option. Which is right?`,
    domain: note.domain,
    task: note.tasks[0]!,
    sourceNoteId: note.id,
    sourcePassage: passage,
    difficulty: (['easy', 'medium', 'hard'] as const)[i % 3]!,
    explanation: `Option A is right for scenario ${i}, as the quoted passage says.`,
    origin: {
      kind: 'generated',
      modelId: 'amazon.nova-micro-v1:0',
      promptVersion: 'bench',
      createdAt: '2026-11-23T10:00:00.000Z',
    },
    tags: ['bench'],
    options: ['a', 'b', 'c', 'd'].map((id) => ({ id, text: `Option ${id} of scenario ${i}` })),
    answer: 'a',
    whyWrong: { b: 'Not this one.', c: 'Not this one either.', d: 'Also wrong.' },
  };
}

/** `count` valid generated question rows, each quoting a real sentence of a real note. */
export function benchQuestionRows(count: number): QuestionRow[] {
  const corpus = loadCorpus();
  // Questions belong to a domain: the exam-wide note (domain 0) has none to quote for.
  const notes = corpus.notes
    .filter((n) => n.domain > 0)
    .map((n) => {
      const sentence = markdownToPlainText(n.body)
        .split(/(?<=\.)\s+/)
        .find((s) => s.length >= 40 && s.length <= 300);
      return { note: n, sentence: sentence! };
    });
  return Array.from({ length: count }, (_, i) => {
    const { note, sentence } = notes[i % notes.length]!;
    const q = question(i, note, sentence);
    return {
      id: q.id,
      question: q,
      deleted: false,
      createdAt: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      blindCheck: null,
    };
  });
}

export async function backupFigures(count = 10_000) {
  const corpus = loadCorpus();
  const rows = benchQuestionRows(count);
  const backup: Backup = {
    format: 'stratum-backup',
    version: BACKUP_VERSION,
    exportedAt: '2026-11-23T12:00:00.000Z',
    tables: { ...emptyTables(), questions: rows },
  };
  const text = backupText(backup);
  const check = makeSourceCheck(corpus.noteById);

  let t = performance.now();
  const parsed = parseBackup(text, check);
  const parseMs = performance.now() - t;
  if (!parsed.ok) throw new Error(`bench backup refused: ${parsed.reason} ${parsed.problems[0]}`);

  const db = new StratumDb(`stratum-bench-backup-${Date.now()}`);
  t = performance.now();
  const plan = await applyImport(db, parsed.backup, 'keep-newer');
  const writeMs = performance.now() - t;
  const stored = await db.questions.count();
  await db.delete();
  if (plan.questions.added !== count || stored !== count) throw new Error('bench import lost rows');
  return { count, bytes: text.length, parseMs, writeMs };
}
