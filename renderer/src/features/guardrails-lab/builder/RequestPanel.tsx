/**
 * What the builder would send: every problem first (errors block sending), then the
 * CreateGuardrail / UpdateGuardrail body member for member, and the buttons that send it.
 */
import {
  GUARDRAIL_SERVICE_MODEL,
  guardrailRequestBody,
  type GuardrailProblem,
} from '../../../../../shared/guardrail-builder';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { plural } from '../../../lib/format';
import {
  createGuardrail,
  createVersion,
  updateGuardrail,
  type GuardrailLabState,
} from './guardrail-store';

function ProblemList({ problems }: { problems: readonly GuardrailProblem[] }) {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return (
    <div className="gr-problems" data-testid="guardrail-problems">
      <p className={errors ? 'field-error' : 'muted'} role="status">
        {errors
          ? `${plural(errors, 'problem')} to fix before sending`
          : 'No problem: the request is within the limits'}
        {warnings ? ` (${plural(warnings, 'warning')})` : ''}.
      </p>
      {problems.length ? (
        <ul>
          {problems.map((p, i) => (
            <li key={i} className={p.severity === 'error' ? 'gr-error' : 'gr-warning'}>
              <strong>{p.severity === 'error' ? 'Error' : 'Warning'}</strong>
              {p.apiMember ? (
                <>
                  {' '}
                  <code>{p.apiMember}</code>
                </>
              ) : null}
              : {p.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function RequestPanel({
  lab,
  problems,
}: {
  lab: GuardrailLabState;
  problems: readonly GuardrailProblem[];
}) {
  const blocked = problems.some((p) => p.severity === 'error');
  const body = guardrailRequestBody(lab.definition);
  const editing = lab.guardrails?.find((g) => g.id === lab.editingId) ?? null;
  return (
    <section className="card gr-request" aria-labelledby="gr-request">
      <h2 id="gr-request">The request</h2>
      {/* The limits come from GUARDRAIL_SERVICE_MODEL (the botocore copy of the Bedrock service
          model the API reference is generated from); the exact source is in the title. */}
      <p className="hint" title={`Source: ${GUARDRAIL_SERVICE_MODEL}`}>
        Checked against the limits in the Bedrock API reference.
      </p>
      <ProblemList problems={problems} />
      <div className="actions">
        <button
          type="button"
          className="button primary"
          disabled={blocked || lab.busy !== null}
          onClick={() => void createGuardrail()}
        >
          {lab.busy === 'create' ? 'Creating…' : 'Create guardrail'}
        </button>
        <button
          type="button"
          className="button"
          disabled={blocked || !lab.editingId || lab.busy !== null}
          onClick={() => void updateGuardrail()}
        >
          {lab.busy === 'update' ? 'Updating…' : 'Update working draft'}
        </button>
        <button
          type="button"
          className="button"
          disabled={!lab.editingId || lab.busy !== null}
          onClick={() => void createVersion()}
        >
          {lab.busy === 'version' ? 'Creating version…' : 'Create version'}
        </button>
      </div>
      <p className="hint">
        {lab.editingId
          ? `Update and Create version act on ${editing?.name ?? lab.editingId} (id ${lab.editingId}).`
          : 'Create the guardrail first; Update and Create version then act on it.'}
      </p>
      <div aria-live="polite">{lab.notice ? <p className="gr-notice">{lab.notice}</p> : null}</div>
      {lab.error ? <ErrorPanel error={lab.error} /> : null}
      <details className="gr-json" open>
        <summary>{lab.editingId ? 'UpdateGuardrail' : 'CreateGuardrail'} request body</summary>
        <pre data-testid="guardrail-request" tabIndex={0} aria-label="Request body">
          {JSON.stringify(body, null, 2)}
        </pre>
      </details>
    </section>
  );
}
