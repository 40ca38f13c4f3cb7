/**
 * Retrieval quality with the question bank as the labelled test set. Every bank question quotes
 * `sourcePassage` word for word from its `sourceNoteId` note (shared/question-checks
 * `passageOccursIn`), so for a question used as a query the right chunks to retrieve are the ones
 * that hold that passage.
 *
 * Precisely:
 * 1. The passage is located in the note body as a sequence of words: lower-case ASCII letter and
 *    digit runs of `comparableText(passage)` (the normalisation `passageOccursIn` uses, final full
 *    stop dropped), matched consecutively against the same runs of the body with the text that
 *    `markdownToPlainText` removes (code blocks, link targets, callout markers) blanked out in
 *    place, so each body word keeps its offsets. Punctuation is ignored. The first occurrence
 *    counts; a passage that is not found (or has no word) makes the question unlabelled.
 * 2. A chunk holds a passage word when the word's span lies wholly inside the chunk's
 *    [start, end). Its coverage is the share of the passage's words it holds.
 * 3. The relevant chunks are those with coverage >= 1/2. A passage split across two chunks makes
 *    relevant the one holding most of it (both at exactly half each, and both when overlap gives
 *    each half or more). When no chunk holds half (a passage spread over three or more small
 *    chunks), the chunks with the highest coverage are relevant.
 *
 * Metrics over queries, each with a ranked list of chunk ids and its relevant set:
 * - recall@k: the share of queries with at least one relevant chunk in the top k (the hit rate;
 *   with one right passage per question this is the usual reading of recall@k for RAG).
 * - MRR: the mean over queries of 1 / (rank of the first relevant chunk), 0 when none is in the
 *   list (the list is as long as the retriever returned: cut it to score MRR@k).
 */
import { comparableText } from '../../../../shared/question-checks';
import { CaseStudy, QuestionFile, type Question } from '../../../../shared/questions';
import type { Chunk } from './chunking';

export interface PassageSpan {
  /** Offsets of the passage's first and last word in the body (end exclusive). */
  start: number;
  end: number;
  /** Body offsets of each passage word, in order. */
  words: { start: number; end: number }[];
}

const WORD = /[A-Za-z0-9]+/g;

/**
 * The body with what `markdownToPlainText` drops replaced by spaces of the same length (offsets
 * unchanged): fenced code, callout marker lines, and link targets `](...)` and image marks.
 */
function blankMarkup(body: string): string {
  const blank = (m: string) => ' '.repeat(m.length);
  return body
    .replace(/```[\s\S]*?```/g, blank)
    .replace(/^> \[![A-Z]+\]\s*$/gm, blank)
    .replace(/\]\([^)]*\)/g, blank);
}

/** Words (lower case) of a note body with their offsets, for `locatePassage`. */
export interface BodyWords {
  words: string[];
  starts: Int32Array;
  ends: Int32Array;
}

