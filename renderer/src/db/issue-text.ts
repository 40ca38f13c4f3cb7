/** A zod issue as a sentence, for refusals shown to the learner. Pure: no database code. */
import type { z } from 'zod';

/** A zod issue as a sentence: "options.2.text: Too small ...". */
export function issueText(issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('.');
  return path ? `${path}: ${issue.message}` : issue.message;
}
