/**
 * Checking a JSON Lines prompt dataset as it streams in, chunk by chunk, with the same rules and
 * messages as `checkDataset` (shared/eval-dataset.ts): a byte-order mark skipped with a note, LF
 * or CRLF, a final newline not starting another line, Stratum's line guard, Bedrock's 1,000-prompt
 * job limit noted. The lab's worker feeds it a file's decoded text so a 5,000-line file is checked
 * off the UI thread with progress.
 */
import {
  BEDROCK_MAX_PROMPTS_PER_JOB,
  STRATUM_DATASET_GUARDS,
  checkDatasetLine,
  type DatasetCheck,
  type DatasetCheckOptions,
  type DatasetLineOk,
  type DatasetLineProblem,
} from '../../../../shared/eval-dataset';
import { formatCount as count } from '../format';

export interface StreamingDatasetCheck {
  /** Feeds decoded text; returns the number of lines checked so far. */
  push(text: string): number;
  /** Ends the input and returns the whole check. */
  finish(): DatasetCheck;
}

export function streamingDatasetCheck(options: DatasetCheckOptions = {}): StreamingDatasetCheck {
  const valid: DatasetLineOk[] = [];
  const problems: DatasetLineProblem[] = [];
  const notes: string[] = [];
  let carry = '';
  let first = true;
  let lines = 0;
  let skipped = 0;
  const take = (raw: string) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (lines >= STRATUM_DATASET_GUARDS.maxLines) {
      skipped++;
      return;
    }
    lines++;
    const result = checkDatasetLine(text, lines, options);
    if (result.ok) valid.push(result);
    else problems.push(result);
  };
  return {
    push(chunk) {
      let text = carry + chunk;
      if (first && text.length > 0) {
        first = false;
        if (text.startsWith('\uFEFF')) {
          text = text.slice(1);
          notes.push(
            'The file starts with a byte-order mark; Stratum skipped it. AWS documents no rule about one, so saving as UTF-8 without a BOM is the safe choice for Bedrock.',
          );
        }
      }
      const parts = text.split('\n');
      carry = parts.pop() ?? '';
      for (const part of parts) take(part);
      return lines;
    },
    finish() {
      if (carry !== '') take(carry);
      carry = '';
      if (skipped > 0) {
        notes.push(
          `Only the first ${count(lines)} of ${count(lines + skipped)} lines were read (Stratum's limit).`,
        );
      }
      const exceedsJobLimit = valid.length > BEDROCK_MAX_PROMPTS_PER_JOB;
      if (exceedsJobLimit) {
        notes.push(
          `${count(valid.length)} valid prompts: Bedrock runs at most ${count(BEDROCK_MAX_PROMPTS_PER_JOB)} in one evaluation job, so an export for Bedrock must be split.`,
        );
      }
      return { valid, problems, lines, notes, exceedsJobLimit };
    },
  };
}
