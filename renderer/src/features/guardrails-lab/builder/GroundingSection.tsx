/** Contextual grounding check: grounding and relevance thresholds (0 to 0.99). */
import type { GuardrailProblem } from '../../../../../shared/guardrail-builder';
import { NumberField } from '../../../components/fields';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';

const CHECKS = [
  {
    key: 'grounding',
    label: 'Grounding',
    what: 'how far the answer is supported by the source (catches hallucinations)',
  },
  {
    key: 'relevance',
    label: 'Relevance',
    what: 'how far the answer addresses the query',
  },
] as const;

export function GroundingSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const g = lab.definition.contextualGrounding;
  const set = (key: 'grounding' | 'relevance', value: number | null) =>
    editDefinition((d) => ({
      ...d,
      contextualGrounding: { ...d.contextualGrounding, [key]: value },
    }));
  return (
    <section className="card gr-section" aria-labelledby="gr-grounding">
      <h2 id="gr-grounding">Contextual grounding check</h2>
      <p className="hint">
        Scores from 0 to 1; an answer scoring below a threshold is blocked. It needs a source and
        the user&apos;s query with the answer (the test bench sends both).
      </p>
      <div className="form-grid">
        {CHECKS.map((c) => {
          const value = g[c.key];
          return (
            <div key={c.key} className="gr-check">
              <label className="check">
                <input
                  type="checkbox"
                  checked={value !== null}
                  onChange={(e) => set(c.key, e.target.checked ? 0.7 : null)}
                />
                {c.label} check
              </label>
              {value !== null ? (
                <NumberField
                  label={`${c.label} threshold`}
                  value={value}
                  min={0}
                  max={0.99}
                  step={0.01}
                  onChange={(v) => set(c.key, v)}
                  hint={problemAt(problems, `contextualGrounding.${c.key}`) ?? `Scores ${c.what}.`}
                />
              ) : null}
            </div>
          );
        })}
      </div>
    </section>
  );
}
