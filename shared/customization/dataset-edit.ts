/**
 * Editing a checked dataset one line at a time, as the lab's "fix in place" does: replacing a line
 * re-checks that line only; deleting one renumbers the lines after it (their checks do not depend
 * on their number). The caller keeps the lines' text beside the checks; both stay in file order.
 */
import { utf8Bytes } from './tokens';
import { checkLine, type DatasetProblem, type DatasetTarget, type LineCheck } from './validate';

export interface CheckedLines {
  /** Each line's text, without its line break. */
  texts: string[];
  /** Each line's check, same order (line numbers 1..n). */
  checks: LineCheck[];
  /** UTF-8 size of the file: the lines joined with "\n" and a final newline. */
  fileBytes: number;
}

/** The file's size for lines written one per line with a final newline. */
export function jsonlBytes(texts: readonly string[]): number {
  return texts.reduce((n, t) => n + utf8Bytes(t) + 1, 0);
}

/** Replaces line `line` (1-based) with `text` and re-checks it; the others are unchanged. */
export function replaceLine(
  data: CheckedLines,
  line: number,
  text: string,
  target: DatasetTarget,
): CheckedLines {
  const i = line - 1;
  if (i < 0 || i >= data.texts.length) throw new RangeError(`There is no line ${line}.`);
  const texts = data.texts.slice();
  const checks = data.checks.slice();
  const before = texts[i]!;
  texts[i] = text;
  checks[i] = checkLine(text, line, target);
  return { texts, checks, fileBytes: data.fileBytes - utf8Bytes(before) + utf8Bytes(text) };
}

const renumber = (p: DatasetProblem, line: number): DatasetProblem => ({ ...p, line });

/** Deletes line `line` (1-based); the lines after it move up one, their problems too. */
export function deleteLine(data: CheckedLines, line: number): CheckedLines {
  const i = line - 1;
  if (i < 0 || i >= data.texts.length) throw new RangeError(`There is no line ${line}.`);
  const removed = data.texts[i]!;
  const texts = [...data.texts.slice(0, i), ...data.texts.slice(i + 1)];
  const checks = [
    ...data.checks.slice(0, i),
    ...data.checks.slice(i + 1).map((c) => ({
      ...c,
      line: c.line - 1,
      problems: c.problems.map((p) => renumber(p, c.line - 1)),
      warnings: c.warnings.map((p) => renumber(p, c.line - 1)),
    })),
  ];
  return { texts, checks, fileBytes: data.fileBytes - utf8Bytes(removed) - 1 };
}

/** Appends lines at the end, checking each. */
export function appendLines(
  data: CheckedLines,
  added: readonly string[],
  target: DatasetTarget,
): CheckedLines {
  const texts = [...data.texts, ...added];
  const checks = [
    ...data.checks,
    ...added.map((t, k) => checkLine(t, data.texts.length + k + 1, target)),
  ];
  return { texts, checks, fileBytes: data.fileBytes + jsonlBytes(added) };
}
