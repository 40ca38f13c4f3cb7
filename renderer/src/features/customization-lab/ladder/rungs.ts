/**
 * The ladder of ways to adapt a foundation model, as the notes teach it (content/notes/
 * customization-ladder.md, fine-tuning.md, prompt-engineering.md, rag-and-knowledge-bases.md,
 * foundation-models.md). Cost and effort are RELATIVE ranks (1 lowest to 5 highest), the notes'
 * ordering, not measured figures.
 */
export type Changes = 'prompt' | 'context' | 'weights' | 'new model';

export interface Rung {
  id: string;
  name: string;
  changes: Changes;
  /** Relative rank, 1 (lowest) to 5 (highest). */
  cost: number;
  effort: number;
  data: string;
  when: string;
  /** The note that teaches it and the section (a `## ` or `### ` heading) to read. */
  note: { id: string; section: string };
  /** Beside the ladder rather than on it (distillation). */
  aside?: boolean;
}

export const RUNGS: readonly Rung[] = [
  {
    id: 'prompt',
    name: 'Prompt engineering',
    changes: 'prompt',
    cost: 1,
    effort: 1,
    data: 'A few good examples (few-shot) or none',
    when: 'Format, tone, simple task behaviour',
    note: { id: 'prompt-engineering', section: 'The named techniques' },
  },
  {
    id: 'rag',
    name: 'Retrieval-augmented generation (RAG)',
    changes: 'context',
    cost: 2,
    effort: 2,
    data: 'Your documents, chunked, embedded and indexed',
    when: 'Answers from private or changing knowledge, with citations',
    note: { id: 'rag-and-knowledge-bases', section: 'Why RAG' },
  },
  {
    id: 'fine-tuning',
    name: 'Fine-tuning',
    changes: 'weights',
    cost: 3,
    effort: 3,
    data: 'Labelled prompt and response pairs, typically hundreds to thousands',
    when: 'A specialised task style, consistently, across many requests',
    note: { id: 'fine-tuning', section: 'Instruction-based fine-tuning' },
  },
  {
    id: 'distillation',
    name: 'Distillation',
    changes: 'weights',
    cost: 3,
    effort: 2,
    data: 'Prompts typical of your use case (the teacher writes the answers)',
    when: 'A large model is good enough but too slow or costly at volume',
    note: { id: 'customization-ladder', section: 'Distillation: the side branch' },
    aside: true,
  },
  {
    id: 'continued-pre-training',
    name: 'Continued pre-training',
    changes: 'weights',
    cost: 4,
    effort: 4,
    data: 'Large amounts of unlabelled domain text',
    when: 'The model does not know the language of your field',
    note: { id: 'fine-tuning', section: 'Continued pre-training' },
  },
  {
    id: 'scratch',
    name: 'Training from scratch',
    changes: 'new model',
    cost: 5,
    effort: 5,
    data: 'Enormous, curated datasets',
    when: 'Almost never the answer for one company',
    note: { id: 'foundation-models', section: 'How a foundation model is trained' },
  },
];

export const CHANGES_LABEL: Record<Changes, string> = {
  prompt: 'The prompt',
  context: 'The context (retrieved text added to each prompt)',
  weights: 'The weights (a private custom model)',
  'new model': 'Everything: a new model',
};
