/**
 * What the model fills in when it writes a question, and how a filled-in draft becomes a stored
 * `Question` or a list of reasons it cannot.
 *
 * The draft is one flat shape for all four types (a `type` field plus optional type-specific
 * fields): a tool schema that is a union of four object types is harder for models to follow, and
 * `anyOf` is outside the small JSON Schema subset kept here (type, properties, required, items,
 * enum, description) so that every tool-capable Bedrock model accepts it. The draft has no id and
 * no origin: the main process adds them. Pure: no AWS calls here.
 */
import { z } from 'zod';
import type { GenerationSource, QuestionType } from './question-generation';
import { Question, questionProblems } from './questions';
import { passageOccursIn } from './question-checks';

/** The tool the model must call with its questions (forced tool use). */
export const QUESTIONS_TOOL_NAME = 'record_questions';

const DraftOption = z.object({ id: z.string(), text: z.string() }).strict();

/**
 * A draft as the model returns it. Deliberately loose (any strings, optional type-specific
 * fields) so that a bad draft yields reasons a person can read from the strict checks that follow,
 * rather than one opaque parse failure.
 */
export const DraftItem = z
  .object({
    type: z.enum(['single', 'multiple', 'ordering', 'matching']),
    sourceNoteId: z.string(),
    task: z.string(),
    difficulty: z.enum(['easy', 'medium', 'hard']),
    stem: z.string(),
    /** single / multiple: the answer options; ordering: the steps, in any order. */
    options: z.array(DraftOption).optional(),
    /** single: the one correct id; multiple: the correct ids; ordering: every id, in order. */
    correct: z.array(z.string()).optional(),
    /** single / multiple: why each wrong option is wrong. */
    whyWrong: z.array(z.object({ id: z.string(), reason: z.string() }).strict()).optional(),
    /** matching: the left-hand column. */
    prompts: z.array(DraftOption).optional(),
    /** matching: the right-hand column (may have one extra distractor). */
    choices: z.array(DraftOption).optional(),
    /** matching: which choice each prompt goes with. */
    pairs: z.array(z.object({ prompt: z.string(), choice: z.string() }).strict()).optional(),
    explanation: z.string(),
    sourcePassage: z.string(),
  })
  .strict();
export type DraftItem = z.infer<typeof DraftItem>;

/** A JSON value (what a tool's input schema document may contain). */
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

/** JSON Schema of one draft option (an id and a text). */
function optionSchema(what: string): JsonObject {
  return {
    type: 'object',
    properties: {
      id: { type: 'string', description: 'A single lower-case letter: a, b, c, ... in order.' },
      text: { type: 'string', description: what },
    },
    required: ['id', 'text'],
  };
}

/**
 * The tool's input schema: `{ questions: [draft, ...] }`, with the allowed note ids, task ids and
 * types as enums so the model cannot invent them. Only type, properties, required, items, enum
 * and description are used; lengths and counts are stated in descriptions and checked after.
 * Long on purpose: it is one JSON Schema literal.
 */
export function questionsToolSchema(
  sources: readonly GenerationSource[],
  types: readonly QuestionType[],
): JsonObject {
  return {
    type: 'object',
    properties: {
      questions: {
        type: 'array',
        items: draftItemSchema(sources, types),
        description: 'The new questions.',
      },
    },
    required: ['questions'],
  };
}

/** The tool the model must call with a case-study set (forced tool use). */
export const CASE_TOOL_NAME = 'record_case_study';

/**
 * The case-study tool's input schema: `{ title, scenario, questions: [draft, ...] }`, each draft
 * as in `questionsToolSchema`. `tasks` narrows the task enum to the set's task statement.
 */
export function caseToolSchema(
  sources: readonly GenerationSource[],
  types: readonly QuestionType[],
  task: string,
  count: number,
): JsonObject {
  return {
    type: 'object',
    properties: {
      title: {
        type: 'string',
        description: 'A short title for the case (5 to 120 characters), e.g. the company and need.',
      },
      scenario: {
        type: 'string',
        description:
          'The shared scenario, 200 to 2500 characters: the organisation, its data, constraints and requirements that the questions depend on.',
      },
      questions: {
        type: 'array',
        items: draftItemSchema(sources, types, [task]),
        description: `Exactly ${count} questions about the scenario; each needs details from it.`,
      },
    },
    required: ['title', 'scenario', 'questions'],
  };
}

/**
 * The JSON Schema of one draft question. Long on purpose: it is one JSON Schema literal.
 */
