/** The starter question bank, bundled at build time and validated when first loaded. */
import { QuestionFile, type Question } from '../../../../shared/questions';

const files = import.meta.glob<unknown>('../../../../content/questions/*.json', {
  import: 'default',
  eager: true,
});

export const BANK: Question[] = Object.entries(files).flatMap(([path, data]) => {
  const parsed = QuestionFile.safeParse(data);
  if (!parsed.success) throw new Error(`${path} does not match the question schema.`);
  return parsed.data;
});

export const bankById = new Map(BANK.map((q) => [q.id, q]));
