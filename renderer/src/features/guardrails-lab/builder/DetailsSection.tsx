/** Guardrail details and the blocked messages, with the console's names. */
import type { GuardrailProblem } from '../../../../../shared/guardrail-builder';
import { GUARDRAIL_LIMITS } from '../../../../../shared/guardrail-builder';
import { editDefinition, type GuardrailLabState } from './guardrail-store';
import { problemAt } from './problems';
import { TextField } from '../../../components/TextField';

export function DetailsSection({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const d = lab.definition;
  const L = GUARDRAIL_LIMITS;
  return (
    <section className="card gr-section" aria-labelledby="gr-details">
      <h2 id="gr-details">Guardrail details</h2>
      <div className="form-grid">
        <TextField
          label="Name"
          value={d.name}
          problem={problemAt(problems, 'name')}
          hint={`${L.name.min}-${L.name.max} letters, digits, - and _; unique in the Region.`}
          onChange={(name) => editDefinition((x) => ({ ...x, name }))}
        />
        <TextField
          label="Description"
          value={d.description}
          problem={problemAt(problems, 'description')}
          hint={`Optional, up to ${L.description.max} characters.`}
          onChange={(description) => editDefinition((x) => ({ ...x, description }))}
        />
        <TextField
          label="Messaging for blocked prompts"
          rows={2}
          value={d.blockedInputMessaging}
          problem={problemAt(problems, 'blockedInputMessaging')}
          hint={`Sent instead of the answer when a prompt is blocked (1-${L.blockedMessaging.max} characters).`}
          onChange={(blockedInputMessaging) =>
            editDefinition((x) => ({ ...x, blockedInputMessaging }))
          }
        />
        <TextField
          label="Messaging for blocked responses"
          rows={2}
          value={d.blockedOutputsMessaging}
          problem={problemAt(problems, 'blockedOutputsMessaging')}
          hint={`Sent instead of a blocked answer (1-${L.blockedMessaging.max} characters).`}
          onChange={(blockedOutputsMessaging) =>
            editDefinition((x) => ({ ...x, blockedOutputsMessaging }))
          }
        />
      </div>
    </section>
  );
}
