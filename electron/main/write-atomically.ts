/**
 * The one way the main process replaces a file: write a temp file beside it (mode 0600), fsync,
 * rename over the target. A crash never leaves half a file; a failure at any step removes the
 * temp file and rethrows, so no `.tmp` is left behind.
 */
import { open, rename, rm } from 'node:fs/promises';

let counter = 0;

/** A temp path beside `path`, unique within this process and across processes. */
function tempPathFor(path: string): string {
  counter += 1;
  return `${path}.${process.pid}.${Date.now()}.${counter}.tmp`;
}

export async function writeAtomically(path: string, text: string): Promise<void> {
  const temp = tempPathFor(path);
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true, recursive: false }).catch(() => undefined);
    throw error;
  }
}