function draftItemSchema(
  sources: readonly GenerationSource[],
  types: readonly QuestionType[],
  onlyTasks?: readonly string[],
): JsonObject {
  const tasks = onlyTasks ? [...onlyTasks] : [...new Set(sources.flatMap((s) => s.tasks))].sort();
  const item: JsonObject = {
    type: 'object',
    properties: {
      type: {
        type: 'string',
        enum: [...types],
        description:
          'single: one correct option of 4 or 5. multiple: 2 or 3 correct options of 5 to 7. ordering: 3 to 5 steps to put in order. matching: 3 to 7 prompts to match with choices.',
      },
      sourceNoteId: {
        type: 'string',
        enum: sources.map((s) => s.noteId),
        description: 'The id of the note the question is based on.',
      },
      task: {
        type: 'string',
        enum: tasks,
        description: 'The exam task statement the question tests; one the source note teaches.',
      },
      difficulty: { type: 'string', enum: ['easy', 'medium', 'hard'] },
      stem: {
        type: 'string',
        description:
          'The question, 20 to 1500 characters. For multiple, end with "(Select TWO.)" or "(Select THREE.)" to match the number of correct options.',
      },
      options: {
        type: 'array',
        items: optionSchema('The option text, at most 1000 characters.'),
        description:
          'single: 4 or 5 options. multiple: 5 to 7 options. ordering: the 3 to 5 steps, shuffled. Not used for matching.',
      },
      correct: {
        type: 'array',
        items: { type: 'string' },
        description:
          'single: the one correct option id. multiple: the 2 or 3 correct option ids. ordering: every step id in the correct order. Not used for matching.',
      },
      whyWrong: {
        type: 'array',
        items: {
          type: 'object',
          properties: {
            id: { type: 'string', description: 'A wrong option id.' },
            reason: { type: 'string', description: 'Why that option is wrong.' },
          },
          required: ['id', 'reason'],
        },
        description: 'single and multiple: one entry for every wrong option, and only for those.',
      },
      prompts: {
        type: 'array',
        items: optionSchema('A prompt (left-hand column).'),
        description: 'matching only: 3 to 7 prompts.',
      },
      choices: {
        type: 'array',
        items: optionSchema('A choice (right-hand column).'),
        description: 'matching only: one choice per prompt, optionally one extra distractor.',
      },
      pairs: {
        type: 'array',
        items: {
          type: 'object',
          properties: { prompt: { type: 'string' }, choice: { type: 'string' } },
          required: ['prompt', 'choice'],
        },
        description: 'matching only: for every prompt id, the id of its choice.',
      },
      explanation: {
        type: 'string',
        description: 'Why the correct answer is correct, 20 to 2000 characters.',
      },
      sourcePassage: {
        type: 'string',
        description:
          'One or two sentences copied word for word from the source note (20 to 600 characters) that support the answer.',
      },
    },
    required: [
      'type',
      'sourceNoteId',
      'task',
      'difficulty',
      'stem',
      'explanation',
      'sourcePassage',
    ],
  };
  return item;
}

/** The JSON Schema keywords `questionsToolSchema` keeps to (a unit test checks every node). */
export const TOOL_SCHEMA_KEYWORDS: readonly string[] = [
  'type',
  'properties',
  'required',
  'items',
  'enum',
  'description',
];

export interface DraftContext {
  sources: readonly GenerationSource[];
  types: readonly QuestionType[];
  difficulty: 'easy' | 'medium' | 'hard' | 'mixed';
  modelId: string;
  promptVersion: string;
  /** ISO date-time stamped on the item. */
  createdAt: string;
  /** A fresh id for the item, e.g. `gen-` + random hex. */
  newId: () => string;
  /** For a case-study set: the case every item belongs to (set as the item's `caseId`). */
  caseId?: string;
  /** For a case-study set: the one task statement every item must test. */
  task?: string;
}

export type DraftOutcome =
  { ok: true; question: Question } | { ok: false; reasons: string[]; stem: string | null };

/** The first 160 characters of a stem, on one line, or null when there is none. */
export function stemExcerpt(stem: unknown): string | null {
  if (typeof stem !== 'string') return null;
  const line = stem.replace(/\s+/g, ' ').trim();
  if (line.length === 0) return null;
  return line.length > 160 ? `${line.slice(0, 159)}…` : line;
}