export function bodyWords(body: string): BodyWords {
  const words: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of blankMarkup(body).matchAll(WORD)) {
    words.push(m[0].toLowerCase());
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { words, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Where a quoted passage is in a note body (see the rule above), or null. */
export function locatePassage(passage: string, body: string | BodyWords): PassageSpan | null {
  const hay = typeof body === 'string' ? bodyWords(body) : body;
  const needle =
    comparableText(passage)
      .replace(/\.$/, '')
      .match(/[a-z0-9]+/g) ?? [];
  if (needle.length === 0) return null;
  const first = needle[0];
  outer: for (let i = 0; i + needle.length <= hay.words.length; i++) {
    if (hay.words[i] !== first) continue;
    for (let j = 1; j < needle.length; j++) if (hay.words[i + j] !== needle[j]) continue outer;
    const words = needle.map((_, j) => ({ start: hay.starts[i + j]!, end: hay.ends[i + j]! }));
    return { start: words[0]!.start, end: words[words.length - 1]!.end, words };
  }
  return null;
}

/** Share of the passage's words lying wholly inside the chunk, 0..1. */
export function passageCoverage(chunk: Pick<Chunk, 'start' | 'end'>, span: PassageSpan): number {
  let held = 0;
  for (const w of span.words) if (w.start >= chunk.start && w.end <= chunk.end) held++;
  return span.words.length === 0 ? 0 : held / span.words.length;
}

/** The relevant chunk ids of one note's chunks for a located passage (rule 3 above). */
export function relevantChunks(
  chunks: readonly Pick<Chunk, 'id' | 'start' | 'end'>[],
  span: PassageSpan,
): string[] {
  const covered = chunks.map((c) => ({ id: c.id, coverage: passageCoverage(c, span) }));
  const half = covered.filter((c) => c.coverage >= 0.5);
  if (half.length > 0) return half.map((c) => c.id);
  const best = Math.max(0, ...covered.map((c) => c.coverage));
  return best > 0 ? covered.filter((c) => c.coverage === best).map((c) => c.id) : [];
}

export interface LabelledQuery {
  questionId: string;
  /** The query text: the question's stem. */
  query: string;
  noteId: string;
  relevant: string[];
}

export interface TestSet {
  queries: LabelledQuery[];
  /** Questions left out: their note is not in the corpus, or the passage was not found in it. */
  unlabelled: { questionId: string; reason: string }[];
}

/**
 * The bank as a test set over one chunking: one query per question (its stem), labelled with the
 * relevant chunks of its source note.
 */
export function buildTestSet(
  questions: readonly Pick<Question, 'id' | 'stem' | 'sourceNoteId' | 'sourcePassage'>[],
  notes: readonly { id: string; body: string }[],
  chunks: readonly Pick<Chunk, 'id' | 'noteId' | 'start' | 'end'>[],
): TestSet {
  const bodies = new Map(notes.map((n) => [n.id, n.body]));
  const wordsByNote = new Map<string, BodyWords>();
  const chunksByNote = new Map<string, Pick<Chunk, 'id' | 'noteId' | 'start' | 'end'>[]>();
  for (const c of chunks) {
    const list = chunksByNote.get(c.noteId);
    if (list) list.push(c);
    else chunksByNote.set(c.noteId, [c]);
  }
  const out: TestSet = { queries: [], unlabelled: [] };
  for (const q of questions) {
    const body = bodies.get(q.sourceNoteId);
    if (body === undefined) {
      out.unlabelled.push({ questionId: q.id, reason: `no note ${q.sourceNoteId}` });
      continue;
    }
    let words = wordsByNote.get(q.sourceNoteId);
    if (!words) wordsByNote.set(q.sourceNoteId, (words = bodyWords(body)));
    const span = locatePassage(q.sourcePassage, words);
    const relevant = span ? relevantChunks(chunksByNote.get(q.sourceNoteId) ?? [], span) : [];
    if (relevant.length === 0) {
      out.unlabelled.push({ questionId: q.id, reason: 'passage not found in its note' });
      continue;
    }
    out.queries.push({ questionId: q.id, query: q.stem, noteId: q.sourceNoteId, relevant });
  }
  return out;
}

/** Share of queries with a relevant id in the top k of their ranked list; 0 for no queries. */
export function recallAtK(
  runs: readonly { ranked: readonly string[]; relevant: readonly string[] }[],
  k: number,
): number {
  if (runs.length === 0) return 0;
  let hits = 0;
  for (const run of runs) {
    const relevant = new Set(run.relevant);
    if (run.ranked.slice(0, k).some((id) => relevant.has(id))) hits++;
  }
  return hits / runs.length;
}

/** Mean reciprocal rank of the first relevant id (0 for a query with none listed). */
export function meanReciprocalRank(
  runs: readonly { ranked: readonly string[]; relevant: readonly string[] }[],
): number {
  if (runs.length === 0) return 0;
  let sum = 0;
  for (const run of runs) {
    const relevant = new Set(run.relevant);
    const at = run.ranked.findIndex((id) => relevant.has(id));
    if (at >= 0) sum += 1 / (at + 1);
  }
  return sum / runs.length;
}

/**
 * Every question of the bank from parsed JSON files: question files (arrays of questions) and
 * case-study files (each a case with its questions). Throws on a file that does not parse.
 */
export function bankQuestions(questionFiles: unknown[], caseFiles: unknown[] = []): Question[] {
  return [
    ...questionFiles.flatMap((f) => QuestionFile.parse(f)),
    ...caseFiles.flatMap((f) => CaseStudy.parse(f).questions),
  ];
}

export interface RetrievalFigures {
  queries: number;
  unlabelled: number;
  recallAt1: number;
  recallAt5: number;
  mrr: number;
}

/** recall@1, recall@5 and MRR of a retriever (query -> ranked chunk ids) over a test set. */
export function evaluateRetriever(
  testSet: TestSet,
  retrieve: (query: string) => readonly string[],
): RetrievalFigures {
  const runs = testSet.queries.map((q) => ({ ranked: retrieve(q.query), relevant: q.relevant }));
  return {
    queries: runs.length,
    unlabelled: testSet.unlabelled.length,
    recallAt1: recallAtK(runs, 1),
    recallAt5: recallAtK(runs, 5),
    mrr: meanReciprocalRank(runs),
  };
}
