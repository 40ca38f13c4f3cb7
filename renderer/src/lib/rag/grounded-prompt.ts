/**
 * The grounded answer's prompt: a template (the learner can edit it) with `$search_results$`
 * where the retrieved chunks go, numbered [1]..[n], as Bedrock Knowledge Bases' own generation
 * prompt template does (RetrieveAndGenerate's `textPromptTemplate` must contain
 * `$search_results$`). The filled template is the system prompt; the question is the user's
 * message. The same question without retrieval goes with no system prompt at all.
 */

export const SEARCH_RESULTS = '$search_results$';

export const DEFAULT_GROUNDED_TEMPLATE = [
  'You are a study assistant for the AWS Certified AI Practitioner exam.',
  'Answer the question using only the numbered sources below.',
  'After each sentence that uses a source, cite it by its number in square brackets, like [1] or [2][3].',
  'Cite only numbers that appear below. If the sources do not contain the answer, say so instead of guessing.',
  'Keep the answer under 150 words.',
  '',
  'Sources:',
  SEARCH_RESULTS,
].join('\n');

export interface PromptSource {
  title: string;
  text: string;
}

/** The sources as the model sees them: "[1] (Title)\ntext", blank line between. */
export function formatSources(sources: readonly PromptSource[]): string {
  return sources.map((s, i) => `[${i + 1}] (${s.title})\n${s.text.trim()}`).join('\n\n');
}

/** What is wrong with a template, as sentences; empty when it can be used. */
export function templateProblems(template: string): string[] {
  const out: string[] = [];
  if (!template.includes(SEARCH_RESULTS))
    out.push(`The template must contain ${SEARCH_RESULTS} where the numbered sources go.`);
  if (template.length > 20_000) out.push('The template may be at most 20,000 characters.');
  return out;
}

/** The system prompt: the template with every `$search_results$` replaced by the sources. */
export function fillTemplate(template: string, sources: readonly PromptSource[]): string {
  const block = sources.length > 0 ? formatSources(sources) : '(no sources were retrieved)';
  return template.split(SEARCH_RESULTS).join(block);
}
