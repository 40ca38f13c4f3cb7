/** The chunking strategies as the Bedrock console names them, for the strategy picker. */
import type { ChunkingStrategy } from '../../../lib/rag/chunking';

export const STRATEGY_CHOICES: readonly { value: ChunkingStrategy; label: string }[] = [
  { value: 'FIXED_SIZE', label: 'Fixed-size chunking' },
  { value: 'HIERARCHICAL', label: 'Hierarchical chunking' },
  { value: 'SEMANTIC', label: 'Semantic chunking' },
  { value: 'NONE', label: 'No chunking' },
];
