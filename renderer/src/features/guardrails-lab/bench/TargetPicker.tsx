/** Which guardrail and version the bench applies: the learner's guardrails, listed. */
import type { GuardrailLabState } from '../builder/guardrail-store';
import { chooseGuardrail, chooseVersion, type BenchState } from './bench-store';
import { SelectField } from '../../../components/choice-fields';
import { ErrorPanel } from '../../../components/ConnectionStatus';

export function TargetPicker({ lab, bench }: { lab: GuardrailLabState; bench: BenchState }) {
  const list = lab.guardrails ?? [];
  const options = [
    { value: '', label: list.length ? 'Choose a guardrail…' : 'No guardrail yet' },
    ...list.map((g) => ({ value: g.id, label: `${g.name} (${g.id})` })),
  ];
  return (
    <section className="card" aria-labelledby="gr-target">
      <h2 id="gr-target">Guardrail to test</h2>
      {lab.listError ? (
        <ErrorPanel error={lab.listError} title="Your guardrails could not be listed" />
      ) : null}
      <div className="form-grid">
        <SelectField
          label="Guardrail"
          value={bench.guardrailId}
          options={options}
          onChange={(id) => void chooseGuardrail(id)}
          hint={
            list.length
              ? 'ApplyGuardrail checks text against it; no model is called.'
              : 'Create one in the Guardrail builder tab first.'
          }
        />
        <SelectField
          label="Version"
          value={bench.version}
          options={bench.versions.map((v) => ({
            value: v,
            label: v === 'DRAFT' ? 'DRAFT (working draft)' : `Version ${v}`,
          }))}
          onChange={chooseVersion}
          disabled={!bench.guardrailId}
        />
      </div>
    </section>
  );
}
