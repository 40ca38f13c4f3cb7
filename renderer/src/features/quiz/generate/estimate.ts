/** What a generation run is sent (the notes as sources) and a rough estimate of what it costs. */
import type { Note } from '../../../../../shared/notes';
import { markdownToPlainText } from '../../../../../shared/question-checks';
import type { GenerationSource } from '../../../../../shared/question-generation';

/** Notes one run may use. */
export const MAX_SOURCES = 8;
const MAX_SOURCE_CHARS = 80_000;
/** Items per generation call (the main process's batch size). */
const ITEMS_PER_CALL = 5;
/** Rough token counts for the estimate: rules and tool schema, avoid-list, output per item. */
const PROMPT_TOKENS = 1_500;
const AVOID_TOKENS = 1_200;
const OUTPUT_TOKENS_PER_ITEM = 500;
const BLIND_INPUT_TOKENS = 250;
const BLIND_OUTPUT_TOKENS = 60;

export function sourceOf(note: Note): GenerationSource {
  return {
    noteId: note.id,
    title: note.title,
    domain: note.domain,
    tasks: note.tasks.slice(0, 14),
    text: markdownToPlainText(note.body).slice(0, MAX_SOURCE_CHARS),
  };
}

/** A rough, clearly labelled estimate: tokens ~ characters / 4, one call per five items. */
export function estimateRun(
  sources: readonly GenerationSource[],
  count: number,
  blindCheck: boolean,
): { calls: number; inputTokens: number; outputTokens: number } {
  const batches = Math.ceil(count / ITEMS_PER_CALL);
  const sourceTokens = Math.ceil(sources.reduce((n, s) => n + s.text.length, 0) / 4);
  let inputTokens = batches * (PROMPT_TOKENS + AVOID_TOKENS + sourceTokens);
  let outputTokens = count * OUTPUT_TOKENS_PER_ITEM;
  let calls = batches;
  if (blindCheck) {
    calls += count;
    inputTokens += count * BLIND_INPUT_TOKENS;
    outputTokens += count * BLIND_OUTPUT_TOKENS;
  }
  return { calls, inputTokens, outputTokens };
}

/** Output tokens of a case set's title and scenario (up to 2,500 characters). */
const SCENARIO_OUTPUT_TOKENS = 600;

/**
 * The estimate of a case-study set: one call for the set, one needs-the-scenario check per
 * question (choice questions only, counted for all), and with `blindCheck` a second blind call
 * per question that also reads the scenario.
 */
export function estimateCaseRun(
  sources: readonly GenerationSource[],
  count: number,
  blindCheck: boolean,
): { calls: number; inputTokens: number; outputTokens: number } {
  const base = estimateRun(sources, count, true);
  const scenarioCheckOnly = {
    calls: base.calls,
    inputTokens: base.inputTokens,
    outputTokens: base.outputTokens + SCENARIO_OUTPUT_TOKENS,
  };
  if (!blindCheck) return scenarioCheckOnly;
  return {
    calls: scenarioCheckOnly.calls + count,
    inputTokens:
      scenarioCheckOnly.inputTokens + count * (BLIND_INPUT_TOKENS + SCENARIO_OUTPUT_TOKENS),
    outputTokens: scenarioCheckOnly.outputTokens + count * BLIND_OUTPUT_TOKENS,
  };
}