const FIELD_LABELS: Record<QuestionType, Record<string, string>> = {
  single: {},
  multiple: { answers: 'correct' },
  ordering: { items: 'options (steps)', answer: 'correct (order)' },
  matching: { answer: 'pairs' },
};

function issueReason(issue: z.ZodError['issues'][number], type: QuestionType): string {
  const [head, ...rest] = issue.path.map(String);
  const field = head === undefined ? 'item' : (FIELD_LABELS[type][head] ?? head);
  const where = [field, ...rest].join('.');
  return `${where}: ${issue.message}`;
}

function record(entries: readonly { key: string; value: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of entries) out[key] = value;
  return out;
}

/**
 * The strict Question built from a draft, or the reasons the draft's shape cannot make one. Long
 * on purpose: one case per question type, each short.
 */
function toQuestion(draft: DraftItem, ctx: DraftContext): { question: unknown; reasons: string[] } {
  const reasons: string[] = [];
  const common = {
    id: ctx.newId(),
    stem: draft.stem,
    domain: Number(draft.task.charAt(0)),
    task: draft.task,
    sourceNoteId: draft.sourceNoteId,
    sourcePassage: draft.sourcePassage,
    difficulty: draft.difficulty,
    explanation: draft.explanation,
    origin: {
      kind: 'generated' as const,
      modelId: ctx.modelId,
      promptVersion: ctx.promptVersion,
      createdAt: ctx.createdAt,
    },
    tags: [],
    ...(ctx.caseId ? { caseId: ctx.caseId } : {}),
  };
  const need = (field: keyof DraftItem, present: boolean) => {
    if (!present) reasons.push(`${field}: a ${draft.type} item needs ${field}`);
  };
  switch (draft.type) {
    case 'single':
    case 'multiple': {
      need('options', draft.options !== undefined);
      need('correct', draft.correct !== undefined);
      need('whyWrong', draft.whyWrong !== undefined);
      const correct = draft.correct ?? [];
      if (draft.type === 'single' && draft.correct !== undefined && correct.length !== 1) {
        reasons.push(
          `correct: a single-answer item has exactly one correct option (this one names ${correct.length})`,
        );
      }
      const whyWrong = record((draft.whyWrong ?? []).map((w) => ({ key: w.id, value: w.reason })));
      const question =
        draft.type === 'single'
          ? {
              ...common,
              type: 'single',
              options: draft.options ?? [],
              answer: correct[0] ?? '',
              whyWrong,
            }
          : {
              ...common,
              type: 'multiple',
              options: draft.options ?? [],
              answers: correct,
              whyWrong,
            };
      return { question, reasons };
    }
    case 'ordering':
      need('options', draft.options !== undefined);
      need('correct', draft.correct !== undefined);
      return {
        question: {
          ...common,
          type: 'ordering',
          items: draft.options ?? [],
          answer: draft.correct ?? [],
        },
        reasons,
      };
    case 'matching':
      need('prompts', draft.prompts !== undefined);
      need('choices', draft.choices !== undefined);
      need('pairs', draft.pairs !== undefined);
      return {
        question: {
          ...common,
          type: 'matching',
          prompts: draft.prompts ?? [],
          choices: draft.choices ?? [],
          answer: record((draft.pairs ?? []).map((p) => ({ key: p.prompt, value: p.choice }))),
        },
        reasons,
      };
  }
}

/**
 * Every check a generated item must pass, in order: the draft's shape, the strict Question
 * schema, the rule checks of ./questions, the requested types/difficulty and the source's tasks,
 * and the quoted passage against the source note's text. (Near-duplicates are checked by the
 * caller, which knows the stems accepted so far.) Every reason found is reported, not only the
 * first.
 */
