import { mkdir, mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { writeAtomically } from '../../electron/main/write-atomically';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-atomic-'));
});

describe('writeAtomically', () => {
  it('replaces the file with the new text, readable only by its owner, leaving no temp file', async () => {
    const path = join(dir, 'data.json');
    await writeFile(path, 'old');
    await writeAtomically(path, 'new text\n');
    expect(await readFile(path, 'utf8')).toBe('new text\n');
    if (process.platform !== 'win32') expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('removes its temp file when the rename fails, and rethrows', async () => {
    const path = join(dir, 'data.json');
    await mkdir(path);
    await expect(writeAtomically(path, 'text')).rejects.toMatchObject({ code: 'EISDIR' });
    expect(await readdir(dir)).toEqual(['data.json']);
  });

  it('rethrows when the folder is missing, creating nothing', async () => {
    await expect(writeAtomically(join(dir, 'gone', 'data.json'), 'text')).rejects.toMatchObject({
      code: 'ENOENT',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('gives concurrent writers their own temp files', async () => {
    const path = join(dir, 'data.json');
    await Promise.all(['a', 'b', 'c'].map((t) => writeAtomically(path, t)));
    expect(['a', 'b', 'c']).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['data.json']);
  });
});
