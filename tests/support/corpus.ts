/** Loads the study corpus from disk the way the renderer bundles it (for tests and benchmarks). */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildCorpus, type Corpus } from '../../shared/notes';

export const CONTENT_DIR = resolve(import.meta.dirname, '../../content');

export function readContentFiles(sub: 'notes' | 'glossary', ext: '.md' | '.json') {
  const dir = join(CONTENT_DIR, sub);
  return (
    readdirSync(dir)
      // Upper-case Markdown files (OUTLINE.md) are for authors, not the app.
      .filter((f) => f.endsWith(ext) && !(ext === '.md' && /^[A-Z]+\.md$/.test(f)))
      .map((f) => ({ file: `content/${sub}/${f}`, raw: readFileSync(join(dir, f), 'utf8') }))
  );
}

export function loadCorpus(): Corpus {
  return buildCorpus(readContentFiles('notes', '.md'), readContentFiles('glossary', '.json'));
}
