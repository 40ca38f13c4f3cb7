/**
 * The text of question generation: the item-writing rules, the batch request, the repair turn and
 * the blind-check question, plus robust extraction of JSON from a model's text reply. Pure.
 *
 * Note text and everything the model writes are data: they are placed inside the prompt or parsed
 * as JSON, never evaluated.
 */
import type { GenerationSource, QuestionType } from './question-generation';
import { CASE_TOOL_NAME, QUESTIONS_TOOL_NAME, type JsonObject } from './question-draft';
import { createRng, seedFromText, shuffle } from './random';

export type Difficulty = 'easy' | 'medium' | 'hard';

/** One question the batch asks for. */
export interface Slot {
  type: QuestionType;
  difficulty: Difficulty;
}

const TYPE_WORDS: Record<QuestionType, string> = {
  single: 'single-answer (multiple choice)',
  multiple: 'multiple-response',
  ordering: 'ordering',
  matching: 'matching',
};

/** AIF-C01 item-writing rules, shared by both output modes. */
export const ITEM_WRITING_RULES = `Rules for every question:
- Test understanding of what the source note teaches, the way the AWS Certified AI Practitioner (AIF-C01) exam does: a short scenario or a direct question, one clear task, no trick wording.
- Use only facts stated in the source note. Do not mention "the note" or "the text" in the question.
- single: 4 or 5 options and exactly one best answer. multiple: 5 to 7 options, 2 or 3 correct, and the stem ends with "(Select TWO.)" or "(Select THREE.)" to match.
- Distractors are plausible: real AWS services, features or ML concepts from the same area that are wrong for a reason the note explains. Options are similar in length and grammar. Never "all of the above" or "none of the above". Option texts are all different.
- ordering: 3 to 5 steps with one defensible order. matching: 3 to 7 prompts, each with exactly one matching choice; choices may include one extra distractor.
- Option, step, prompt and choice ids are single lower-case letters (a, b, c, ...).
- explanation: why the correct answer is correct. whyWrong (single and multiple): for every wrong option, why it is wrong; nothing for the correct ones.
- sourcePassage: one or two sentences copied word for word from the source note that support the answer (20 to 600 characters). Do not paraphrase, shorten words or join sentences that are apart.
- task: the exam task statement the question tests, from the tasks listed for its note.`;

/** The system prompt of a generation call; `mode` says how the questions come back. */
export function generationSystemPrompt(mode: 'tool' | 'json', jsonSchema: unknown): string {
  const intro =
    'You write practice questions for the AWS Certified AI Practitioner (AIF-C01) exam, grounded in the study notes you are given.';
  const output =
    mode === 'tool'
      ? `Return the questions only by calling the ${QUESTIONS_TOOL_NAME} tool.`
      : `Reply with exactly one JSON object and nothing else (no prose, no Markdown fence), matching this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
  return `${intro}\n\n${ITEM_WRITING_RULES}\n\n${output}`;
}

function describeSlots(slots: readonly Slot[]): string {
  const counts = new Map<string, number>();
  for (const s of slots) {
    const key = `${TYPE_WORDS[s.type]} (type "${s.type}"), ${s.difficulty}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([key, n]) => `- ${n} × ${key}`).join('\n');
}

/** The note(s) as delimited data blocks. */
export function sourcesBlock(sources: readonly GenerationSource[]): string {
  return sources
    .map(
      (s) =>
        `<note id="${s.noteId}" title="${s.title.replace(/"/g, "'")}" tasks="${s.tasks.join(', ')}">\n${s.text}\n</note>`,
    )
    .join('\n\n');
}

