/**
 * Sensitive information filters: PII entity types and custom regexes, each with the console's
 * behaviour (Block, Mask, or detect only).
 */
import {
  GUARDRAIL_LIMITS,
  PiiEntityType,
  SensitiveInformationAction,
  type GuardrailProblem,
  type RegexDefinition,
} from '../../../../../shared/guardrail-builder';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';
import { TextField } from '../../../components/TextField';
import { SelectField } from '../../../components/choice-fields';

const ACTION_LABELS: Record<SensitiveInformationAction, string> = {
  BLOCK: 'Block',
  ANONYMIZE: 'Mask (ANONYMIZE)',
  NONE: 'Detect only (NONE)',
};

export function ActionSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: SensitiveInformationAction;
  onChange: (v: SensitiveInformationAction) => void;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(SensitiveInformationAction.parse(e.target.value))}
    >
      {SensitiveInformationAction.options.map((a) => (
        <option key={a} value={a}>
          {ACTION_LABELS[a]}
        </option>
      ))}
    </select>
  );
}

type Sensitive = GuardrailLabState['definition']['sensitiveInformation'];
const edit = (update: (s: Sensitive) => Sensitive) =>
  editDefinition((d) => ({ ...d, sensitiveInformation: update(d.sensitiveInformation) }));

function editRegex(i: number, patch: Partial<RegexDefinition> | null) {
  edit((s) => ({
    ...s,
    regexes:
      patch === null
        ? s.regexes.filter((_, j) => j !== i)
        : s.regexes.map((r, j) => (j === i ? { ...r, ...patch } : r)),
  }));
}

export function SensitiveSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const { piiEntities, regexes } = lab.definition.sensitiveInformation;
  const unused = PiiEntityType.options.filter((t) => !piiEntities.some((p) => p.type === t));
  return (
    <section className="card gr-section" aria-labelledby="gr-pii">
      <h2 id="gr-pii">Sensitive information filters</h2>
      <h3>PII types</h3>
      <ul className="gr-pii-list">
        {piiEntities.map((p, i) => (
          <li key={p.type}>
            <code>{p.type}</code>
            <ActionSelect
              label={`${p.type} behaviour`}
              value={p.action}
              onChange={(action) =>
                edit((s) => ({
                  ...s,
                  piiEntities: s.piiEntities.map((x, j) => (j === i ? { ...x, action } : x)),
                }))
              }
            />
            <button
              type="button"
              className="button"
              aria-label={`Remove ${p.type}`}
              onClick={() =>
                edit((s) => ({ ...s, piiEntities: s.piiEntities.filter((_, j) => j !== i) }))
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <SelectField
        label="Add a PII type"
        value=""
        options={[
          { value: '', label: `Choose one of ${unused.length} types…` },
          ...unused.map((t) => ({ value: t, label: t })),
        ]}
        onChange={(value) => {
          const type = PiiEntityType.safeParse(value);
          if (type.success) {
            edit((s) => ({
              ...s,
              piiEntities: [...s.piiEntities, { type: type.data, action: 'ANONYMIZE' }],
            }));
          }
        }}
      />
      <h3>Regex patterns</h3>
      <ol className="gr-items">
        {regexes.map((r, i) => (
          <li key={`${lab.revision}-${i}`} className="gr-item form-grid">
            <TextField
              label={`Regex ${i + 1} name`}
              value={r.name}
              problem={problemAt(problems, `sensitiveInformation.regexes[${i}].name`)}
              onChange={(name) => editRegex(i, { name })}
            />
            <TextField
              label={`Regex ${i + 1} pattern`}
              value={r.pattern}
              problem={problemAt(problems, `sensitiveInformation.regexes[${i}].pattern`)}
              onChange={(pattern) => editRegex(i, { pattern })}
            />
            <TextField
              label={`Regex ${i + 1} description`}
              value={r.description}
              problem={problemAt(problems, `sensitiveInformation.regexes[${i}].description`)}
              onChange={(description) => editRegex(i, { description })}
            />
            <div className="field">
              <span className="gr-label">Behaviour</span>
              <ActionSelect
                label={`Regex ${i + 1} behaviour`}
                value={r.action}
                onChange={(action) => editRegex(i, { action })}
              />
              <button type="button" className="button" onClick={() => editRegex(i, null)}>
                Remove regex {i + 1}
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() =>
          edit((s) => ({
            ...s,
            regexes: [
              ...s.regexes,
              { name: '', description: '', pattern: '', action: 'ANONYMIZE' },
            ],
          }))
        }
      >
        Add a regex pattern
      </button>
      <p className="hint">
        Up to {GUARDRAIL_LIMITS.regexes.max} regexes, patterns of up to{' '}
        {GUARDRAIL_LIMITS.regexPattern.max} characters.
      </p>
    </section>
  );
}
