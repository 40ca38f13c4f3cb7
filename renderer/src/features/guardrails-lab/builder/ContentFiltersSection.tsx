/**
 * Content filters (harmful categories and prompt attacks), each on or off with its strength for
 * prompts and for responses, as the console's "Configure content filters" step shows them.
 */
import {
  ContentFilterType,
  FilterStrength,
  type ContentFilterDefinition,
  type GuardrailProblem,
} from '../../../../../shared/guardrail-builder';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';

const LABELS: Record<ContentFilterType, string> = {
  HATE: 'Hate',
  INSULTS: 'Insults',
  SEXUAL: 'Sexual',
  VIOLENCE: 'Violence',
  MISCONDUCT: 'Misconduct',
  PROMPT_ATTACK: 'Prompt attacks',
};

function setFilter(type: ContentFilterType, patch: Partial<ContentFilterDefinition> | null) {
  editDefinition((d) => {
    const others = d.contentFilters.filter((f) => f.type !== type);
    const current = d.contentFilters.find((f) => f.type === type) ?? {
      type,
      inputStrength: 'HIGH' as const,
      outputStrength: type === 'PROMPT_ATTACK' ? ('NONE' as const) : ('HIGH' as const),
    };
    const next = patch === null ? others : [...others, { ...current, ...patch }];
    const order = ContentFilterType.options;
    return {
      ...d,
      contentFilters: next.sort((a, b) => order.indexOf(a.type) - order.indexOf(b.type)),
    };
  });
}

function StrengthSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: FilterStrength) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(FilterStrength.parse(e.target.value))}
    >
      {FilterStrength.options.map((s) => (
        <option key={s} value={s}>
          {s}
        </option>
      ))}
    </select>
  );
}

export function ContentFiltersSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const filters = lab.definition.contentFilters;
  return (
    <section className="card gr-section" aria-labelledby="gr-content">
      <h2 id="gr-content">Content filters</h2>
      <p className="hint">
        Each filter classifies text as NONE, LOW, MEDIUM or HIGH confidence. A HIGH strength blocks
        LOW confidence and up; LOW strength blocks only HIGH confidence. Prompt attacks (jailbreaks,
        prompt injection) are checked in prompts only.
      </p>
      <div className="table-wrap">
        <table className="gr-table">
          <thead>
            <tr>
              <th scope="col">Filter</th>
              <th scope="col">Prompts (input strength)</th>
              <th scope="col">Responses (output strength)</th>
            </tr>
          </thead>
          <tbody>
            {ContentFilterType.options.map((type) => {
              const f = filters.find((x) => x.type === type);
              const i = filters.findIndex((x) => x.type === type);
              const problem = i >= 0 ? problemAt(problems, `contentFilters[${i}]`, true) : null;
              return (
                <tr key={type}>
                  <th scope="row">
                    <label className="check">
                      <input
                        type="checkbox"
                        checked={!!f}
                        onChange={(e) => setFilter(type, e.target.checked ? {} : null)}
                      />
                      {LABELS[type]}
                    </label>
                    {problem ? <p className="field-error">{problem}</p> : null}
                  </th>
                  <td>
                    {f ? (
                      <StrengthSelect
                        label={`${LABELS[type]} prompt strength`}
                        value={f.inputStrength}
                        onChange={(inputStrength) => setFilter(type, { inputStrength })}
                      />
                    ) : (
                      <span className="muted">off</span>
                    )}
                  </td>
                  <td>
                    {f ? (
                      <StrengthSelect
                        label={`${LABELS[type]} response strength`}
                        value={f.outputStrength}
                        onChange={(outputStrength) => setFilter(type, { outputStrength })}
                      />
                    ) : (
                      <span className="muted">off</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
