/** Evaluation metrics, pure and DOM-free: see each module's header for the exact definitions. */
export * from './text';
export * from './squad';
export * from './rouge';
export * from './bleu';
export * from './classification';
export * from './robustness';
export * from './builtin';
export * from './scoring';
export * from './bootstrap';
export * from './csv';
export * from './run-scoring';
export * from './run-plan';
export * from './open';
export * from './jsonl-check';
