/** Word filters: the managed profanity list and custom words or phrases (exact match). */
import { GUARDRAIL_LIMITS, type GuardrailProblem } from '../../../../../shared/guardrail-builder';
import { formatCount, plural } from '../../../lib/format';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';
import { LinesField } from './LinesField';

export function WordsSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const { words, profanity } = lab.definition.wordFilters;
  const setWords = (patch: Partial<typeof lab.definition.wordFilters>) =>
    editDefinition((d) => ({ ...d, wordFilters: { ...d.wordFilters, ...patch } }));
  return (
    <section className="card gr-section" aria-labelledby="gr-words">
      <h2 id="gr-words">Word filters</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={profanity}
          onChange={(e) => setWords({ profanity: e.target.checked })}
        />
        Filter profanity (the managed profanity list, kept up to date by AWS)
      </label>
      <LinesField
        key={lab.revision}
        label="Custom words and phrases (one per line)"
        items={words}
        rows={3}
        problem={problemAt(problems, 'wordFilters.words', true)}
        hint={`${plural(words.length, 'entry', 'entries')}; up to ${formatCount(GUARDRAIL_LIMITS.words.max)} of up to ${GUARDRAIL_LIMITS.word.max} characters, matched exactly.`}
        onChange={(next) => setWords({ words: next })}
      />
    </section>
  );
}
