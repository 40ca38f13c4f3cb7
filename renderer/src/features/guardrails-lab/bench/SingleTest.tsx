/** One text through ApplyGuardrail: as a prompt (INPUT) or an answer (OUTPUT), with grounding. */
import { estimatedTextUnits } from '../../../../../shared/guardrail-suite';
import { formatCount, plural } from '../../../lib/format';
import { TextField } from '../../../components/TextField';
import { editForm, runSingle, type BenchState } from './bench-store';

export function SingleTest({ bench }: { bench: BenchState }) {
  const f = bench.form;
  const chars = Array.from(f.text).length;
  return (
    <section className="card" aria-labelledby="gr-single">
      <h2 id="gr-single">Check a text</h2>
      <fieldset className="gr-source">
        <legend className="gr-label">Check the text as</legend>
        {(['INPUT', 'OUTPUT'] as const).map((s) => (
          <label key={s} className="check">
            <input
              type="radio"
              name="gr-source"
              checked={f.source === s}
              onChange={() => editForm({ source: s })}
            />
            {s === 'INPUT' ? 'INPUT (a user prompt)' : 'OUTPUT (a model answer)'}
          </label>
        ))}
      </fieldset>
      <TextField
        label="Text to check"
        rows={4}
        value={f.text}
        onChange={(text) => editForm({ text })}
        hint={`${formatCount(chars)} characters: about ${plural(estimatedTextUnits(chars), 'text unit')} per policy (an estimate; the response says what was billed).`}
      />
      <label className="check">
        <input
          type="checkbox"
          checked={f.grounding}
          onChange={(e) =>
            editForm(
              e.target.checked ? { grounding: true, source: 'OUTPUT' } : { grounding: false },
            )
          }
        />
        Check contextual grounding (send a source and the user&apos;s query with the answer)
      </label>
      {f.grounding ? (
        <div className="form-grid">
          <TextField
            label="Grounding source"
            rows={3}
            value={f.groundingSource}
            onChange={(groundingSource) => editForm({ groundingSource })}
          />
          <TextField
            label="Query"
            rows={3}
            value={f.query}
            onChange={(query) => editForm({ query })}
          />
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={
            bench.busy ||
            !bench.guardrailId ||
            !f.text.trim() ||
            (f.grounding && (!f.groundingSource.trim() || !f.query.trim()))
          }
          onClick={() => void runSingle()}
        >
          {bench.busy ? 'Applying…' : 'Apply guardrail'}
        </button>
      </div>
    </section>
  );
}
