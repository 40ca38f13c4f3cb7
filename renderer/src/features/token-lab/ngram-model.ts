/** The lab's small language model: Kneser-Ney trigrams trained on Stratum's own notes, once. */
import { trainKneserNey, type NgramModel } from '../../lib/ngram';
import { plainText } from '../../lib/search';
import { CORPUS } from '../../content/corpus';

let model: NgramModel | null = null;

export function notesModel(): NgramModel {
  model ??= trainKneserNey(CORPUS.notes.map((n) => `${n.title}. ${plainText(n.body)}`));
  return model;
}

export const TRAINING_WORDS = (): number => CORPUS.notes.reduce((s, n) => s + n.wordCount, 0);