/** The user turn that asks for one batch. */
export function batchPrompt(
  sources: readonly GenerationSource[],
  slots: readonly Slot[],
  avoidStems: readonly string[],
): string {
  const avoid =
    avoidStems.length === 0
      ? ''
      : `\n\nThe learner already has these questions. Do not repeat or reword them; ask about something else:\n${avoidStems.map((s) => `- ${s.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')}`;
  return `Source notes:\n\n${sourcesBlock(sources)}\n\nWrite exactly ${slots.length} new question${slots.length === 1 ? '' : 's'}:\n${describeSlots(slots)}${avoid}`;
}

export interface ItemProblem {
  /** 1-based position of the item in the reply. */
  position: number;
  stem: string | null;
  reasons: string[];
}

/** The follow-up turn that lists what was wrong and asks for replacements. */
export function repairPrompt(
  problems: readonly ItemProblem[],
  replyProblem: string | null,
  wanted: number,
  mode: 'tool' | 'json',
): string {
  const lines: string[] = [];
  if (replyProblem) lines.push(`Your reply could not be used: ${replyProblem}`);
  if (problems.length > 0) {
    lines.push('These questions were not accepted:');
    for (const p of problems) {
      const label = p.stem ? ` ("${p.stem.slice(0, 80)}")` : '';
      lines.push(`- Question ${p.position}${label}: ${p.reasons.join('; ')}`);
    }
  }
  const how =
    mode === 'tool'
      ? `Call the ${QUESTIONS_TOOL_NAME} tool again`
      : 'Reply again with one JSON object of the same shape';
  lines.push(
    `${how} with exactly ${wanted} corrected or new question${wanted === 1 ? '' : 's'} to replace ${wanted === 1 ? 'it' : 'them'}, following every rule. Do not repeat the questions that were accepted.`,
  );
  return lines.join('\n');
}

/** What a case-study set adds to the rules. */
export const CASE_WRITING_RULES = `Rules for a case-study set:
- Write one scenario of 200 to 2500 characters: an organisation, what it has (data, systems, team), its constraints (cost, latency, privacy, regulation) and what it needs. Plain prose, no questions in it.
- Every question must depend on details of the scenario (a constraint, a number, a requirement) so that it cannot be answered correctly without reading the scenario. Refer to the scenario ("the company", "the team") instead of repeating it.
- The questions ask about different decisions; none gives away the answer of another.
- Facts still come only from the source notes, and each question quotes its own sourcePassage.`;

/** The system prompt of a case-study call. */
export function caseSystemPrompt(mode: 'tool' | 'json', jsonSchema: unknown): string {
  const intro =
    'You write case-study sets for the AWS Certified AI Practitioner (AIF-C01) exam, grounded in the study notes you are given: one shared scenario and questions that need it.';
  const output =
    mode === 'tool'
      ? `Return the set only by calling the ${CASE_TOOL_NAME} tool.`
      : `Reply with exactly one JSON object and nothing else (no prose, no Markdown fence), matching this JSON Schema:\n${JSON.stringify(jsonSchema)}`;
  return `${intro}\n\n${ITEM_WRITING_RULES}\n\n${CASE_WRITING_RULES}\n\n${output}`;
}

/** The user turn that asks for one case-study set on task statement `task`. */
export function casePrompt(
  sources: readonly GenerationSource[],
  task: string,
  slots: readonly Slot[],
  avoidStems: readonly string[],
): string {
  const avoid =
    avoidStems.length === 0
      ? ''
      : `\n\nThe learner already has these questions. Do not repeat or reword them:\n${avoidStems.map((s) => `- ${s.replace(/\s+/g, ' ').slice(0, 300)}`).join('\n')}`;
  return `Source notes:\n\n${sourcesBlock(sources)}\n\nWrite one case-study set on task statement ${task}: a scenario and exactly ${slots.length} questions (task "${task}" on every one):\n${describeSlots(slots)}${avoid}`;
}

/** The follow-up turn after a refused set: what was wrong with the set and each question. */
export function caseRepairPrompt(
  setReasons: readonly string[],
  problems: readonly ItemProblem[],
  replyProblem: string | null,
  count: number,
  mode: 'tool' | 'json',
): string {
  const lines: string[] = [];
  if (replyProblem) lines.push(`Your reply could not be used: ${replyProblem}`);
  for (const r of setReasons) lines.push(`- The set: ${r}`);
  for (const p of problems) {
    const label = p.stem ? ` ("${p.stem.slice(0, 80)}")` : '';
    lines.push(`- Question ${p.position}${label}: ${p.reasons.join('; ')}`);
  }
  const how =
    mode === 'tool'
      ? `Call the ${CASE_TOOL_NAME} tool again`
      : 'Reply again with one JSON object of the same shape';
  lines.push(
    `${how} with the whole corrected set: the scenario and exactly ${count} questions, following every rule.`,
  );
  return lines.join('\n');
}

export const BLIND_TOOL_NAME = 'submit_answer';
export const BLIND_LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;

/** The blind check's option order, seeded from the item's id: the same item always shows the same order. */
export function shuffled<T>(items: readonly T[], seed: string): T[] {
  return shuffle(items, createRng(seedFromText(seed)));
}

/**
 * The blind check's question: the stem and the relabelled options, nothing else; with
 * `scenario`, the case study's scenario comes first (the check with the scenario). The
 * needs-the-scenario check calls it without.
 */
export function blindPrompt(
  stem: string,
  options: readonly string[],
  choose: number,
  mode: 'tool' | 'json',
  scenario?: string,
): string {
  const listed = options.map((text, i) => `${BLIND_LABELS[i] ?? '?'}. ${text}`).join('\n');
  const how =
    mode === 'tool'
      ? `Answer by calling the ${BLIND_TOOL_NAME} tool.`
      : 'Reply with exactly one JSON object and nothing else: {"answers": ["<letter>", ...], "reason": "<one sentence>"}.';
  const context = scenario ? `Scenario:\n${scenario}\n\nQuestion:\n` : '';
  return `Answer this AWS Certified AI Practitioner practice question. Choose exactly ${choose} option${choose === 1 ? '' : 's'}, by letter.\n\n${context}${stem}\n\n${listed}\n\n${how}`;
}

/** The blind check's tool schema, with the letters in use as an enum. */
export function blindToolSchema(optionCount: number): JsonObject {
  return {
    type: 'object',
    properties: {
      answers: {
        type: 'array',
        items: { type: 'string', enum: BLIND_LABELS.slice(0, optionCount) },
        description: 'The letters of the options you choose.',
      },
      reason: { type: 'string', description: 'One sentence: why.' },
    },
    required: ['answers'],
  };
}

/** The end index (exclusive) of the JSON value starting at `start` ('{' or '['), or -1. */
function balancedEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * The JSON value in a model's text reply: the whole reply, else a fenced ```json block, else the
 * first balanced {...} or [...] that parses (models often add a sentence before or after). Returns
 * null when there is none. `accept` can refuse a candidate so the search goes on.
 */
export function extractJson(
  text: string,
  accept: (value: unknown) => boolean = () => true,
): { value: unknown } | null {
  const candidates: string[] = [text.trim()];
  for (const m of text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)) {
    if (m[1] !== undefined) candidates.push(m[1].trim());
  }
  for (const candidate of candidates) {
    const parsed = tryParse(candidate);
    if (parsed.ok && accept(parsed.value)) return { value: parsed.value };
  }
  let tries = 0;
  for (let i = 0; i < text.length && tries < 50; i++) {
    if (text[i] !== '{' && text[i] !== '[') continue;
    tries++;
    const end = balancedEnd(text, i);
    if (end < 0) continue;
    const parsed = tryParse(text.slice(i, end));
    if (parsed.ok && accept(parsed.value)) return { value: parsed.value };
  }
  return null;
}