export function checkDraft(raw: unknown, ctx: DraftContext): DraftOutcome {
  const stem = stemExcerpt(
    typeof raw === 'object' && raw !== null ? (raw as { stem?: unknown }).stem : undefined,
  );
  const parsed = DraftItem.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      stem,
      reasons: parsed.error.issues.map((i) => {
        const where = i.path.length > 0 ? i.path.join('.') : 'item';
        return `${where}: ${i.message}`;
      }),
    };
  }
  const draft = parsed.data;
  const reasons: string[] = [];
  const source = ctx.sources.find((s) => s.noteId === draft.sourceNoteId);
  if (!source) {
    reasons.push(
      `sourceNoteId: "${draft.sourceNoteId}" is not one of the selected notes (${ctx.sources.map((s) => s.noteId).join(', ')})`,
    );
  } else if (!source.tasks.includes(draft.task)) {
    reasons.push(
      `task: ${draft.task} is not a task statement the note "${source.noteId}" teaches (${source.tasks.join(', ')})`,
    );
  }
  if (ctx.task !== undefined && draft.task !== ctx.task) {
    reasons.push(`task: the case study is for task statement ${ctx.task}, not ${draft.task}`);
  }
  if (!ctx.types.includes(draft.type)) {
    reasons.push(`type: ${draft.type} questions were not requested (${ctx.types.join(', ')})`);
  }
  if (ctx.difficulty !== 'mixed' && draft.difficulty !== ctx.difficulty) {
    reasons.push(`difficulty: ${draft.difficulty} was not requested (${ctx.difficulty})`);
  }
  const built = toQuestion(draft, ctx);
  reasons.push(...built.reasons);
  const strict = Question.safeParse(built.question);
  if (!strict.success) {
    reasons.push(...strict.error.issues.map((i) => issueReason(i, draft.type)));
  } else {
    reasons.push(...questionProblems(strict.data));
  }
  if (source && !passageOccursIn(draft.sourcePassage, source.text)) {
    reasons.push(
      `sourcePassage: the quoted passage does not occur word for word in the note "${source.noteId}"`,
    );
  }
  if (reasons.length > 0 || !strict.success) {
    return { ok: false, stem, reasons: [...new Set(reasons)] };
  }
  return { ok: true, question: strict.data };
}

/** A case-study set as the model returns it: loose, so a bad one yields readable reasons. */
export const DraftCase = z.object({
  title: z.string(),
  scenario: z.string(),
  questions: z.array(z.unknown()),
});

/** One refused question of a set: its 1-based place, its stem, and why. */
export interface CaseItemProblem {
  position: number;
  stem: string | null;
  reasons: string[];
}

export type CaseDraftOutcome =
  | { ok: true; title: string; scenario: string; questions: Question[] }
  | {
      ok: false;
      /** What is wrong with the set as a whole (title, scenario, number of questions). */
      setReasons: string[];
      /** What is wrong with each refused question. */
      items: CaseItemProblem[];
      title: string | null;
    };

/** Limits a case set must meet (the bank's CaseStudy schema has the same). */
const CASE = { titleMin: 5, titleMax: 120, scenarioMin: 200, scenarioMax: 2500 } as const;

/**
 * Every check a generated case-study set must pass: its shape, a title of 5-120 and a scenario of
 * 200-2,500 characters, exactly `count` questions, and every question passing `checkDraft` (with
 * the case's id and task statement). Near-duplicates and the needs-the-scenario check are the
 * caller's. Every reason is reported, for the set and for each question.
 */
export function checkCaseDraft(
  raw: unknown,
  ctx: DraftContext & { caseId: string; task: string; count: number },
): CaseDraftOutcome {
  const parsed = DraftCase.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      title: null,
      items: [],
      setReasons: parsed.error.issues.map((i) => {
        const where = i.path.length > 0 ? i.path.join('.') : 'case';
        return `${where}: ${i.message}`;
      }),
    };
  }
  const { title, scenario, questions } = parsed.data;
  const setReasons: string[] = [];
  const t = title.trim();
  const sc = scenario.trim();
  if (t.length < CASE.titleMin || t.length > CASE.titleMax)
    setReasons.push(
      `title: ${t.length} characters; a title has ${CASE.titleMin} to ${CASE.titleMax}`,
    );
  if (sc.length < CASE.scenarioMin || sc.length > CASE.scenarioMax)
    setReasons.push(
      `scenario: ${sc.length} characters; a scenario has ${CASE.scenarioMin} to ${CASE.scenarioMax}`,
    );
  if (questions.length !== ctx.count)
    setReasons.push(`questions: ${ctx.count} were asked for and the set has ${questions.length}`);
  const accepted: Question[] = [];
  const items: CaseItemProblem[] = [];
  questions.slice(0, 4).forEach((q, i) => {
    const outcome = checkDraft(q, ctx);
    if (outcome.ok) accepted.push(outcome.question);
    else items.push({ position: i + 1, stem: outcome.stem, reasons: outcome.reasons });
  });
  if (setReasons.length > 0 || items.length > 0) {
    return { ok: false, setReasons, items, title: t.length > 0 ? t.slice(0, 120) : null };
  }
  return { ok: true, title: t, scenario: sc, questions: accepted };
}
