/**
 * Stratum's one IndexedDB database (Dexie). Versions only ever add: a new version declares its
 * stores and, where rows change shape, an upgrade that keeps every row.
 */
import Dexie, { type Table } from 'dexie';
import type {
  Attempt,
  CaseRow,
  CustomDatasetRow,
  DiffusionModelRow,
  EvalJudgementRow,
  EvalRatingRow,
  EvalRunRow,
  Conversation,
  ExamSession,
  GalleryImage,
  NoteProgress,
  PendingQuestionRow,
  QuestionReport,
  QuestionRow,
  RagIndex,
  RagVector,
  ReviewCard,
  SessionKind,
  SessionRow,
  StudyPrefs,
  TokenExperiment,
} from './schema';
import { markUnansweredExamRows } from './upgrades';

export class StratumDb extends Dexie {
  noteProgress!: Table<NoteProgress, string>;
  experiments!: Table<TokenExperiment, string>;
  images!: Table<GalleryImage, string>;
  attempts!: Table<Attempt, string>;
  questions!: Table<QuestionRow, string>;
  reports!: Table<QuestionReport, string>;
  reviewCards!: Table<ReviewCard, string>;
  exams!: Table<ExamSession, string>;
  conversations!: Table<Conversation, string>;
  pendingQuestions!: Table<PendingQuestionRow, string>;
  sessions!: Table<SessionRow, SessionKind>;
  prefs!: Table<StudyPrefs, string>;
  cases!: Table<CaseRow, string>;
  ragIndexes!: Table<RagIndex, string>;
  ragVectors!: Table<RagVector, [string, string]>;
  evalRuns!: Table<EvalRunRow, string>;
  evalRatings!: Table<EvalRatingRow, string>;
  customDatasets!: Table<CustomDatasetRow, string>;
  evalJudgements!: Table<EvalJudgementRow, string>;
  diffusionModels!: Table<DiffusionModelRow, string>;

  constructor(name = 'stratum') {
    super(name);
    this.version(1).stores({
      // Primary key noteId; indexes for "read" counts and the bookmark list.
      noteProgress: 'noteId, lastOpenedAt, bookmarkedAt',
    });
    // v2 adds the labs' saved experiments; v1 tables and rows carry over unchanged.
    this.version(2).stores({
      experiments: 'id, createdAt, kind',
    });
    // v3 adds the diffusion lab's image gallery.
    this.version(3).stores({
      images: 'id, createdAt',
    });
    // v4 adds practice attempts.
    this.version(4).stores({
      attempts: 'id, questionId, at',
    });
    // v5: the learner's own questions (generated, imported, edited), reports, FSRS cards and
    // mock exams. Attempts gain a `mode` index; v4 rows keep their data (mode 'practice').
    this.version(5).stores({
      attempts: 'id, questionId, at, mode',
      questions: 'id, updatedAt',
      reports: 'id, questionId, at',
      reviewCards: 'questionId, due',
      exams: 'id, startedAt',
    });
    // v6 adds the playground's saved chats; every earlier table and row carries over unchanged.
    this.version(6).stores({
      conversations: 'id, updatedAt',
    });
    // v7: a compound index so the due queue reads only today's review answers, not every
    // answer of the day. Rows are unchanged.
    this.version(7).stores({
      attempts: 'id, questionId, at, mode, [mode+at]',
    });
    // v8 adds generated questions waiting for review, ordered by their place in the list; every
    // earlier table and row carries over unchanged.
    this.version(8).stores({
      pendingQuestions: 'id, position',
    });
    // v9: work in progress (a practice or review session, a chat draft; one row per kind) and the
    // study settings. Exam rows written for questions left unanswered are marked, not deleted:
    // they were never attempts.
    this.version(9)
      .stores({ sessions: 'kind', prefs: 'id' })
      .upgrade((tx) => markUnansweredExamRows(tx));
    // v10 adds the learner's own case-study scenarios and the knowledge bases lab's vector
    // indexes (one row per index, one per chunk vector); earlier tables and rows are unchanged.
    this.version(10).stores({
      cases: 'id, updatedAt',
      ragIndexes: 'id, updatedAt',
      ragVectors: '[indexId+chunkId], indexId',
    });
    // v11 adds the evaluation lab's runs and the learner's ratings, and the customization lab's
    // datasets; earlier tables and rows are unchanged.
    this.version(11).stores({
      evalRuns: 'id, updatedAt',
      evalRatings: 'id, runId',
      customDatasets: 'id, updatedAt',
    });
    // v12 adds the evaluation lab's model-as-judge results (one row per judge run over a saved
    // run) and the diffusion lab's learner-trained denoisers; earlier tables and rows are unchanged.
    this.version(12).stores({
      evalJudgements: 'id, runId',
      diffusionModels: 'id, updatedAt',
    });
  }
}

let instance: StratumDb | null = null;
export function getDb(): StratumDb {
  instance ??= new StratumDb();
  return instance;
}
/** For tests: use another database (e.g. on fake-indexeddb). */
export function setDb(db: StratumDb | null): void {
  instance = db;
}
