/**
 * Identities the knowledge bases lab compares to tell whether a stored vector index still matches
 * what it would index now: a hash of the notes' text and a canonical key of a chunking
 * configuration. Pure and synchronous.
 */
import type { ChunkingConfig } from './chunking';

/**
 * Two 32-bit FNV-1a hashes (different offset bases) of every note's id and body, in order, as 16
 * hex digits. Not cryptographic: it only has to change when any note's text changes.
 */
export function notesContentHash(notes: readonly { id: string; body: string }[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  const add = (text: string) => {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193);
    }
    // A separator no note contains, so ("ab","c") and ("a","bc") differ.
    a = Math.imul(a ^ 0xffff, 0x01000193);
    b = Math.imul(b ^ 0xfffe, 0x01000193);
  };
  for (const note of notes) {
    add(note.id);
    add(note.body);
  }
  const hex = (x: number) => (x >>> 0).toString(16).padStart(8, '0');
  return `${hex(a)}${hex(b)}`;
}

/** The same text for equal configurations whatever their key order (and without extra keys). */
export function chunkingKey(config: ChunkingConfig): string {
  switch (config.strategy) {
    case 'FIXED_SIZE':
      return `FIXED_SIZE:${config.maxTokens}:${config.overlapPercentage}`;
    case 'HIERARCHICAL': {
      const [p, c] = config.levelConfigurations;
      return `HIERARCHICAL:${p.maxTokens}:${c.maxTokens}:${config.overlapTokens}`;
    }
    case 'SEMANTIC':
      return `SEMANTIC:${config.maxTokens}`;
    case 'NONE':
      return 'NONE';
  }
}

/** A short description in the console's words: "Fixed size, 300 tokens, 20% overlap". */
export function describeChunking(config: ChunkingConfig): string {
  switch (config.strategy) {
    case 'FIXED_SIZE':
      return `Fixed size, ${config.maxTokens} tokens, ${config.overlapPercentage}% overlap`;
    case 'HIERARCHICAL': {
      const [p, c] = config.levelConfigurations;
      return `Hierarchical, parent ${p.maxTokens} / child ${c.maxTokens} tokens, ${config.overlapTokens} overlap`;
    }
    case 'SEMANTIC':
      return `Semantic, up to ${config.maxTokens} tokens`;
    case 'NONE':
      return 'No chunking (one chunk per note)';
  }
}
