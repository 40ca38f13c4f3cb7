/**
 * The learner's guardrails in the Settings Region (ListGuardrails: the working draft of each),
 * with Open and Delete. Delete asks first and says it cannot be undone: AWS keeps no copy.
 */
import { useEffect, useState } from 'react';
import type { GuardrailSummary } from '../../../../../shared/guardrails-contract';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatDateTime } from '../../../lib/format';
import {
  deleteGuardrail,
  openGuardrail,
  refreshGuardrails,
  type GuardrailLabState,
} from './guardrail-store';

function ConfirmDelete({ g, onDone }: { g: GuardrailSummary; onDone: () => void }) {
  return (
    <div className="gr-confirm" role="alertdialog" aria-labelledby={`del-${g.id}`}>
      <p id={`del-${g.id}`}>
        Delete <strong>{g.name}</strong> and all its versions? Amazon Bedrock keeps no copy, so
        there is no Undo: this cannot be reversed.
      </p>
      <div className="actions">
        <button
          type="button"
          className="button danger"
          onClick={() => void deleteGuardrail(g.id, g.name).then(onDone)}
        >
          Delete {g.name} for good
        </button>
        <button type="button" className="button" onClick={onDone} autoFocus>
          Keep it
        </button>
      </div>
    </div>
  );
}

export function GuardrailList({ lab }: { lab: GuardrailLabState }) {
  const [confirming, setConfirming] = useState<string | null>(null);
  useEffect(() => {
    if (lab.guardrails === null) void refreshGuardrails();
  }, [lab.guardrails]);
  const list = lab.guardrails ?? [];
  return (
    <section className="card gr-list" aria-labelledby="gr-list">
      <h2 id="gr-list">Your guardrails</h2>
      {lab.listError ? <ErrorPanel error={lab.listError} /> : null}
      {lab.guardrails !== null && list.length === 0 ? (
        <p className="muted">No guardrail in this Region yet.</p>
      ) : null}
      <ul className="gr-guardrails" aria-label="Your guardrails">
        {list.map((g) => (
          <li key={g.id} className={g.id === lab.editingId ? 'current' : undefined}>
            <div className="gr-guardrail-name">
              <strong>{g.name}</strong> <code>{g.id}</code>
              <span className="muted small">
                {g.status} · updated {g.updatedAt ? formatDateTime(g.updatedAt) : 'unknown'}
              </span>
            </div>
            <div className="actions">
              <button
                type="button"
                className="button"
                disabled={lab.busy !== null}
                onClick={() => void openGuardrail(g.id)}
              >
                Open {g.name}
              </button>
              <button
                type="button"
                className="button"
                disabled={lab.busy !== null}
                onClick={() => setConfirming(g.id)}
              >
                Delete {g.name}…
              </button>
            </div>
            {confirming === g.id ? (
              <ConfirmDelete g={g} onDone={() => setConfirming(null)} />
            ) : null}
          </li>
        ))}
      </ul>
      <button type="button" className="button" onClick={() => void refreshGuardrails()}>
        Reload the list
      </button>
    </section>
  );
}
