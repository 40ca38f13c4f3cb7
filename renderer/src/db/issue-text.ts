/** A zod issue as a sentence, for refusals shown to the learner. Pure: no database code. */
import type { z } from 'zod';

/** A zod issue as a sentence: "options.2.text: Too small ...". */
export function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}

/** A row's key as text for a "skipped" notice: a string as it is, anything else as JSON. */
export function keyText(key: unknown): string {
  return typeof key === 'string' ? key : (JSON.stringify(key) ?? '?');
}
