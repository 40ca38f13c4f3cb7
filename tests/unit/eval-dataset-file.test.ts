import { describe, expect, it } from 'vitest';
import { checkDatasetFile } from '../../renderer/src/workers/eval-dataset-file';

const line = '{"prompt":"What is the capital of France?","referenceResponse":"Paris"}';
const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

describe('eval dataset file check (the Datasets tab worker)', () => {
  it('accepts a file that starts with a UTF-8 byte order mark and says it was removed', async () => {
    const file = new Blob([BOM, `${line}\n${line}\n`]);
    const progress: number[][] = [];
    const check = await checkDatasetFile(file, (...p) => progress.push(p));
    expect(check.valid).toHaveLength(2);
    expect(check.problems).toEqual([]);
    expect(check.valid[0]!.row.prompt).toBe('What is the capital of France?');
    expect(check.notes).toEqual([expect.stringMatching(/byte-order mark; Stratum skipped it/)]);
    // The byte count includes the mark's three bytes.
    expect(progress.at(-1)).toEqual([file.size, file.size, 2]);
  });

  it('adds no note to a file without one', async () => {
    const check = await checkDatasetFile(new Blob([`${line}\n`]));
    expect(check.valid).toHaveLength(1);
    expect(check.notes).toEqual([]);
  });
});
