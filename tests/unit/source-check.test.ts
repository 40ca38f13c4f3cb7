/**
 * The renderer's passage check (cached per note) agrees with the shared passageOccursIn on every
 * bank question, and refuses an unknown note or a passage the note does not contain.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { passageOccursIn } from '../../shared/question-checks';
import { QuestionFile } from '../../shared/questions';
import { makeSourceCheck } from '../../renderer/src/features/quiz/source-check';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

const dir = join(CONTENT_DIR, 'questions');
const bank = readdirSync(dir).flatMap((f) =>
  QuestionFile.parse(JSON.parse(readFileSync(join(dir, f), 'utf8'))),
);
const corpus = loadCorpus();
const check = makeSourceCheck(corpus.noteById);

describe('makeSourceCheck', () => {
  it('agrees with passageOccursIn on the whole bank, including altered passages', () => {
    for (const q of bank) {
      const note = corpus.noteById.get(q.sourceNoteId)!;
      expect(check(q).length === 0, q.id).toBe(passageOccursIn(q.sourcePassage, note.body));
      const altered = { ...q, sourcePassage: `${q.sourcePassage} Never written in any note.` };
      expect(check(altered), q.id).toEqual([
        `sourcePassage: not found word for word in the note “${note.title}”`,
      ]);
    }
    expect(bank.length).toBeGreaterThan(200);
  });

  it('names an unknown note', () => {
    expect(check({ ...bank[0]!, sourceNoteId: 'no-such-note' })).toEqual([
      'sourceNoteId: there is no note "no-such-note"',
    ]);
  });
});
